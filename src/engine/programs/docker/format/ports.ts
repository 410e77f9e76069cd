/**
 * The PORTS column of `docker ps` (docker/cli 20.10 `DisplayablePorts`,
 * fact 10): sorted by container port, IP (as a string), host port, type;
 * bindings whose host port equals the container port are merged into
 * ranges per IP/type and listed first; other bindings follow as
 * `IP:host->container/type`; IPv6 `::` prints as `:::PORT` in 20.10.
 */
import type { Port } from '../../../docker/container'

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function formGroup(key: string, first: number, last: number): string {
  const parts = key.split('/')
  const ip = parts.length > 1 ? parts[0]! : ''
  const type = parts.length > 1 ? parts[1]! : parts[0]!
  let group = first === last ? String(first) : `${first}-${last}`
  if (ip !== '') group = `${ip}:${group}->${group}`
  return `${group}/${type}`
}

export function displayablePorts(ports: readonly Port[]): string {
  const sorted = [...ports].sort(
    (a, b) => a.PrivatePort - b.PrivatePort || cmp(a.IP ?? '', b.IP ?? '') || (a.PublicPort ?? 0) - (b.PublicPort ?? 0) || cmp(a.Type, b.Type),
  )
  const groups = new Map<string, { first: number; last: number }>()
  const result: string[] = []
  const hostMappings: string[] = []
  for (const port of sorted) {
    const current = port.PrivatePort
    let key: string = port.Type
    if (port.IP !== undefined && port.IP !== '') {
      if (port.PublicPort !== current) {
        hostMappings.push(`${port.IP}:${port.PublicPort ?? 0}->${port.PrivatePort}/${port.Type}`)
        continue
      }
      key = `${port.IP}/${port.Type}`
    }
    const group = groups.get(key)
    if (!group) {
      groups.set(key, { first: current, last: current })
      continue
    }
    if (current === group.last + 1) {
      group.last = current
      continue
    }
    result.push(formGroup(key, group.first, group.last))
    // Go re-creates the map entry here, so the key keeps its first position in the final loop.
    group.first = current
    group.last = current
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last))
  return [...result, ...hostMappings].join(', ')
}
