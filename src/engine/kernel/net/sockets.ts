/**
 * The socket API (issue 4 and later): UDP datagrams and a light TCP, the
 * way programs and the daemon talk over the simulated network. It is a
 * contract: the network stack implements it (`NetworkStack.sockets`), and
 * Docker's embedded DNS, `nslookup`, `curl`, redis-server and redis-cli are
 * written against it. Packets cross the same links, bridges and netfilter
 * hooks as ICMP does (DESIGN.md, "Packets, not shortcuts").
 *
 * TCP is light: no segments or windows, but a connect travels the path, finds
 * a listener (accept), gets a reset (ECONNREFUSED) or nothing (ETIMEDOUT), and
 * then carries whole messages both ways in order.
 */
import type { Ipv4 } from '../../../lib/ipv4'
import type { NetNamespace } from './types'

export type SocketErrorCode = 'EADDRINUSE' | 'ECONNREFUSED' | 'ETIMEDOUT' | 'ENETUNREACH' | 'EHOSTUNREACH' | 'ECONNRESET' | 'EADDRNOTAVAIL'

export class SocketError extends Error {
  constructor(readonly code: SocketErrorCode) {
    super(code)
  }
}

export interface Endpoint4 {
  readonly address: Ipv4
  readonly port: number
}

export interface Datagram {
  readonly from: Endpoint4
  readonly to: Endpoint4
  readonly payload: string
}

export interface UdpSocket {
  readonly local: Endpoint4
  /**
   * Sends to `to`; routing, ARP and netfilter apply. Errors come back asynchronously through `onError`.
   * `length`: the message's size on the wire when `payload` is a typed message's encoding (a DNS message), for counters and tcpdump.
   */
  send(to: Endpoint4, payload: string, options?: { readonly length?: number }): void
  onMessage(listener: (datagram: Datagram) => void): void
  onError(listener: (error: SocketError) => void): void
  close(): void
}

export interface TcpConnection {
  readonly local: Endpoint4
  readonly remote: Endpoint4
  /** Sends one message; the peer receives it whole, in order. */
  send(data: string): void
  onData(listener: (data: string) => void): void
  /** The peer closed (FIN) or the connection was reset. */
  onClose(listener: (reason: 'fin' | 'reset') => void): void
  close(): void
}

export interface TcpListener {
  readonly local: Endpoint4
  onConnection(listener: (connection: TcpConnection) => void): void
  close(): void
}

export interface SocketApi {
  /** bind(2) a UDP socket; address 0 = INADDR_ANY, port 0 = an ephemeral port. Throws SocketError('EADDRINUSE'). */
  udpBind(ns: NetNamespace, local?: Partial<Endpoint4>): UdpSocket
  /** listen(2) on a TCP port. Throws SocketError('EADDRINUSE'). */
  tcpListen(ns: NetNamespace, local: Partial<Endpoint4> & { port: number }): TcpListener
  /** connect(2); rejects with SocketError (ECONNREFUSED on a reset, ETIMEDOUT after `timeoutMs` of virtual time). */
  tcpConnect(ns: NetNamespace, remote: Endpoint4, options?: { timeoutMs?: number }): Promise<TcpConnection>
}
