/**
 * Lesson checks: statements about the World's *state* (its records), never about the text typed.
 * "tomcat01 has an interface on mynet with an address in 192.168.0.0/16" is
 * `{ kind: 'container', name: 'tomcat01', network: 'mynet', addressIn: '192.168.0.0/16' }`.
 * Pure functions over records, so they run in the UI and in Node tests alike.
 */
import type { ContainerRecord, InterfaceRecord, WorldRecord } from '../protocol/records'
import type { Check } from './scenario'

function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.').map(Number)
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0
}

/** True when `address` (`a.b.c.d` or `a.b.c.d/len`) lies in `cidr`. */
export function inCidr(address: string, cidr: string): boolean {
  const [net, lenText] = cidr.split('/')
  const len = Number(lenText)
  const a = ipToInt(address.split('/')[0] ?? '')
  const n = ipToInt(net ?? '')
  if (a === undefined || n === undefined || !Number.isInteger(len) || len < 0 || len > 32) return false
  const mask = len === 0 ? 0 : (~0 << (32 - len)) >>> 0
  return ((a & mask) >>> 0) === ((n & mask) >>> 0)
}

const byName = (records: readonly WorldRecord[], name: string): ContainerRecord | undefined =>
  records.find((r): r is ContainerRecord => r.kind === 'container' && r.name === name)

export function checkHolds(check: Check, records: readonly WorldRecord[]): boolean {
  switch (check.kind) {
    case 'container': {
      const c = byName(records, check.name)
      if (!c) return false
      if (check.state !== undefined && c.state !== check.state) return false
      if (check.network === undefined && check.addressIn === undefined) return true
      const nets = (c.networks ?? []).filter((n) => check.network === undefined || n.name === check.network)
      return nets.some((n) => check.addressIn === undefined || (n.ipAddress !== '' && inCidr(n.ipAddress, check.addressIn)))
    }
    case 'no-container':
      return byName(records, check.name) === undefined
    case 'network': {
      const n = records.find((r) => r.kind === 'network' && r.name === check.name)
      if (n?.kind !== 'network') return false
      return (check.subnet === undefined || n.subnet === check.subnet) && (check.gateway === undefined || n.gateway === check.gateway)
    }
    case 'interface': {
      const owner = check.owner === 'host' ? 'host' : byName(records, check.owner)?.id
      if (owner === undefined) return false
      const netns = new Set(records.filter((r) => r.kind === 'netns' && r.owner === owner).map((r) => r.id))
      const ifaces = records.filter((r): r is InterfaceRecord => r.kind === 'interface' && netns.has(r.netns) && r.name === check.name)
      return ifaces.some(
        (i) => (check.state === undefined || i.state === check.state) && (check.addressIn === undefined || i.addresses.some((a) => inCidr(a, check.addressIn!))),
      )
    }
    case 'hosts-entry': {
      const c = byName(records, check.container)
      const lines = (c?.hostsFile ?? '').split('\n').map((l) => l.trim().split(/\s+/))
      return lines.some((words) => words.length > 1 && !words[0]!.startsWith('#') && words.slice(1).includes(check.host))
    }
  }
}

/** All of a step's checks hold (a step without checks is done when its command was typed). */
export function checksHold(checks: readonly Check[] | undefined, records: readonly WorldRecord[]): boolean | undefined {
  if (!checks || checks.length === 0) return undefined
  return checks.every((c) => checkHolds(c, records))
}
