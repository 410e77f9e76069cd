/**
 * `docker stats` table (docker/cli 20.10 formatter/stats.go): CPU and
 * memory percentages with two decimals, memory in binary units
 * (units.BytesSize, 4 significant digits), I/O in decimal units with 3.
 */
import type { ContainerStats } from '../../../docker/api'
import { table } from './tabwriter'
import { executeTemplate } from './template'
import { formatG, humanSizeWithPrecision } from './units'

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB']

/** units.BytesSize. */
export function bytesSize(size: number): string {
  let i = 0
  while (size >= 1024 && i < BINARY.length - 1) {
    size /= 1024
    i++
  }
  return `${formatG(size, 4)}${BINARY[i]}`
}

export interface StatsRow {
  readonly id: string
  readonly name: string
  readonly stats: ContainerStats
}

export function statsFields(r: StatsRow, trunc: boolean): Record<string, string> {
  const s = r.stats
  const io = (a: number, b: number): string => `${humanSizeWithPrecision(a, 3)} / ${humanSizeWithPrecision(b, 3)}`
  return {
    Container: trunc ? r.id.slice(0, 12) : r.id,
    ID: trunc ? r.id.slice(0, 12) : r.id,
    Name: r.name,
    CPUPerc: `${s.cpuPercent.toFixed(2)}%`,
    MemUsage: `${bytesSize(s.memUsage)} / ${bytesSize(s.memLimit)}`,
    MemPerc: `${(s.memLimit > 0 ? (s.memUsage * 100) / s.memLimit : 0).toFixed(2)}%`,
    NetIO: io(s.netRx, s.netTx),
    BlockIO: io(s.blockRead, s.blockWrite),
    PIDs: String(s.pids),
  }
}

const HEADERS: Record<string, string> = {
  Container: 'CONTAINER',
  ID: 'CONTAINER ID',
  Name: 'NAME',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
}

export function statsTable(rows: readonly StatsRow[], format: string | undefined, trunc: boolean): string {
  const fmt = format ?? 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}'
  if (!fmt.startsWith('table')) return rows.map((r) => executeTemplate(fmt, statsFields(r, trunc)) + '\n').join('')
  const body = fmt.replace(/^table\s*/, '')
  const header = executeTemplate(body, HEADERS)
  const lines = rows.map((r) => executeTemplate(body, statsFields(r, trunc)))
  return table([header, ...lines].map((l) => l.split('\t')))
}
