/**
 * Addresses and the routes the kernel derives from them (fib_add_ifaddr,
 * fib_del_ifaddr, fib_sync_down_dev), and IPv6 link-local autoconfiguration
 * (addrconf: EUI-64 from the MAC, RFC 4291 appendix A; DAD per RFC 4862).
 */
import { cidrContains, networkAddress, type Ipv4 } from '../../../lib/ipv4'
import { linkLocalFromMac } from '../../../lib/mac'
import type { NetCore } from './core'
import { NetError } from './errors'
import type { Netns } from './namespace'
import type { InterfaceAddress, Link, Route } from './types'

function sameAddress(a: InterfaceAddress, b: InterfaceAddress): boolean {
  return a.family === b.family && a.local === b.local && a.prefixLength === b.prefixLength
}

/** The connected route an IPv4 address implies: `NET/LEN dev X proto kernel scope link src ADDR`. */
function connectedRoute(link: Link, a: InterfaceAddress): Route | undefined {
  if (a.family !== 'inet' || link.kind === 'loopback' || a.prefixLength === 32) return undefined
  const local = a.local as Ipv4
  return {
    dst: { address: networkAddress({ address: local, prefixLength: a.prefixLength }), prefixLength: a.prefixLength },
    dev: link.ifindex,
    proto: 'kernel',
    scope: 'link',
    src: local,
    ...(a.metric !== undefined ? { metric: a.metric } : {}),
    table: 'main',
  }
}

function sameRoute(a: Route, b: Route): boolean {
  return (
    a.dev === b.dev &&
    a.dst?.address === b.dst?.address &&
    a.dst?.prefixLength === b.dst?.prefixLength &&
    a.via === b.via &&
    (a.metric ?? 0) === (b.metric ?? 0)
  )
}

export function addAddress(core: NetCore, link: Link, address: InterfaceAddress): void {
  if (link.addresses.some((a) => sameAddress(a, address))) {
    throw new NetError('EEXIST', address.family === 'inet' ? 'ipv4: Address already assigned.' : 'ipv6: address already assigned.')
  }
  const stored: InterfaceAddress = { ...address, createdAt: core.clock.now() }
  // iproute2 prints a link's IPv4 addresses before its IPv6 ones (two dumps); keep that order here.
  const firstV6 = link.addresses.findIndex((a) => a.family === 'inet6')
  if (stored.family === 'inet' && firstV6 >= 0) link.addresses.splice(firstV6, 0, stored)
  else link.addresses.push(stored)
  if (link.adminUp) addConnectedRoute(link, stored)
}

function addConnectedRoute(link: Link, a: InterfaceAddress): void {
  const route = connectedRoute(link, a)
  const ns = link.ns as Netns
  if (route && !ns.routeTable.some((r) => sameRoute(r, route))) ns.routeTable.push(route)
}

export function removeAddress(link: Link, address: InterfaceAddress): void {
  const i = link.addresses.findIndex((a) => sameAddress(a, address))
  if (i < 0) throw new NetError('EADDRNOTAVAIL', address.family === 'inet' ? 'ipv4: Address not found.' : 'ipv6: address not found.')
  const [removed] = link.addresses.splice(i, 1)
  const route = connectedRoute(link, removed!)
  const ns = link.ns as Netns
  if (route) ns.routeTable = ns.routeTable.filter((r) => !sameRoute(r, route))
}

/** NETDEV_UP: the addresses' connected routes come back (static routes do not: `ip link set up` after down loses them). */
export function linkCameUp(link: Link): void {
  for (const a of link.addresses) addConnectedRoute(link, a)
}

/** NETDEV_DOWN: every route through the link goes; IPv6 addresses are flushed (addrconf_ifdown). */
export function linkWentDown(link: Link): void {
  const ns = link.ns as Netns
  ns.routeTable = ns.routeTable.filter((r) => r.dev !== link.ifindex)
  link.addresses = link.addresses.filter((a) => a.family !== 'inet6')
}

/**
 * addrconf_dev_config: when a link first gets carrier in a namespace with
 * IPv6 on, it gains fe80::/64 from its MAC, tentative while duplicate
 * address detection runs (a random start delay up to rtr_solicitation_delay
 * 1 s, then one probe and retrans_time 1 s).
 */
export function carrierCameUp(core: NetCore, link: Link): void {
  const ns = link.ns as Netns
  if (!ns.ipv6 || link.kind === 'loopback') return
  if (link.addresses.some((a) => a.family === 'inet6' && a.scope === 'link')) return
  link.addresses.push({
    family: 'inet6',
    local: linkLocalFromMac(link.mac),
    prefixLength: 64,
    scope: 'link',
    tentativeUntil: core.clock.now() + core.random.between(1000, 2000),
    createdAt: core.clock.now(),
  })
}

export function addRoute(ns: Netns, route: Route): void {
  if (ns.routeTable.some((r) => r.dst?.address === route.dst?.address && r.dst?.prefixLength === route.dst?.prefixLength && (r.metric ?? 0) === (route.metric ?? 0))) {
    throw new NetError('EEXIST')
  }
  if (route.via !== undefined) {
    // fib_check_nh: the gateway must be on a connected subnet of the link (scope link).
    const onLink = ns.routeTable.some((r) => r.scope === 'link' && r.dev === route.dev && r.dst && cidrContains(r.dst, route.via!))
    if (!onLink) throw new NetError('EINVAL', 'Nexthop has invalid gateway.')
  }
  const dev = ns.link(route.dev)
  if (!dev || !dev.adminUp) throw new NetError('ENETUNREACH')
  ns.routeTable.push(route)
}

export function removeRoute(ns: Netns, route: Route): void {
  const before = ns.routeTable.length
  ns.routeTable = ns.routeTable.filter((r) => !sameRoute(r, route))
  if (ns.routeTable.length === before) throw new NetError('ESRCH')
}
