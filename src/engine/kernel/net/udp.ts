/**
 * UDP (RFC 768; net/ipv4/udp.c) and the port tables both transports share:
 * bind(2) with INADDR_ANY or a local address, ephemeral ports from
 * ip_local_port_range (32768–60999) picked with the world's PRNG, datagrams
 * routed through ip_local_out like any packet, ICMP port unreachable for a
 * datagram nobody listens for, and ICMP errors handed back to the sender.
 */
import type { Ipv4 } from '../../../lib/ipv4'
import type { NetCore } from './core'
import { utf8Length, type IcmpError, type UdpPacket } from './frames'
import { DEFAULT_TTL } from './icmp'
import type { Netns } from './namespace'
import { lookupRoute } from './routing'
import { SocketError, type Datagram, type Endpoint4, type SocketErrorCode, type UdpSocket } from './sockets'

/** net.ipv4.ip_local_port_range. */
export const EPHEMERAL_LOW = 32768
export const EPHEMERAL_HIGH = 60999

/** Picks a free ephemeral port: a PRNG offset into the range, then the next free one (__inet_hash_connect). */
export function ephemeralPort(core: NetCore, used: (port: number) => boolean): number {
  const span = EPHEMERAL_HIGH - EPHEMERAL_LOW + 1
  const offset = core.random.int(span)
  for (let i = 0; i < span; i++) {
    const port = EPHEMERAL_LOW + ((offset + i) % span)
    if (!used(port)) return port
  }
  throw new SocketError('EADDRNOTAVAIL')
}

/** The ICMP error → errno mapping of icmp_err_convert. */
export function icmpErrno(e: IcmpError): SocketErrorCode {
  if (e.type === 'time-exceeded') return 'EHOSTUNREACH'
  if (e.code === 'port') return 'ECONNREFUSED'
  if (e.code === 'net') return 'ENETUNREACH'
  return 'EHOSTUNREACH'
}

class UdpSock implements UdpSocket {
  private readonly messageListeners: ((d: Datagram) => void)[] = []
  private readonly errorListeners: ((e: SocketError) => void)[] = []
  private readonly early: Datagram[] = []
  closed = false

  constructor(
    private readonly core: NetCore,
    private readonly ns: Netns,
    readonly local: Endpoint4,
  ) {}

  send(to: Endpoint4, payload: string, options: { length?: number } = {}): void {
    if (this.closed) return
    const route = lookupRoute(this.ns, to.address)
    if (!route) {
      this.core.clock.setTimer(0, () => this.fail(new SocketError('ENETUNREACH')))
      return
    }
    const packet: UdpPacket = {
      kind: 'ipv4',
      src: this.local.address !== 0 ? this.local.address : route.src,
      dst: to.address,
      ttl: DEFAULT_TTL,
      protocol: 'udp',
      payload: { srcPort: this.local.port, dstPort: to.port, payload, length: options.length ?? utf8Length(payload) },
    }
    this.core.datapath.ipOutput(this.core, this.ns, packet)
  }

  onMessage(listener: (datagram: Datagram) => void): void {
    this.messageListeners.push(listener)
    for (const d of this.early.splice(0)) listener(d)
  }

  onError(listener: (error: SocketError) => void): void {
    this.errorListeners.push(listener)
  }

  deliver(d: Datagram): void {
    if (this.messageListeners.length === 0) this.early.push(d)
    for (const l of this.messageListeners) l(d)
  }

  fail(e: SocketError): void {
    if (!this.closed) for (const l of this.errorListeners) l(e)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    const list = udpTable(this.ns).get(this.local.port)
    if (list) list.splice(list.indexOf(this), 1)
  }
}

const tables = new WeakMap<Netns, Map<number, UdpSock[]>>()
function udpTable(ns: Netns): Map<number, UdpSock[]> {
  let t = tables.get(ns)
  if (!t) tables.set(ns, (t = new Map()))
  return t
}

/** inet_bind / udp_v4_get_port. */
export function udpBind(core: NetCore, ns: Netns, local: Partial<Endpoint4> = {}): UdpSocket {
  const address: Ipv4 = local.address ?? 0
  if (address !== 0 && !ns.isLocalAddress(address)) throw new SocketError('EADDRNOTAVAIL')
  const table = udpTable(ns)
  const clash = (port: number) => (table.get(port) ?? []).some((s) => s.local.address === 0 || address === 0 || s.local.address === address)
  let port = local.port ?? 0
  if (port === 0) port = ephemeralPort(core, (p) => (table.get(p)?.length ?? 0) > 0)
  else if (clash(port)) throw new SocketError('EADDRINUSE')
  const sock = new UdpSock(core, ns, { address, port })
  table.set(port, [...(table.get(port) ?? []), sock])
  return sock
}

/** udp_rcv: to the socket bound to the exact address, else to INADDR_ANY; nobody → ICMP port unreachable. */
export function udpInput(core: NetCore, ns: Netns, packet: UdpPacket): void {
  const d = packet.payload
  const socks = udpTable(ns).get(d.dstPort) ?? []
  const sock = socks.find((s) => s.local.address === packet.dst) ?? socks.find((s) => s.local.address === 0)
  if (!sock) {
    if (ns.isLocalAddress(packet.dst)) core.datapath.icmpError(core, ns, packet, 'dest-unreachable', 'port')
    return
  }
  sock.deliver({ from: { address: packet.src, port: d.srcPort }, to: { address: packet.dst, port: d.dstPort }, payload: d.payload })
}

/** udp_err: the socket that sent the quoted datagram learns of the error. */
export function udpError(ns: Netns, error: IcmpError): void {
  const quoted = error.original
  if (quoted.protocol !== 'udp') return
  const socks = udpTable(ns).get(quoted.payload.srcPort) ?? []
  const sock = socks.find((s) => s.local.address === quoted.src) ?? socks.find((s) => s.local.address === 0)
  sock?.fail(new SocketError(icmpErrno(error)))
}

/** Ports in use by UDP sockets in `ns` (for `ss`/`netstat` later). */
export function udpPortsInUse(ns: Netns): number[] {
  return [...udpTable(ns).entries()].filter(([, s]) => s.length > 0).map(([p]) => p)
}
