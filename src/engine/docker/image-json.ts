/**
 * `docker image inspect` JSON and `docker history` rows for the catalogue
 * images. The history is derived from the image config when the catalogue
 * gives none: the base layer's `ADD file:… in /`, one `RUN` per further
 * layer, and the metadata instructions (ENV, EXPOSE, WORKDIR, ENTRYPOINT,
 * CMD) as 0-byte entries, each in the `/bin/sh -c #(nop) ` form the legacy
 * builder recorded.
 */
import type { ImageHistoryItem } from './api'
import { standInHex } from './digest'
import type { LocalImage } from './image-store'
import { nanosOf } from './container-json'
import { formatRfc3339Nano, parseUtc } from './time'

const goList = (xs: readonly string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`

/** Dockerfile instructions, oldest first, with their layer sizes. */
export function instructions(image: LocalImage): (readonly [string, number])[] {
  const spec = image.spec
  if (spec.config.History) return [...spec.config.History]
  const c = spec.config
  const out: (readonly [string, number])[] = []
  spec.layers.forEach((l, i) => {
    const size = Math.round((l.size * spec.size) / Math.max(1, spec.layers.reduce((a, x) => a + x.size, 0)))
    out.push(i === 0 ? [`/bin/sh -c #(nop) ADD file:${standInHex(`${l.digest} file`)} in / `, size] : [`/bin/sh -c set -eux; layer=${i}`, size])
    if (i === 0) out.push([`/bin/sh -c #(nop)  CMD ["${spec.rootfs === 'alpine' || spec.rootfs === 'busybox' ? 'sh' : 'bash'}"]`, 0])
  })
  for (const e of c.Env.filter((x) => !x.startsWith('PATH='))) out.push([`/bin/sh -c #(nop)  ENV ${e}`, 0])
  for (const v of c.Volumes ?? []) out.push([`/bin/sh -c #(nop)  VOLUME [${JSON.stringify(v)}]`, 0])
  if (c.WorkingDir) out.push([`/bin/sh -c #(nop) WORKDIR ${c.WorkingDir}`, 0])
  if (c.Entrypoint) out.push([`/bin/sh -c #(nop)  ENTRYPOINT ${goList(c.Entrypoint)}`, 0])
  for (const p of c.ExposedPorts) out.push([`/bin/sh -c #(nop)  EXPOSE ${p.replace('/tcp', '')}`, 0])
  if (c.Cmd) out.push([`/bin/sh -c #(nop)  CMD ${goList(c.Cmd)}`, 0])
  return out
}

/** Newest first; only the top entry names the image, the rest are `<missing>` (pulled images). */
export function historyOf(image: LocalImage): ImageHistoryItem[] {
  const created = parseUtc(image.spec.created)
  const steps = instructions(image)
  return steps
    .map((step, i) => ({
      Id: i === steps.length - 1 ? image.id : '<missing>',
      Created: created - (steps.length - 1 - i) * 1000,
      CreatedBy: step[0],
      Size: step[1],
      Tags: i === steps.length - 1 ? [...image.repoTags] : null,
    }))
    .reverse()
}

export function imageJson(image: LocalImage): Record<string, unknown> {
  const spec = image.spec
  const c = spec.config
  const steps = instructions(image)
  const config = (cmd: readonly string[] | null): Record<string, unknown> => ({
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(c.ExposedPorts.length > 0 ? { ExposedPorts: Object.fromEntries([...c.ExposedPorts].sort().map((p) => [p, {}])) } : {}),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: [...c.Env],
    Cmd: cmd ? [...cmd] : null,
    Image: standInHex(`${spec.id} parent`).replace(/^/, 'sha256:'),
    Volumes: c.Volumes && c.Volumes.length > 0 ? Object.fromEntries(c.Volumes.map((v) => [v, {}])) : null,
    WorkingDir: c.WorkingDir,
    Entrypoint: c.Entrypoint ? [...c.Entrypoint] : null,
    OnBuild: null,
    Labels: null,
  })
  const top = [...spec.layers].reverse()
  return {
    Id: image.id,
    RepoTags: [...image.repoTags],
    RepoDigests: [...image.repoDigests],
    Parent: '',
    Comment: '',
    Created: formatRfc3339Nano(parseUtc(spec.created), nanosOf(`${spec.id} created`) % 1000),
    Container: standInHex(`${spec.id} build container`),
    ContainerConfig: config(['/bin/sh', '-c', '#(nop) ', steps.at(-1)![0].replace(/^\/bin\/sh -c #\(nop\) +/, '')]),
    DockerVersion: '20.10.7',
    Author: '',
    Config: config(c.Cmd),
    Architecture: 'amd64',
    Os: 'linux',
    Size: spec.size,
    VirtualSize: spec.size,
    GraphDriver: {
      Data: {
        ...(top.length > 1 ? { LowerDir: top.slice(1).map((l) => `/var/lib/docker/overlay2/${standInHex(l.chainId)}/diff`).join(':') } : {}),
        MergedDir: `/var/lib/docker/overlay2/${standInHex(top[0]!.chainId)}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${standInHex(top[0]!.chainId)}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${standInHex(top[0]!.chainId)}/work`,
      },
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: spec.layers.map((l) => `sha256:${standInHex(`${l.digest} diff`)}`) },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
  }
}
