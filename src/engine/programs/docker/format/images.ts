/**
 * `docker images` (docker/cli 20.10 formatter/image.go): one row per
 * repository:tag, `<none>` for dangling images, ids cut to 12 hex, SIZE
 * with 3 significant digits (units.HumanSizeWithPrecision).
 */
import type { ImageSummary } from '../../../docker/api'
import { table } from './tabwriter'
import { humanDuration, humanSizeWithPrecision } from './units'
import { truncateId } from './ps'

export interface ImageRow {
  readonly repository: string
  readonly tag: string
  readonly image: ImageSummary
}

export function imageRows(images: readonly ImageSummary[]): ImageRow[] {
  const rows: ImageRow[] = []
  for (const image of images) {
    if (image.RepoTags.length === 0) {
      rows.push({ repository: '<none>', tag: '<none>', image })
      continue
    }
    const repos = new Map<string, string[]>()
    for (const t of image.RepoTags) {
      const i = t.lastIndexOf(':')
      const repo = t.slice(0, i)
      repos.set(repo, [...(repos.get(repo) ?? []), t.slice(i + 1)])
    }
    for (const [repository, tags] of repos) for (const tag of tags) rows.push({ repository, tag, image })
  }
  return rows
}

/** The digest of a row's repository (`<none>` when the image has none for it). */
export function rowDigest(r: ImageRow): string {
  const d = r.image.RepoDigests.find((x) => x.slice(0, x.indexOf('@')) === r.repository)
  return d ? d.slice(d.indexOf('@') + 1) : '<none>'
}

export function formatImages(images: readonly ImageSummary[], now: number, o: { quiet: boolean; trunc: boolean; digests?: boolean }): string {
  const rows = imageRows(images)
  const id = (i: ImageSummary): string => (o.trunc ? truncateId(i.Id) : i.Id)
  if (o.quiet) return rows.map((r) => id(r.image) + '\n').join('')
  const d = o.digests === true
  return table([
    ['REPOSITORY', 'TAG', ...(d ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'],
    ...rows.map((r) => [r.repository, r.tag, ...(d ? [rowDigest(r)] : []), id(r.image), `${humanDuration(now - Math.floor(r.image.Created / 1000) * 1000)} ago`, humanSizeWithPrecision(r.image.Size, 3)]),
  ])
}
