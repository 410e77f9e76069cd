/**
 * Route lookup (fib_lookup) and source address selection (inet_select_addr),
 * ip-route(8). The local table is not stored: an address configured on an
 * up link is local, as the kernel's `local` routes say.
 */
import { broadcastAddress, cidrContains, type Ipv4 } from '../../../lib/ipv4'
import type { Netns } from './namespace'
import type { Link, Route, RouteLookup } from './types'

/** The answer of `ip route get DST`, or undefined for ENETUNREACH. */
export function lookupRoute(ns: Netns, dst: Ipv4): RouteLookup | undefined {
  const local = ns.localLink(dst)
  if (local) return { type: 'local', dst, dev: ns.loopback.ifindex, src: dst }
  for (const link of ns.links()) {
    if (!link.adminUp) continue
    for (const a of link.addresses) {
      if (a.family !== 'inet' || a.broadcast === undefined) continue
      if (a.broadcast === dst) return { type: 'broadcast', dst, dev: link.ifindex, src: a.local as number }
    }
  }
  const route = bestRoute(ns, dst)
  if (!route) return undefined
  const dev = ns.link(route.dev)
  if (!dev) return undefined
  const src = route.src ?? selectSource(ns, dev, route.via ?? dst)
  if (src === undefined) return undefined
  return { type: 'unicast', dst, ...(route.via !== undefined ? { via: route.via } : {}), dev: route.dev, src, route }
}

/** Longest prefix match in the main table; lower metric wins a tie. */
export function bestRoute(ns: Netns, dst: Ipv4): Route | undefined {
  let best: Route | undefined
  for (const r of ns.routeTable) {
    const len = r.dst?.prefixLength ?? 0
    if (r.dst && !cidrContains(r.dst, dst)) continue
    const bestLen = best?.dst?.prefixLength ?? -1
    if (!best || len > bestLen || (len === bestLen && (r.metric ?? 0) < (best.metric ?? 0))) best = r
  }
  return best
}

/**
 * inet_select_addr(): a primary address of `dev` on the same subnet as
 * `target`, else its first one of global scope, else any global address in
 * the namespace.
 */
export function selectSource(ns: Netns, dev: Link, target: Ipv4): Ipv4 | undefined {
  const inet = (l: Link) => l.addresses.filter((a) => a.family === 'inet' && a.scope !== 'host')
  for (const a of inet(dev)) if (cidrContains({ address: a.local as number, prefixLength: a.prefixLength }, target)) return a.local as number
  const first = inet(dev)[0]
  if (first) return first.local as number
  for (const l of ns.links()) {
    const g = inet(l).find((a) => a.scope === 'global')
    if (g) return g.local as number
  }
  return undefined
}

/** A destination that is the broadcast address of a connected subnet (or the limited broadcast). */
export function isBroadcastFor(link: Link, dst: Ipv4): boolean {
  if (dst === 0xffffffff) return true
  return link.addresses.some(
    (a) => a.family === 'inet' && (a.broadcast ?? broadcastAddress({ address: a.local as number, prefixLength: a.prefixLength })) === dst,
  )
}
