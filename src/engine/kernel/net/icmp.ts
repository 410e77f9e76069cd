/**
 * ICMP (RFC 792; net/ipv4/icmp.c): the kernel answers echo requests, routers
 * report errors with the offending datagram quoted, and ping sockets see
 * replies and errors for their own requests.
 */
import type { NetCore } from './core'
import { icmpBytes, isEcho, type IcmpError, type IcmpPacket, type Ipv4Packet } from './frames'
import type { Netns } from './namespace'
import { lookupRoute } from './routing'
import type { EchoError } from './types'

/** The default TTL of packets this host makes (net.ipv4.ip_default_ttl). */
export const DEFAULT_TTL = 64
/** net.ipv4.icmp_ratelimit: at most one error per destination per second (loopback excepted). */
const ICMP_RATELIMIT_MS = 1000

export function echoKey(ns: Netns, id: number, seq: number): string {
  return `${ns.id}/${id}/${seq}`
}

/** icmp_rcv for a packet addressed to this namespace. */
export function icmpInput(core: NetCore, ns: Netns, packet: IcmpPacket): void {
  const m = packet.payload
  if (m.type === 'echo-request') {
    // icmp_echo_ignore_broadcasts=1: only requests to one of our unicast addresses are answered.
    if (!ns.isLocalAddress(packet.dst)) return
    core.datapath.ipOutput(core, ns, { kind: 'ipv4', src: packet.dst, dst: packet.src, ttl: DEFAULT_TTL, protocol: 'icmp', payload: { ...m, type: 'echo-reply' } })
    return
  }
  if (m.type === 'echo-reply') {
    const key = echoKey(ns, m.id, m.seq)
    const waiter = core.echoWaiters.get(key)
    if (!waiter) return
    core.echoWaiters.delete(key)
    waiter({ from: packet.src, seq: m.seq, ttl: packet.ttl, bytes: icmpBytes(m), rtt: core.clock.now() - m.sentAt })
    return
  }
  if (isEcho(m)) return
  if (!ns.isLocalAddress(m.original.src)) return
  // Errors about our UDP and TCP packets go to their sockets (icmp_unreach → udp_err / tcp_v4_err).
  if (m.original.protocol !== 'icmp') {
    core.datapath.transportError(core, ns, m)
    return
  }
  const quoted = m.original.payload
  if (quoted.type !== 'echo-request') return
  const key = echoKey(ns, quoted.id, quoted.seq)
  const waiter = core.echoWaiters.get(key)
  if (!waiter) return
  core.echoWaiters.delete(key)
  waiter(errorFor(m, packet.src, quoted.seq))
}

function errorFor(m: IcmpError, from: number, seq: number): EchoError {
  if (m.type === 'time-exceeded') return { kind: 'time-exceeded', from, seq }
  if (m.code === 'net') return { kind: 'net-unreachable', from, seq }
  return { kind: 'unreachable', from, seq }
}

/**
 * icmp_send: reports a problem with `offending` to its sender. Never about
 * an ICMP error (RFC 1122 3.2.2); the source is the address this namespace
 * would use to reach the sender.
 */
export function icmpError(core: NetCore, ns: Netns, offending: Ipv4Packet, type: IcmpError['type'], code: IcmpError['code']): void {
  if (offending.protocol === 'icmp' && !isEcho(offending.payload)) return
  const back = lookupRoute(ns, offending.src)
  if (!back) return
  if (back.type !== 'local') {
    const key = `${ns.id}/${offending.src}`
    const last = core.icmpErrorSent.get(key)
    if (last !== undefined && core.clock.now() - last < ICMP_RATELIMIT_MS) return
    core.icmpErrorSent.set(key, core.clock.now())
  }
  core.datapath.ipOutput(core, ns, { kind: 'ipv4', src: back.src, dst: offending.src, ttl: DEFAULT_TTL, protocol: 'icmp', payload: { type, code, original: offending } })
}
