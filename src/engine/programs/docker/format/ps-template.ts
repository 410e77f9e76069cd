/**
 * `docker ps --format` and `-s` (docker/cli 20.10 formatter/container.go):
 * each row is a containerContext whose methods the template calls
 * (`.ID`, `.Names`, `.Status`, …); `table` adds the header row, whose cells
 * are the fields' column names, and aligns with the tabwriter.
 */
import type { ContainerSummary } from '../../../docker/api'
import { displayablePorts } from './ports'
import { ellipsis, goQuote, imageColumn, statusText, truncateId } from './ps'
import { table } from './tabwriter'
import { executeTemplate } from './template'
import { humanDuration, humanSizeWithPrecision } from './units'
import { formatRfc3339Nano } from '../../../docker/time'

export const PS_DEFAULT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}'

export const PS_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  Networks: 'NETWORKS',
  LocalVolumes: 'LOCAL VOLUMES',
}

/** Go's time.Time.String() for a UTC instant: `2021-08-20 08:00:03 +0000 UTC`. */
export function goTimeString(ms: number): string {
  return formatRfc3339Nano(Math.floor(ms / 1000) * 1000).replace('T', ' ').replace('Z', ' +0000 UTC')
}

export function psFields(c: ContainerSummary, now: number, trunc: boolean): Record<string, string> {
  const mounts = (c.Mounts ?? []).map((m) => (trunc ? ellipsis(m.Name ?? m.Source, 15) : (m.Name ?? m.Source)))
  return {
    ID: trunc ? truncateId(c.Id) : c.Id,
    Image: imageColumn(c, trunc),
    Command: goQuote(trunc ? ellipsis(c.Command, 20) : c.Command),
    CreatedAt: goTimeString(c.Created),
    RunningFor: `${humanDuration(now - Math.floor(c.Created / 1000) * 1000)} ago`,
    Ports: displayablePorts(c.Ports),
    State: c.State,
    Status: statusText(c, now),
    Size: c.SizeRw === undefined ? '' : `${humanSizeWithPrecision(c.SizeRw, 3)} (virtual ${humanSizeWithPrecision(c.SizeRootFs ?? 0, 3)})`,
    Names: c.Names.map((n) => n.replace(/^\//, '')).filter((n) => !n.includes('/')).join(','),
    Labels: '',
    Mounts: mounts.join(','),
    Networks: [...(c.NetworkNames ?? [])].sort().join(','),
    LocalVolumes: String((c.Mounts ?? []).filter((m) => m.Name !== undefined).length),
  }
}

/** Rows through a Go template; `table …` gets the header and the tabwriter. */
export function templateTable(format: string, rows: readonly Record<string, string>[], headers: Record<string, string>, typeName: string): string {
  if (!format.startsWith('table')) return rows.map((r) => executeTemplate(format, r, { typeName }) + '\n').join('')
  const body = format.replace(/^table\s*/, '')
  const lines = [executeTemplate(body, headers, { typeName }), ...rows.map((r) => executeTemplate(body, r, { typeName }))]
  return table(lines.map((l) => l.split('\t')))
}

export function formatPsTemplate(list: readonly ContainerSummary[], now: number, format: string, trunc: boolean): string {
  return templateTable(
    format,
    list.map((c) => psFields(c, now, trunc)),
    PS_HEADERS,
    '*formatter.containerContext',
  )
}
