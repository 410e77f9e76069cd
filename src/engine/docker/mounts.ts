/**
 * `-v` specs (moby `volume/mounts/linux_parser.go`) and how they become
 * mounts: `/host:/cont[:ro]` binds the host's node itself (a directory or a
 * single file; a missing source is created as a directory), `name:/cont`
 * mounts a named volume (created on first use), `/cont` an anonymous one,
 * as do the image's VOLUME paths nobody mounted. A bind mount is the same
 * node object in both trees, so writes show on both sides. An empty volume
 * first mounted over image content gets a copy of it (moby's copy-up).
 */
import type { FileSystem } from '../kernel/fs/fs'
import type { MountPoint } from './container'
import { DockerError } from './errors'
import type { VolumeStore } from './volumes'

export interface MountSpec {
  readonly type: 'bind' | 'volume'
  /** Host path (bind), volume name, or '' for an anonymous volume. */
  readonly source: string
  readonly destination: string
  readonly mode: string
  readonly rw: boolean
}

const MODES = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate'])

function cleanPath(p: string): string {
  const parts: string[] = []
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return '/' + parts.join('/')
}

/** ParseMountRaw for the Linux parser. */
export function parseVolumeSpec(raw: string): MountSpec {
  const parts = raw.split(':')
  if (parts.length > 3 || parts.some((p) => p === '')) throw new DockerError('invalidParameter', `invalid volume specification: '${raw}'`)
  const [a, b, c] = parts as [string, string | undefined, string | undefined]
  const mode = c ?? (b !== undefined && !b.startsWith('/') ? b : '')
  const dest = b !== undefined && b.startsWith('/') ? b : a
  const source = dest === a ? '' : a
  if (!dest.startsWith('/')) throw new DockerError('invalidParameter', `invalid volume specification: '${raw}': invalid mount config for type "volume": invalid mount path: '${dest}' mount path must be absolute`)
  if (mode !== '' && !mode.split(',').every((m) => MODES.has(m))) throw new DockerError('invalidParameter', `invalid mode: ${mode}`)
  const rw = !mode.split(',').includes('ro')
  const type = source.startsWith('/') ? 'bind' : 'volume'
  if (type === 'bind' && dest === '/') throw new DockerError('invalidParameter', `invalid volume specification: '${raw}': invalid mount config for type "bind": invalid specification: destination can't be '/'`)
  return { type, source: type === 'bind' ? cleanPath(source) : source, destination: cleanPath(dest), mode, rw }
}

export interface MountDeps {
  readonly hostFs: FileSystem
  readonly volumes: VolumeStore
  /** 64 hex for an anonymous volume's name. */
  readonly anonymousName: () => string
}

/** Parses every `-v` and the image's VOLUMEs; throws before anything is created. */
export function planMounts(binds: readonly string[], imageVolumes: readonly string[]): MountSpec[] {
  const specs = binds.map(parseVolumeSpec)
  const seen = new Set<string>()
  for (const s of specs) {
    if (seen.has(s.destination)) throw new DockerError('invalidParameter', `Duplicate mount point: ${s.destination}`)
    seen.add(s.destination)
  }
  for (const v of imageVolumes) if (!seen.has(cleanPath(v))) specs.push({ type: 'volume', source: '', destination: cleanPath(v), mode: '', rw: true })
  return specs
}

/** Creates sources and volumes and attaches them into `rootfs`; returns inspect's Mounts. */
export function applyMounts(d: MountDeps, rootfs: FileSystem, specs: readonly MountSpec[]): MountPoint[] {
  const mounts: MountPoint[] = []
  for (const s of specs) {
    if (s.type === 'bind') {
      if (!d.hostFs.exists(s.source)) d.hostFs.mkdir(s.source, { parents: true })
      rootfs.attach(s.destination, d.hostFs.lookup(s.source))
      mounts.push({ Type: 'bind', Source: s.source, Destination: s.destination, Mode: s.mode, RW: s.rw, Propagation: 'rprivate' })
      continue
    }
    const anonymous = s.source === ''
    const volume = d.volumes.create(anonymous ? d.anonymousName() : s.source, { anonymous })
    const data = d.volumes.data(volume)
    const existing = rootfs.tryLookup(s.destination)
    if (data.entries.size === 0 && existing?.kind === 'dir' && !s.mode.split(',').includes('nocopy')) {
      for (const [name, node] of existing.entries) data.entries.set(name, node)
    }
    rootfs.attach(s.destination, data)
    mounts.push({ Type: 'volume', Name: volume.Name, Source: volume.Mountpoint, Destination: s.destination, Driver: 'local', Mode: anonymous ? '' : s.mode || 'z', RW: s.rw, Propagation: '' })
  }
  return mounts
}
