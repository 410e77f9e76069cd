/**
 * IPv4 output, input and forwarding (net/ipv4/ip_output.c, ip_input.c,
 * ip_forward.c), with the netfilter hooks where the kernel has them.
 * Packets for a local address go through lo, as the kernel's `local` routes
 * send them.
 */
import { BROADCAST_MAC, ZERO_MAC } from '../../../lib/mac'
import type { NetCore } from './core'
import { ipv4Bytes, IPV4_MAX_BYTES, type Ipv4Packet } from './frames'
import type { Netns } from './namespace'
import { carryFlow, runHook } from './netfilter'
import { isBroadcastFor, lookupRoute } from './routing'
import type { Link, RouteLookup } from './types'

/** Sends a locally generated packet (ip_local_out). False when there is no route (ENETUNREACH). */
export function ipOutput(core: NetCore, ns: Netns, packet: Ipv4Packet): boolean {
  const route = lookupRoute(ns, packet.dst)
  if (!route) return false
  const dev = ns.link(route.dev)
  if (!dev) return false
  if (ipv4Bytes(packet) > IPV4_MAX_BYTES) return true // EMSGSIZE: never leaves the host
  const out = runHook(core, ns, 'OUTPUT', packet, { outDev: dev })
  if (!out) return true
  // ip_route_me_harder: a DNAT at OUTPUT sends the packet somewhere else.
  let outRoute = route
  let outDev = dev
  if (out.dst !== packet.dst) {
    const again = lookupRoute(ns, out.dst)
    const againDev = again && ns.link(again.dev)
    if (!again || !againDev) return true
    outRoute = again
    outDev = againDev
  }
  const post = runHook(core, ns, 'POSTROUTING', out, { outDev })
  if (post) sendOnLink(core, outDev, outRoute, post)
  return true
}

/** ip_finish_output2: on to the neighbour layer (or straight out for lo and broadcasts). */
function sendOnLink(core: NetCore, dev: Link, route: RouteLookup, packet: Ipv4Packet): void {
  if (dev.kind === 'loopback') {
    core.transmit(dev, { src: ZERO_MAC, dst: ZERO_MAC, payload: packet })
    return
  }
  if (route.type === 'broadcast') {
    core.transmit(dev, { src: dev.mac, dst: BROADCAST_MAC, payload: packet })
    return
  }
  core.datapath.neighOutput(core, dev, route.via ?? route.dst, packet)
}

/** ip_rcv: a packet arrived on `dev`. */
export function ipInput(core: NetCore, dev: Link, packet: Ipv4Packet): void {
  const ns = dev.ns as Netns
  const pre = runHook(core, ns, 'PREROUTING', packet, { inDev: dev })
  if (!pre) return
  if (ns.isLocalAddress(pre.dst) || isBroadcastFor(dev, pre.dst)) {
    const input = runHook(core, ns, 'INPUT', pre, { inDev: dev })
    if (!input) return
    // ip_local_deliver_finish: on to the transport protocol.
    if (input.protocol === 'icmp') core.datapath.icmpInput(core, ns, input)
    else if (input.protocol === 'udp') core.datapath.udpInput(core, ns, input)
    else core.datapath.tcpInput(core, ns, input)
    return
  }
  // ip_forward=0: ip_error() drops without telling anyone.
  if (!ns.forwarding) return
  forward(core, ns, dev, pre)
}

/** ip_forward: route, check the TTL, FORWARD hook, decrement, out. */
function forward(core: NetCore, ns: Netns, inDev: Link, packet: Ipv4Packet): void {
  const route = lookupRoute(ns, packet.dst)
  if (!route || route.type !== 'unicast') {
    if (!route) core.datapath.icmpError(core, ns, packet, 'dest-unreachable', 'net')
    return
  }
  if (packet.ttl <= 1) {
    core.datapath.icmpError(core, ns, packet, 'time-exceeded', 'ttl')
    return
  }
  const outDev = ns.link(route.dev)
  if (!outDev) return
  const filtered = runHook(core, ns, 'FORWARD', packet, { inDev, outDev })
  if (!filtered) return
  const post = runHook(core, ns, 'POSTROUTING', carryFlow(filtered, { ...filtered, ttl: filtered.ttl - 1 }), { inDev, outDev })
  if (post) sendOnLink(core, outDev, route, post)
}
