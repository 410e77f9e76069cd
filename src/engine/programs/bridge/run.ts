/**
 * `bridge link` and `bridge fdb show` over the stack: ports with their STP
 * state (forwarding, or disabled without carrier; STP is off on Docker's
 * bridges), the forwarding database with the devices' multicast lists
 * (`self permanent`) as the kernel dumps them: per device, the bridge
 * first, then each port with its learned entries, its own MAC, its groups.
 */
import type { BridgeLink, Link, NetNamespace, NetworkStack } from '../../kernel/net/types'

export interface PortRow {
  readonly link: Link
  readonly master: BridgeLink
  readonly peerIndex?: number
  readonly flags: readonly string[]
  readonly state: 'forwarding' | 'disabled'
}

export interface FdbRow {
  readonly mac: string
  readonly dev: string
  readonly master?: string
  readonly self: boolean
  readonly permanent: boolean
}

export function bridgePorts(net: NetNamespace, dev?: string): PortRow[] | { error: string } {
  if (dev !== undefined && !net.link(dev)) return { error: `Cannot find device "${dev}"\n` }
  return net
    .links()
    .filter((l) => l.master !== undefined && (dev === undefined || l.name === dev))
    .flatMap((l) => {
      const master = net.link(l.master!)
      if (master?.kind !== 'bridge') return []
      const flags = net.flags(l)
      return [{ link: l, master, ...(l.kind === 'veth' ? { peerIndex: l.peer.ifindex } : {}), flags, state: flags.includes('LOWER_UP') ? 'forwarding' : 'disabled' } as PortRow]
    })
}

/** The multicast groups a device has joined (IPv6 all-nodes and solicited-node, IPv4 all-hosts; a bridge also the multicast-router groups). */
function groups(link: Link): string[] {
  const hasV6 = link.addresses.some((a) => a.family === 'inet6' && a.scope === 'link')
  const solicited = hasV6 ? [`33:33:ff:${link.mac.slice(9)}`] : []
  if (link.kind === 'bridge') return ['33:33:00:00:00:01', '01:00:5e:00:00:6a', '33:33:00:00:00:6a', '01:00:5e:00:00:01', ...solicited]
  return ['33:33:00:00:00:01', '01:00:5e:00:00:01', ...solicited]
}

export function fdbRows(stack: NetworkStack, net: NetNamespace, br?: string, dev?: string): FdbRow[] | { error: string } {
  const bridges = net.links().filter((l): l is BridgeLink => l.kind === 'bridge' && (br === undefined || l.name === br))
  if (br !== undefined && bridges.length === 0) return { error: `Cannot find bridge device "${br}"\n` }
  const rows: FdbRow[] = []
  for (const bridge of bridges) {
    const entries = stack.fdb(bridge)
    for (const g of groups(bridge)) rows.push({ mac: g, dev: bridge.name, self: true, permanent: true })
    rows.push({ mac: bridge.mac, dev: bridge.name, master: bridge.name, self: false, permanent: true })
    for (const port of net.links().filter((l) => l.master === bridge.ifindex)) {
      for (const e of entries) if (e.port === port.ifindex && !e.permanent) rows.push({ mac: e.mac, dev: port.name, master: bridge.name, self: false, permanent: false })
      rows.push({ mac: port.mac, dev: port.name, master: bridge.name, self: false, permanent: true })
      for (const g of groups(port)) rows.push({ mac: g, dev: port.name, self: true, permanent: true })
    }
  }
  return dev === undefined ? rows : rows.filter((r) => r.dev === dev)
}
