/**
 * `docker ps` (docker/cli 20.10 formatter/container.go, facts 11–13): the
 * table, `-q`, and each column's rules. CREATED counts from the API's Unix
 * seconds (so it truncates), STATUS from the daemon's nanosecond times.
 */
import type { ContainerSummary } from '../../../docker/api'
import { familiarString, parseReference } from '../../../docker/reference'
import { displayablePorts } from './ports'
import { table } from './tabwriter'
import { humanDuration } from './units'

/** stringid.TruncateID. */
export const truncateId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12)

/** formatter.Ellipsis: cut to `max` runes, the last one `…`. */
export function ellipsis(s: string, max: number): string {
  const runes = [...s]
  if (runes.length <= max) return s
  return runes.slice(0, max - 1).join('') + '…'
}

/** strconv.Quote for the printable text a command line holds. */
export function goQuote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r') + '"'
}

/** State.String() as the daemon computes the STATUS text. */
export function statusText(c: ContainerSummary, now: number): string {
  switch (c.State) {
    case 'running':
      return `Up ${humanDuration(now - (c.StartedAt ?? now))}`
    case 'paused':
      return `Up ${humanDuration(now - (c.StartedAt ?? now))} (Paused)`
    case 'restarting':
      return `Restarting (${c.ExitCode}) ${humanDuration(now - (c.FinishedAt ?? now))} ago`
    case 'removing':
      return 'Removal In Progress'
    case 'dead':
      return 'Dead'
    case 'created':
      return 'Created'
    case 'exited':
      return c.FinishedAt === undefined ? '' : `Exited (${c.ExitCode}) ${humanDuration(now - c.FinishedAt)} ago`
  }
}

export function imageColumn(c: ContainerSummary, trunc: boolean): string {
  if (c.Image === '') return '<no image>'
  if (!trunc) return c.Image
  if (truncateId(c.ImageID) === truncateId(c.Image)) return truncateId(c.Image)
  try {
    const ref = parseReference(c.Image)
    return familiarString({ domain: ref.domain, path: ref.path, ...(ref.tag !== undefined ? { tag: ref.tag } : {}) })
  } catch {
    return c.Image
  }
}

export interface PsOptions {
  readonly quiet: boolean
  readonly trunc: boolean
}

export function formatPs(list: readonly ContainerSummary[], now: number, o: PsOptions): string {
  if (o.quiet) return list.map((c) => (o.trunc ? truncateId(c.Id) : c.Id) + '\n').join('')
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']]
  for (const c of list) {
    const createdSeconds = Math.floor(c.Created / 1000) * 1000
    rows.push([
      o.trunc ? truncateId(c.Id) : c.Id,
      imageColumn(c, o.trunc),
      goQuote(o.trunc ? ellipsis(c.Command, 20) : c.Command),
      `${humanDuration(now - createdSeconds)} ago`,
      statusText(c, now),
      displayablePorts(c.Ports),
      c.Names.map((n) => n.replace(/^\//, '')).filter((n) => !n.includes('/')).join(','),
    ])
  }
  return table(rows)
}
