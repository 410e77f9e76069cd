/**
 * Link state as the kernel derives it: carrier (IFF_LOWER_UP), operstate
 * (RFC 2863 as exposed by rtnetlink) and the flag list iproute2 prints.
 * Read Documentation/networking/operstates.rst before changing it.
 */
import type { BridgeLink, Link, OperState } from './types'

/** Bridge ports: the links of the same namespace whose master is `bridge`. */
export function bridgePorts(bridge: BridgeLink): Link[] {
  return bridge.ns.links().filter((l) => l.master === bridge.ifindex)
}

/**
 * netif_carrier_ok(): a veth has carrier when both ends are up (veth_open
 * turns the peer's carrier on); a NIC when its cable's far end is up; a
 * bridge when at least one port is forwarding (br_port_carrier_check; with
 * STP off a port forwards as soon as it has carrier); lo always.
 */
export function hasCarrier(link: Link): boolean {
  if (!link.adminUp) return false
  switch (link.kind) {
    case 'loopback':
      return true
    case 'veth':
      return link.peer.adminUp && link.peer.ns.alive
    case 'ether':
      return link.cable !== undefined && link.cable.adminUp
    case 'bridge':
      return bridgePorts(link).some((p) => hasCarrier(p))
  }
}

/** IF_OPER_*: lo reports UNKNOWN (it has no operstate driver); a link without carrier is DOWN. */
export function operState(link: Link): OperState {
  if (link.kind === 'loopback') return link.adminUp ? 'UNKNOWN' : 'DOWN'
  return hasCarrier(link) ? 'UP' : 'DOWN'
}

/**
 * The `<…>` flag list in iproute2's order (print_link_flags): NO-CARRIER
 * first when the link is up without carrier, then LOOPBACK, BROADCAST,
 * MULTICAST, UP, LOWER_UP.
 */
export function linkFlags(link: Link): string[] {
  const flags: string[] = []
  const carrier = hasCarrier(link)
  if (link.adminUp && !carrier) flags.push('NO-CARRIER')
  if (link.kind === 'loopback') flags.push('LOOPBACK')
  else flags.push('BROADCAST', 'MULTICAST')
  if (link.adminUp) flags.push('UP')
  if (carrier) flags.push('LOWER_UP')
  return flags
}
