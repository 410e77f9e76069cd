/**
 * Images: pull from the simulated Docker Hub (the catalogue), list, tag and
 * delete with moby's conflict rules (`daemon/images/image_delete.go`, fact
 * 21): removing the last reference of an image a container uses needs -f;
 * an image a running container uses can never be deleted by id; `rmi -f` of
 * a reference still in use only untags (the image stays, dangling).
 */
import type { ImageDeleteItem, ImageInspect, ImageSummary, PullResult } from './api'
import type { Container } from './container'
import { DockerError, noSuchImage } from './errors'
import { IMAGE_CATALOGUE, type ImageSpec } from './image-catalogue'
import { ImageStore, type LocalImage } from './image-store'
import { planPull, PULL_TIMING, type PullMessage } from './pull'
import { familiarName, familiarString, parseReference, withDefaultTag, type ImageReference } from './reference'
import { parseUtc } from './time'

export interface ImageServiceDeps {
  /** What the registries serve (default: the Hub images of IMAGE_CATALOGUE). */
  readonly catalogue?: readonly ImageSpec[]
  readonly containers: () => readonly Container[]
  readonly isRunning: (c: Container) => boolean
  /** Resolves after `ms` virtual milliseconds. */
  readonly delay: (ms: number) => Promise<void>
  /** Calls `fire` at `ms` virtual milliseconds from now. */
  readonly at: (ms: number, fire: () => void) => void
}

const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12)

export class ImageService {
  readonly store = new ImageStore()

  constructor(private readonly d: ImageServiceDeps) {}

  summary(image: LocalImage): ImageSummary {
    return { Id: image.id, RepoTags: [...image.repoTags], RepoDigests: [...image.repoDigests], Created: image.created, Size: image.spec.size }
  }

  /** Images, newest first (the daemon sorts by Created). */
  list(): ImageSummary[] {
    return [...this.store.list()].sort((a, b) => b.created - a.created).map((i) => this.summary(i))
  }

  /** The local image `ref` names, or `No such image` (the second argument sequences an awaited delay). */
  localImage(ref: string, _after?: unknown): LocalImage {
    const image = this.store.get(ref)
    if (!image) throw noSuchImage(ref)
    return image
  }

  inspect(ref: string): ImageInspect {
    const image = this.store.get(ref)
    if (!image) throw noSuchImage(ref)
    return { ...this.summary(image), Config: image.spec.config }
  }

  /** The catalogue entry a reference names on its registry, or the registry's error. */
  private remote(ref: ImageReference): ImageSpec {
    const catalogue = this.d.catalogue ?? IMAGE_CATALOGUE
    const onRegistry = catalogue.filter((s) => (s.domain ?? 'docker.io') === ref.domain)
    if (onRegistry.length === 0) {
      throw new DockerError('unavailable', `Get "https://${ref.domain}/v2/": dial tcp: lookup ${ref.domain.replace(/:\d+$/, '')}: no such host`)
    }
    const name = familiarName(ref)
    const candidates = onRegistry.filter((s) => (s.domain ? `${s.domain}/${s.repository}` : s.repository) === name)
    if (candidates.length === 0) {
      throw new DockerError('notFound', `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`)
    }
    const spec = candidates.find((s) => (ref.digest ? s.digest === ref.digest : s.tag === ref.tag))
    if (!spec) throw new DockerError('notFound', `manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`)
    return spec
  }

  /** Pulls `refText`, streaming the daemon's progress messages over virtual time (fact 25). */
  async pull(refText: string, onMessage: (m: PullMessage) => void): Promise<PullResult> {
    const ref = withDefaultTag(parseReference(refText))
    let spec: ImageSpec
    try {
      spec = this.remote(ref)
    } catch (error) {
      await this.d.delay(PULL_TIMING.manifestMs)
      throw error
    }
    const tagOrDigest = ref.tag ?? ref.digest!
    const existing = this.store.list().find((i) => i.id === spec.id)
    if (existing) {
      await this.d.delay(PULL_TIMING.manifestMs)
      onMessage({ status: `Pulling from ${ref.path}`, id: tagOrDigest })
      this.store.add(spec, existing.created, ref)
      onMessage({ status: `Digest: ${spec.digest}` })
      onMessage({ status: `Status: Image is up to date for ${familiarString(ref)}` })
      return { upToDate: true }
    }
    const present = spec.layers.map((l) => this.store.hasLayer(l.digest))
    const plan = planPull(tagOrDigest, ref.path, spec.layers, present)
    for (const e of plan.events) this.d.at(e.at, () => onMessage(e.message))
    await this.d.delay(plan.doneAt)
    this.store.add(spec, parseUtc(spec.created), ref)
    onMessage({ status: `Digest: ${spec.digest}` })
    onMessage({ status: `Status: Downloaded newer image for ${familiarString(ref)}` })
    return { upToDate: false }
  }

  async tag(source: string, target: string): Promise<void> {
    await this.d.delay(5)
    const image = this.store.get(source)
    if (!image) throw noSuchImage(source)
    this.store.addReference(image, parseReference(target))
  }

  async remove(refOrId: string, force: boolean): Promise<ImageDeleteItem[]> {
    await this.d.delay(25)
    const image = this.store.get(refOrId)
    if (!image) throw noSuchImage(refOrId)
    const users = this.d.containers().filter((c) => c.Image === image.id)
    const records: ImageDeleteItem[] = []
    // isImageIDPrefix: `rmi e2f503ac6e5d` deletes the image; `rmi tomcat` removes a reference.
    const byId = image.id.startsWith(refOrId) || image.id.startsWith(`sha256:${refOrId}`)
    if (!byId) {
      const ref = withDefaultTag(parseReference(refOrId))
      const text = familiarString(ref)
      if (!force && this.isSingleReference(image) && users[0]) {
        throw new DockerError('conflict', `conflict: unable to remove repository reference "${refOrId}" (must force) - container ${short(users[0].Id)} is using its referenced image ${short(image.id)}`)
      }
      this.store.removeReference(image, text)
      records.push({ Untagged: text })
      // The last tag of a repository takes that repository's digest references with it.
      const repo = familiarName(ref)
      if (!image.repoTags.some((t) => t.startsWith(`${repo}:`))) {
        for (const d of image.repoDigests.filter((x) => x.startsWith(`${repo}@`))) {
          this.store.removeReference(image, d)
          records.push({ Untagged: d })
        }
      }
      if (image.repoTags.length + image.repoDigests.length > 0) return records
      // The image is now untagged: delete it unless a container still uses it (then it stays dangling, quietly).
      if (users.length > 0) return records
    } else {
      const conflict = this.conflict(image, users, force)
      if (conflict) throw conflict
    }
    for (const t of [...image.repoTags, ...image.repoDigests]) records.push({ Untagged: t })
    this.store.delete(image)
    records.push({ Deleted: image.id })
    for (const layer of [...image.spec.layers].reverse()) if (!this.store.layerInUse(layer.chainId, image)) records.push({ Deleted: layer.chainId })
    return records
  }

  /** moby isSingleReference: at most one tag, and digest references only of that tag's repository. */
  private isSingleReference(image: LocalImage): boolean {
    if (image.repoTags.length > 1) return false
    const repoOf = (r: string): string => r.replace(/@.*$/, '').replace(/:[^:/]*$/, '')
    const repos = new Set(image.repoDigests.map(repoOf))
    if (image.repoTags.length === 0) return repos.size === 1
    return repos.size === 0 || (repos.size === 1 && repos.has(repoOf(image.repoTags[0]!)))
  }

  /** checkImageDeleteConflict: running users are a hard conflict; stopped ones and several references are soft. */
  private conflict(image: LocalImage, users: readonly Container[], force: boolean): DockerError | undefined {
    const running = users.find((c) => this.d.isRunning(c))
    const id = short(image.id)
    if (running) return new DockerError('conflict', `conflict: unable to delete ${id} (cannot be forced) - image is being used by running container ${short(running.Id)}`)
    if (force) return undefined
    if (image.repoTags.length > 1) return new DockerError('conflict', `conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories`)
    if (users[0]) return new DockerError('conflict', `conflict: unable to delete ${id} (must be forced) - image is being used by stopped container ${short(users[0].Id)}`)
    return undefined
  }
}
