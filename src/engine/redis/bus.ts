/**
 * The cluster bus (cluster.c): links to every known node on port+10000,
 * PING/PONG with a header and a gossip section, MEET, FAIL broadcasts,
 * failover auth requests/acks. clusterCron runs every 100 ms; each node is
 * pinged once a second (the real cron samples random nodes; with six nodes
 * the timing is the same within the measured window). Failure detection,
 * elections and slot-ownership updates follow cluster.c's rules.
 */
import type { Ipv4 } from '../../lib/ipv4'
import { parseIpv4 } from '../../lib/ipv4'
import type { TcpConnection } from '../kernel/net/sockets'
import { newNode, ranges, type ClusterNode } from './cluster-state'
import { decode } from './wire'
import type { BusCore, BusMessage, Gossip, Header, ServerCore } from './types'
import { Failover } from './failover'
import { failMessage, processGossip, updateFromHeader } from './gossip'

export class Bus implements BusCore {
  private links = new Map<string, TcpConnection>()
  private connecting = new Set<string>()
  private linkTime = new Map<string, number>()
  private ticks = 0
  private handshakeStart = new Map<string, number>()
  private inbound = new Set<TcpConnection>()
  sent = 0
  received = 0
  readonly failover: Failover

  constructor(readonly server: ServerCore) {
    this.failover = new Failover(this)
  }

  get cl() {
    return this.server.cluster!
  }

  now(): number {
    return this.server.env.wall()
  }

  listen(address: Ipv4, port: number): { close(): void } {
    const l = this.server.env.sockets.tcpListen(this.server.env.ns, { address, port })
    l.onConnection((conn) => {
      this.inbound.add(conn)
      conn.onData((d) => this.receive(conn, d))
      conn.onClose(() => this.inbound.delete(conn))
    })
    return l
  }

  header(): Header {
    const me = this.cl.myself
    const c = this.server.config
    return {
      id: me.id,
      ip: this.server.myIp,
      port: c.announcePort || c.port,
      cport: c.announceBusPort || c.port + 10000,
      role: me.role,
      masterId: me.masterId,
      configEpoch: me.configEpoch,
      currentEpoch: this.cl.currentEpoch,
      slots: me.role === 'master' ? ranges(this.cl.slotsOf(me.id)) : [],
      offset: this.server.repl.offset,
    }
  }

  /**
   * clusterSendPing()'s gossip section: max(3, nodes/10) random known nodes
   * (not handshaking, not link-less slotless ones) plus every PFAIL node.
   */
  private gossip(): Gossip[] {
    const candidates = [...this.cl.nodes.values()].filter((n) => n.id !== this.cl.myId && !n.handshake && !n.pfail && (n.linkUp || this.cl.slotsOf(n.id).length > 0))
    const wanted = Math.min(Math.max(3, Math.floor(this.cl.nodes.size / 10)), candidates.length)
    const picked: ClusterNode[] = []
    while (picked.length < wanted) picked.push(candidates.splice(this.server.env.random.int(candidates.length), 1)[0]!)
    for (const n of this.cl.nodes.values()) if (n.pfail) picked.push(n)
    return picked.map((n) => ({ id: n.id, ip: n.ip, port: n.port, cport: n.cport, pfail: n.pfail, fail: n.fail, pong: n.pongRecv }))
  }

  send(conn: TcpConnection, m: BusMessage): void {
    this.sent++
    conn.send(JSON.stringify(m))
  }

  ping(conn: TcpConnection, type: 'ping' | 'pong' | 'meet'): void {
    this.send(conn, { type, h: this.header(), gossip: this.gossip() })
  }

  broadcast(m: BusMessage): void {
    for (const c of this.links.values()) this.send(c, m)
  }

  /** CLUSTER MEET: a handshake node with a random name until its PONG tells its real one. */
  meet(ip: string, port: number, cport = port + 10000): void {
    const id = this.server.env.random.hex(40)
    const n = newNode(id, ip, port, cport)
    n.handshake = true
    this.cl.nodes.set(id, n)
    this.handshakeStart.set(id, this.now())
  }

  private connect(n: ClusterNode): void {
    const address = parseIpv4(n.ip)
    if (address === undefined || this.connecting.has(n.id)) return
    this.connecting.add(n.id)
    // The first PING is queued with the connect, so ping_sent starts now even if the connect fails.
    if (n.pingSent === 0) n.pingSent = this.now()
    const id = n.id
    this.linkTime.set(id, this.now())
    this.server.env.sockets.tcpConnect(this.server.env.ns, { address, port: n.cport }, { timeoutMs: 1000 }).then(
      (conn) => {
        this.connecting.delete(id)
        const node = this.cl.nodes.get(id)
        if (!node || this.closed) return conn.close()
        this.links.set(id, conn)
        node.linkUp = true
        conn.onData((d) => this.receive(conn, d))
        conn.onClose(() => {
          // Look the link up by connection: a handshake node may have been renamed since.
          for (const [key, c] of this.links) {
            if (c !== conn) continue
            this.links.delete(key)
            const x = this.cl.nodes.get(key)
            if (x) x.linkUp = false
          }
        })
        this.ping(conn, node.handshake ? 'meet' : 'ping')
      },
      () => {
        this.connecting.delete(id)
      },
    )
  }

  private closed = false

  close(): void {
    this.closed = true
    for (const c of this.links.values()) c.close()
    for (const c of this.inbound) c.close()
    this.links.clear()
  }

  /**
   * clusterCron(), every 100 ms: reconnect missing links; once a second ping
   * the node with the oldest PONG among five random ones; ping any node
   * whose PONG is older than half the node timeout; drop a link whose PONG
   * is overdue; flag PFAIL after node-timeout without a PONG.
   */
  cron(): void {
    const me = this.cl.myself
    const c = this.server.config
    // 5.0's clusterCron keeps myself->ip in sync with cluster-announce-ip (so a fresh nodes.conf still says :0@0).
    if (c.announceIp && me.ip !== c.announceIp) this.setMyAddress(c.announceIp)
    const now = this.now()
    const timeout = c.clusterNodeTimeout
    const others = [...this.cl.nodes.values()].filter((n) => n.id !== this.cl.myId)
    for (const n of others) {
      if (n.handshake && now - (this.handshakeStart.get(n.id) ?? now) > Math.max(timeout, 1000)) {
        this.cl.nodes.delete(n.id)
        this.links.get(n.id)?.close()
        this.links.delete(n.id)
      } else if (!this.links.has(n.id)) this.connect(n)
    }
    if (++this.ticks % 10 === 0) {
      let best: ClusterNode | undefined
      for (let i = 0; i < 5; i++) {
        const n = others[this.server.env.random.int(others.length)]
        if (!n || !this.links.has(n.id) || n.pingSent !== 0 || n.handshake) continue
        if (!best || n.pongRecv < best.pongRecv) best = n
      }
      if (best) this.pingNode(best)
    }
    for (const n of others) {
      const link = this.links.get(n.id)
      if (!this.cl.nodes.has(n.id) || n.handshake) continue
      if (link && now - (this.linkTime.get(n.id) ?? now) > timeout && n.pingSent && n.pongRecv < n.pingSent && now - n.pingSent > timeout / 2) {
        link.close()
        this.links.delete(n.id)
        n.linkUp = false
        continue
      }
      if (link && n.pingSent === 0 && now - n.pongRecv > timeout / 2) this.pingNode(n)
      if (n.pingSent && now - n.pingSent > timeout && !n.pfail && !n.fail) n.pfail = true
    }
    this.failover.cron()
    this.updateState()
  }

  private pingNode(n: ClusterNode): void {
    const link = this.links.get(n.id)
    if (!link) return
    n.pingSent = this.now()
    this.ping(link, n.handshake ? 'meet' : 'ping')
  }

  updateState(): void {
    const next = this.cl.computeState()
    if (next !== this.cl.state) {
      this.cl.state = next
      this.server.log('#', `Cluster state changed: ${next}`)
    }
  }

  private receive(conn: TcpConnection, data: string): void {
    const m = decode<BusMessage>(data)
    if (!m || typeof m !== 'object' || !('h' in m)) return
    this.received++
    const h = m.h
    const cl = this.cl
    if (h.currentEpoch > cl.currentEpoch) cl.currentEpoch = h.currentEpoch
    let sender = cl.nodes.get(h.id)
    // A MEET tells a node without an announced address what it is called (clusterProcessPacket).
    if (m.type === 'meet' && !cl.myself.ip) this.setMyAddress(this.server.myIp)
    if (m.type === 'meet' && !sender) {
      // clusterProcessPacket: a MEET from an unknown node adds it in handshake under a random name
      // (it is named when our own PING to it gets its PONG), reads the gossip, and answers PONG.
      if (![...cl.nodes.values()].some((n) => n.handshake && n.ip === h.ip && n.cport === h.cport)) this.meet(h.ip, h.port, h.cport)
      processGossip(this, newNode(h.id), m.gossip)
      this.ping(conn, 'pong')
      return
    }
    if (m.type === 'pong') {
      // A PONG from a handshake node names it (clusterRenameNode) or, if known, drops the duplicate.
      const hs = [...cl.nodes.values()].find((n) => n.handshake && n.ip === h.ip && n.cport === h.cport)
      if (hs && !sender) {
        cl.nodes.delete(hs.id)
        sender = { ...hs, id: h.id, handshake: false }
        cl.nodes.set(h.id, sender)
        const link = this.links.get(hs.id)
        if (link) {
          this.links.delete(hs.id)
          this.links.set(h.id, link)
        }
      } else if (hs) cl.nodes.delete(hs.id)
    }
    if (!sender || sender.id === cl.myId) return
    if (m.type === 'ping' || m.type === 'meet') this.ping(conn, 'pong')
    if (m.type === 'pong') {
      sender.pingSent = 0
      sender.pongRecv = this.now()
      sender.pfail = false
      if (sender.fail) this.clearFailIfNeeded(sender, h)
    }
    sender.ip = h.ip
    sender.port = h.port
    sender.cport = h.cport
    sender.offset = h.offset
    updateFromHeader(this, sender, h)
    if (m.type === 'ping' || m.type === 'pong' || m.type === 'meet') processGossip(this, sender, m.gossip)
    if (m.type === 'fail') failMessage(this, sender, m.about)
    if (m.type === 'auth-req') this.failover.authRequest(conn, sender, h)
    if (m.type === 'auth-ack') this.failover.authAck(sender, h)
    this.updateState()
  }

  /** clearNodeFailureIfNeeded(). */
  private clearFailIfNeeded(n: ClusterNode, h: Header): void {
    const ownsSlots = this.cl.slotsOf(n.id).length > 0
    if (h.role === 'slave' || !ownsSlots) {
      this.server.log('*', `Clear FAIL state for node ${n.id}: ${n.role === 'slave' ? 'replica' : 'master without slots'} is reachable again.`)
      n.fail = false
      this.server.saveClusterConfig()
    }
  }

  private setMyAddress(ip: string): void {
    const me = this.cl.myself
    const c = this.server.config
    me.ip = ip
    me.port = c.announcePort || c.port
    me.cport = c.announceBusPort || c.port + 10000
    this.server.saveClusterConfig()
  }

  /** Sends our header to everyone now (clusterBroadcastPong after a role change). */
  broadcastPong(): void {
    for (const c of this.links.values()) this.ping(c, 'pong')
  }
}
