/**
 * Building a container from `docker create`'s request and the image's
 * config, as moby's `daemon/create.go` merges them: the request's Cmd
 * replaces the image's, Entrypoint likewise, Env merges by key, exposed
 * ports add up, the hostname is the first 12 hex of the id (fact 14).
 */
import type { FileSystem } from '../kernel/fs/fs'
import type { ContainerCreateRequest } from './api'
import type { Container, ContainerConfig, MountPoint, PortKey } from './container'
import { createContainerFiles } from './container-files'
import { DockerError } from './errors'
import type { LocalImage } from './image-store'
import { buildRootfs } from './rootfs'

/** moby `daemon/names.go` validContainerNamePattern. */
const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

export function validateName(name: string): void {
  if (!VALID_NAME.test(name)) throw new DockerError('invalidParameter', `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`)
}

export function nameConflict(name: string, holder: Container): DockerError {
  return new DockerError(
    'conflict',
    `Conflict. The container name "/${name}" is already in use by container "${holder.Id}". You have to remove (or rename) that container to be able to reuse that name.`,
  )
}

/** Env lists merged by key; later entries win, order of first appearance kept. */
export function mergeEnv(base: readonly string[], extra: readonly string[]): string[] {
  const out = [...base]
  for (const e of extra) {
    const key = e.split('=')[0]
    const i = out.findIndex((x) => x.split('=')[0] === key)
    if (i >= 0) out[i] = e
    else out.push(e)
  }
  return out
}

function normalisePortKey(key: string): PortKey {
  return key.includes('/') ? key : `${key}/tcp`
}

export interface NewContainer {
  readonly id: string
  readonly name: string
  readonly image: LocalImage
  readonly request: ContainerCreateRequest
  readonly created: number
  readonly hostFs: FileSystem
  readonly now: () => number
  /** Attaches `-v` mounts and the image's volumes into the new rootfs. */
  readonly mount?: (rootfs: FileSystem) => MountPoint[]
}

export function buildContainer(n: NewContainer): Container {
  const { request, image } = n
  const ic = image.spec.config
  const cmd = request.cmd && request.cmd.length > 0 ? request.cmd : request.entrypoint ? [] : (ic.Cmd ?? [])
  const entrypoint = request.entrypoint ?? ic.Entrypoint ?? []
  const argv = [...entrypoint, ...cmd]
  if (argv.length === 0) throw new DockerError('invalidParameter', 'No command specified')
  if (request.workingDir && !request.workingDir.startsWith('/')) {
    throw new DockerError('invalidParameter', `the working directory '${request.workingDir}' is invalid, it needs to be an absolute path`)
  }
  const bindings = Object.fromEntries(Object.entries(request.portBindings ?? {}).map(([k, v]) => [normalisePortKey(k), v]))
  const exposed = [...new Set([...ic.ExposedPorts, ...Object.keys(bindings)])]
  let config: ContainerConfig = {
    Hostname: n.id.slice(0, 12),
    Env: mergeEnv(ic.Env, request.env ?? []),
    Cmd: cmd.length > 0 ? cmd : null,
    Entrypoint: entrypoint.length > 0 ? entrypoint : null,
    Image: request.image,
    WorkingDir: ic.WorkingDir,
    ExposedPorts: exposed,
    Tty: request.tty ?? false,
    OpenStdin: request.openStdin ?? false,
    User: request.user ?? '',
    Volumes: ic.Volumes ?? [],
  }
  if (request.workingDir !== undefined && request.workingDir !== '') config = { ...config, WorkingDir: request.workingDir }
  const rootfs = buildRootfs(image.spec.rootfs, n.now)
  const mounts = n.mount?.(rootfs) ?? []
  if (config.WorkingDir !== '' && !rootfs.exists(config.WorkingDir)) rootfs.mkdir(config.WorkingDir, { parents: true }) // runc creates the cwd
  const files = createContainerFiles(n.hostFs, rootfs, n.id)
  files.hostname.content = `${config.Hostname}\n`
  return {
    Id: n.id,
    Name: `/${n.name}`,
    Created: n.created,
    Path: argv[0]!,
    Args: argv.slice(1),
    Image: image.id,
    Config: config,
    HostConfig: {
      NetworkMode: request.networkMode ?? 'default',
      PortBindings: bindings,
      PublishAllPorts: request.publishAll ?? false,
      AutoRemove: request.autoRemove ?? false,
      Links: [],
      Binds: request.binds ?? [],
      RestartPolicy: request.restartPolicy ?? { Name: 'no', MaximumRetryCount: 0 },
    },
    State: { Status: 'created', ExitCode: 0, Error: '', Pid: 0 },
    NetworkSettings: { Ports: [], Networks: new Map() },
    ...(request.attach ? { attachStdio: true } : {}),
    RestartCount: 0,
    Mounts: mounts,
    rootfs,
    files,
    execs: new Set(),
    log: [],
    attached: new Set(),
    waiters: [],
    removalWaiters: [],
  }
}
