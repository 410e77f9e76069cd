/**
 * The daemon's local images: what has been pulled, under which references.
 * Lookups follow moby `daemon/images/image.go` GetImage: a full `sha256:`
 * id, then a reference (`tomcat` means `tomcat:latest`), then a short id
 * prefix. Nothing is present at start: the tutorial begins by deleting every
 * image, and T3 pulls tomcat on first use.
 */
import type { ImageSpec } from './image-catalogue'
import { familiarString, parseReference, withDefaultTag, type ImageReference } from './reference'

export interface LocalImage {
  readonly spec: ImageSpec
  readonly id: string // sha256:…
  /** Familiar `repo:tag` references, sorted. */
  readonly repoTags: string[]
  /** Familiar `repo@sha256:…` references. */
  readonly repoDigests: string[]
  readonly created: number // epoch ms
}

export class ImageStore {
  private images: LocalImage[] = []

  list(): readonly LocalImage[] {
    return this.images
  }

  /** Adds (or re-tags) a pulled image under `ref`. */
  add(spec: ImageSpec, created: number, ref: ImageReference): LocalImage {
    let image = this.images.find((i) => i.id === spec.id)
    if (!image) {
      image = { spec, id: spec.id, repoTags: [], repoDigests: [], created }
      this.images.push(image)
    }
    this.addReference(image, ref)
    const digestRef = familiarString({ domain: ref.domain, path: ref.path, digest: spec.digest })
    if (!image.repoDigests.includes(digestRef)) image.repoDigests.push(digestRef)
    return image
  }

  /** `docker tag`: moves the reference to `image` if it named another one. */
  addReference(image: LocalImage, ref: ImageReference): void {
    const text = familiarString(withDefaultTag(ref))
    for (const other of this.images) {
      const i = other.repoTags.indexOf(text)
      if (i >= 0) other.repoTags.splice(i, 1)
    }
    image.repoTags.push(text)
    image.repoTags.sort()
  }

  removeReference(image: LocalImage, familiar: string): void {
    for (const list of [image.repoTags, image.repoDigests]) {
      const i = list.indexOf(familiar)
      if (i >= 0) list.splice(i, 1)
    }
  }

  delete(image: LocalImage): void {
    this.images = this.images.filter((i) => i !== image)
  }

  /** The image a reference or id names, if present. */
  get(refOrId: string): LocalImage | undefined {
    const full = /^sha256:([a-f0-9]{64})$/.exec(refOrId)?.[1] ?? (/^[a-f0-9]{64}$/.test(refOrId) ? refOrId : undefined)
    if (full) return this.images.find((i) => i.id === `sha256:${full}`)
    const byRef = this.byReference(refOrId)
    if (byRef) return byRef
    return this.byIdPrefix(refOrId.replace(/^sha256:/, ''))
  }

  /** The image a reference names (the tag defaults to latest). */
  byReference(refText: string): LocalImage | undefined {
    let ref: ImageReference
    try {
      ref = withDefaultTag(parseReference(refText))
    } catch {
      return undefined
    }
    const text = familiarString(ref)
    return this.images.find((i) => (ref.digest ? i.repoDigests.includes(text) : i.repoTags.includes(text)))
  }

  private byIdPrefix(prefix: string): LocalImage | undefined {
    if (!/^[a-f0-9]+$/.test(prefix)) return undefined
    const matches = this.images.filter((i) => i.id.slice('sha256:'.length).startsWith(prefix))
    return matches.length === 1 ? matches[0] : undefined
  }

  /** Whether another image still holds a layer (shared base layers are kept). */
  layerInUse(chainId: string, except: LocalImage): boolean {
    return this.images.some((i) => i !== except && i.spec.layers.some((l) => l.chainId === chainId))
  }

  hasLayer(digest: string): boolean {
    return this.images.some((i) => i.spec.layers.some((l) => l.digest === digest))
  }
}
