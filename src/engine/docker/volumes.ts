/**
 * Local volumes (moby `volume/local`): each one a directory
 * /var/lib/docker/volumes/NAME/_data on the host, named by the user or,
 * for anonymous ones (`-v /data`, an image's VOLUME), 64 hex. A volume is
 * in use while a container (running or not) mounts it; `rm` refuses then,
 * naming the containers' full ids.
 */
import type { DirNode, FileSystem } from '../kernel/fs/fs'
import type { Container } from './container'
import { DockerError } from './errors'

export interface Volume {
  readonly Name: string
  readonly Driver: 'local'
  readonly Mountpoint: string
  /** Epoch ms. */
  readonly CreatedAt: number
  /** `{}` for `volume create`, null for volumes a container made. */
  readonly Labels: Readonly<Record<string, string>> | null
  readonly Options: Readonly<Record<string, string>> | null
  readonly Scope: 'local'
  readonly anonymous: boolean
}

/** moby volume/local validName. */
const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

export const noSuchVolume = (name: string): DockerError => new DockerError('notFound', `get ${name}: no such volume`, 'volume', name)

export interface VolumeStoreDeps {
  readonly hostFs: FileSystem
  readonly now: () => number
  readonly containers: () => readonly Container[]
}

export class VolumeStore {
  private readonly volumes: Volume[] = []

  constructor(private readonly d: VolumeStoreDeps) {}

  list(): readonly Volume[] {
    return [...this.volumes].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
  }

  get(name: string): Volume | undefined {
    return this.volumes.find((v) => v.Name === name)
  }

  /** Creates the volume, or returns the existing one of that name (as Docker does). */
  create(name: string, options: { labels?: Record<string, string> | null; anonymous?: boolean } = {}): Volume {
    const existing = this.get(name)
    if (existing) return existing
    if (!VALID_NAME.test(name)) {
      throw new DockerError(
        'invalidParameter',
        `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
      )
    }
    const dir = `/var/lib/docker/volumes/${name}`
    this.d.hostFs.mkdir(`${dir}/_data`, { parents: true })
    const labels = options.labels === undefined ? null : options.labels
    const volume: Volume = { Name: name, Driver: 'local', Mountpoint: `${dir}/_data`, CreatedAt: this.d.now(), Labels: labels, Options: labels === null ? null : {}, Scope: 'local', anonymous: options.anonymous ?? false }
    this.volumes.push(volume)
    return volume
  }

  /** The directory node mounted into containers. */
  data(volume: Volume): DirNode {
    const node = this.d.hostFs.lookup(volume.Mountpoint)
    if (node.kind !== 'dir') throw new DockerError('system', `${volume.Mountpoint} is not a directory`)
    return node
  }

  users(name: string): Container[] {
    return this.d.containers().filter((c) => c.Mounts.some((m) => m.Type === 'volume' && m.Name === name))
  }

  remove(name: string, force = false): void {
    const volume = this.get(name)
    if (!volume) {
      if (force) return
      throw noSuchVolume(name)
    }
    const users = this.users(name)
    if (users.length > 0) throw new DockerError('conflict', `remove ${name}: volume is in use - [${users.map((c) => c.Id).join(', ')}]`)
    this.volumes.splice(this.volumes.indexOf(volume), 1)
    try {
      this.d.hostFs.rmdir(`/var/lib/docker/volumes/${name}`, true)
    } catch {
      // already gone
    }
  }

  /** Removes every volume no container uses; returns their names (in creation order). */
  prune(): string[] {
    const unused = this.volumes.filter((v) => this.users(v.Name).length === 0).map((v) => v.Name)
    for (const name of unused) this.remove(name)
    return unused
  }
}
