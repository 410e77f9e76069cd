/**
 * A light TCP (RFC 793; net/ipv4/tcp_ipv4.c): the three-way handshake, RST
 * for a port nobody listens on (ECONNREFUSED), SYN retransmission at 1, 3,
 * 7, 15, 31, 63 s (tcp_syn_retries 6) until the caller's timeout
 * (ETIMEDOUT), whole messages as PSH segments each acknowledged, FIN on
 * close. No windows, no segmentation, no loss recovery after the handshake:
 * links here do not lose established traffic.
 */
import type { TimerHandle } from '../../sim/clock'
import type { NetCore } from './core'
import { utf8Length, type IcmpError, type TcpFlags, type TcpPacket } from './frames'
import { DEFAULT_TTL } from './icmp'
import type { Netns } from './namespace'
import { lookupRoute } from './routing'
import { SocketError, type Endpoint4, type TcpConnection, type TcpListener } from './sockets'
import { ephemeralPort, icmpErrno } from './udp'

/** tcp_syn_retries 6: the SYN is sent at 0, 1, 3, 7, 15, 31, 63 s and connect gives up at 127 s. */
export const SYN_RETRY_MS = [1000, 2000, 4000, 8000, 16000, 32000, 64000]
export const CONNECT_TIMEOUT_MS = 127_000

type State = 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'CLOSED'

interface Tables {
  listeners: Map<number, Listener[]>
  conns: Map<string, Conn>
}
const tables = new WeakMap<Netns, Tables>()
function tcpTables(ns: Netns): Tables {
  let t = tables.get(ns)
  if (!t) tables.set(ns, (t = { listeners: new Map(), conns: new Map() }))
  return t
}
const connKey = (local: Endpoint4, remote: Endpoint4) => `${local.address}:${local.port}-${remote.address}:${remote.port}`

class Listener implements TcpListener {
  private readonly listeners: ((c: TcpConnection) => void)[] = []
  private readonly backlog: Conn[] = []
  closed = false
  constructor(
    private readonly ns: Netns,
    readonly local: Endpoint4,
  ) {}
  onConnection(listener: (connection: TcpConnection) => void): void {
    this.listeners.push(listener)
    for (const c of this.backlog.splice(0)) listener(c)
  }
  accept(c: Conn): void {
    if (this.listeners.length === 0) this.backlog.push(c)
    for (const l of this.listeners) l(c)
  }
  close(): void {
    this.closed = true
    const list = tcpTables(this.ns).listeners.get(this.local.port)
    if (list) list.splice(list.indexOf(this), 1)
  }
}

class Conn implements TcpConnection {
  state: State
  sndNxt: number
  rcvNxt = 0
  finSent = false
  finReceived = false
  timer?: TimerHandle
  private readonly dataListeners: ((d: string) => void)[] = []
  private readonly closeListeners: ((r: 'fin' | 'reset') => void)[] = []
  private readonly pending: string[] = []
  private closedBy?: 'fin' | 'reset'

  constructor(
    readonly core: NetCore,
    readonly ns: Netns,
    readonly local: Endpoint4,
    readonly remote: Endpoint4,
    state: State,
  ) {
    this.state = state
    this.sndNxt = core.random.int(0x100000000)
  }

  segment(flags: TcpFlags, data = ''): void {
    const packet: TcpPacket = {
      kind: 'ipv4',
      src: this.local.address,
      dst: this.remote.address,
      ttl: DEFAULT_TTL,
      protocol: 'tcp',
      payload: { srcPort: this.local.port, dstPort: this.remote.port, flags, seq: this.sndNxt, ack: flags.ack ? this.rcvNxt : 0, data },
    }
    this.core.datapath.ipOutput(this.core, this.ns, packet)
  }

  send(data: string): void {
    if (this.state !== 'ESTABLISHED' || this.finSent) return
    this.segment({ psh: true, ack: true }, data)
    this.sndNxt = (this.sndNxt + utf8Length(data)) >>> 0
  }

  onData(listener: (data: string) => void): void {
    this.dataListeners.push(listener)
    for (const d of this.pending.splice(0)) listener(d)
  }

  onClose(listener: (reason: 'fin' | 'reset') => void): void {
    this.closeListeners.push(listener)
    if (this.closedBy && this.pending.length === 0) listener(this.closedBy)
  }

  receive(data: string): void {
    if (this.dataListeners.length === 0) this.pending.push(data)
    for (const l of this.dataListeners) l(data)
  }

  peerClosed(reason: 'fin' | 'reset'): void {
    if (this.closedBy) return
    this.closedBy = reason
    for (const l of this.closeListeners) l(reason)
  }

  close(): void {
    if (this.finSent || this.state === 'CLOSED') return
    if (this.state === 'ESTABLISHED') {
      this.segment({ fin: true, ack: true })
      this.sndNxt = (this.sndNxt + 1) >>> 0
    }
    this.finSent = true
    if (this.finReceived || this.state !== 'ESTABLISHED') this.destroy()
  }

  destroy(): void {
    this.state = 'CLOSED'
    this.core.clock.cancel(this.timer)
    tcpTables(this.ns).conns.delete(connKey(this.local, this.remote))
  }
}

export function tcpListen(ns: Netns, local: Partial<Endpoint4> & { port: number }): TcpListener {
  const address = local.address ?? 0
  if (address !== 0 && !ns.isLocalAddress(address)) throw new SocketError('EADDRNOTAVAIL')
  const t = tcpTables(ns)
  const list = t.listeners.get(local.port) ?? []
  if (list.some((l) => l.local.address === 0 || address === 0 || l.local.address === address)) throw new SocketError('EADDRINUSE')
  const l = new Listener(ns, { address, port: local.port })
  t.listeners.set(local.port, [...list, l])
  return l
}

export function tcpConnect(core: NetCore, ns: Netns, remote: Endpoint4, options: { timeoutMs?: number } = {}): Promise<TcpConnection> {
  const route = lookupRoute(ns, remote.address)
  if (!route) return Promise.reject(new SocketError('ENETUNREACH'))
  const t = tcpTables(ns)
  const port = ephemeralPort(core, (p) => [...t.conns.values()].some((c) => c.local.port === p) || t.listeners.has(p))
  const conn = new Conn(core, ns, { address: route.src, port }, remote, 'SYN_SENT')
  t.conns.set(connKey(conn.local, conn.remote), conn)
  const timeoutMs = options.timeoutMs ?? CONNECT_TIMEOUT_MS
  const start = core.clock.now()
  return new Promise((resolve, reject) => {
    const pending = conn as Conn & { settle?: (e?: SocketError) => void }
    pending.settle = (e) => {
      pending.settle = undefined
      core.clock.cancel(conn.timer)
      if (e) {
        conn.destroy()
        reject(e)
      } else resolve(conn)
    }
    let attempt = 0
    const sendSyn = (): void => {
      conn.segment({ syn: true })
      const wait = SYN_RETRY_MS[attempt++] ?? Infinity
      const left = start + timeoutMs - core.clock.now()
      conn.timer = core.clock.setTimer(Math.min(wait, left), () => {
        if (core.clock.now() - start >= timeoutMs || attempt >= SYN_RETRY_MS.length) pending.settle?.(new SocketError('ETIMEDOUT'))
        else sendSyn()
      })
    }
    sendSyn()
  })
}

function reset(core: NetCore, ns: Netns, packet: TcpPacket): void {
  const s = packet.payload
  if (s.flags.rst) return
  const seqLen = utf8Length(s.data) + (s.flags.syn ? 1 : 0) + (s.flags.fin ? 1 : 0)
  const rst: TcpPacket = {
    kind: 'ipv4',
    src: packet.dst,
    dst: packet.src,
    ttl: DEFAULT_TTL,
    protocol: 'tcp',
    payload: { srcPort: s.dstPort, dstPort: s.srcPort, flags: s.flags.ack ? { rst: true } : { rst: true, ack: true }, seq: s.flags.ack ? s.ack : 0, ack: (s.seq + seqLen) >>> 0, data: '' },
  }
  core.datapath.ipOutput(core, ns, rst)
}

/** tcp_v4_rcv: to the connection of the 4-tuple, else a listener (SYN), else a reset. */
export function tcpInput(core: NetCore, ns: Netns, packet: TcpPacket): void {
  const s = packet.payload
  const t = tcpTables(ns)
  const local = { address: packet.dst, port: s.dstPort }
  const remote = { address: packet.src, port: s.srcPort }
  const conn = t.conns.get(connKey(local, remote)) as (Conn & { settle?: (e?: SocketError) => void }) | undefined
  if (!conn) {
    const list = t.listeners.get(s.dstPort) ?? []
    const listener = list.find((l) => l.local.address === packet.dst) ?? list.find((l) => l.local.address === 0)
    if (!listener || !s.flags.syn || s.flags.ack) return reset(core, ns, packet)
    const child = new Conn(core, ns, local, remote, 'SYN_RECV')
    child.rcvNxt = (s.seq + 1) >>> 0
    t.conns.set(connKey(local, remote), child)
    child.segment({ syn: true, ack: true })
    child.sndNxt = (child.sndNxt + 1) >>> 0
    ;(child as Conn & { listener?: Listener }).listener = listener
    return
  }
  if (s.flags.rst) {
    if (conn.state === 'SYN_SENT') return conn.settle?.(new SocketError('ECONNREFUSED'))
    conn.destroy()
    return conn.peerClosed('reset')
  }
  if (conn.state === 'SYN_SENT') {
    if (!s.flags.syn || !s.flags.ack) return
    conn.rcvNxt = (s.seq + 1) >>> 0
    conn.sndNxt = (conn.sndNxt + 1) >>> 0
    conn.state = 'ESTABLISHED'
    conn.segment({ ack: true })
    return conn.settle?.()
  }
  if (conn.state === 'SYN_RECV' && s.flags.ack) {
    conn.state = 'ESTABLISHED'
    ;(conn as Conn & { listener?: Listener }).listener?.accept(conn)
  }
  if (conn.state !== 'ESTABLISHED') return
  const len = utf8Length(s.data)
  if (len > 0) {
    conn.rcvNxt = (conn.rcvNxt + len) >>> 0
    conn.segment({ ack: true })
    conn.receive(s.data)
  }
  if (s.flags.fin) {
    conn.rcvNxt = (conn.rcvNxt + 1) >>> 0
    conn.finReceived = true
    conn.segment({ ack: true })
    conn.peerClosed('fin')
    if (conn.finSent) conn.destroy()
  }
}

/** tcp_v4_err: a hard ICMP error while connecting fails the connect at once. */
export function tcpError(ns: Netns, error: IcmpError): void {
  const q = error.original
  if (q.protocol !== 'tcp') return
  const conn = tcpTables(ns).conns.get(connKey({ address: q.src, port: q.payload.srcPort }, { address: q.dst, port: q.payload.dstPort })) as
    | (Conn & { settle?: (e?: SocketError) => void })
    | undefined
  if (conn?.state === 'SYN_SENT') conn.settle?.(new SocketError(icmpErrno(error)))
}
