/**
 * Replica election (clusterHandleSlaveFailover) and the masters' votes
 * (clusterSendFailoverAuthIfNeeded): delay 500 + random(500) + rank×1000 ms,
 * currentEpoch+1, a majority of slot-serving masters, then the replica takes
 * its master's slots with the new configEpoch and tells everyone.
 */
import type { TcpConnection } from '../kernel/net/sockets'
import type { ClusterNode } from './cluster-state'
import type { BusCore, Header } from './types'

export class Failover {
  private authTime = 0
  private authSent = false
  private authEpoch = 0
  private votes = new Set<string>()

  constructor(private readonly bus: BusCore) {}

  cron(): void {
    const cl = this.bus.cl
    const me = cl.myself
    const server = this.bus.server
    if (me.role !== 'slave' || !me.masterId) return
    const master = cl.nodes.get(me.masterId)
    if (!master || !master.fail || cl.slotsOf(master.id).length === 0) {
      this.authTime = 0
      return
    }
    const now = this.bus.now()
    const timeout = server.config.clusterNodeTimeout
    if (this.authTime === 0 || now - this.authTime > timeout * 4) {
      const rank = cl.replicasOf(master.id).filter((r) => r.id !== me.id && r.offset > server.repl.offset).length
      const delay = 500 + server.env.random.int(500) + rank * 1000
      this.authTime = now + delay
      this.authSent = false
      this.votes.clear()
      server.log('#', `Start of election delayed for ${delay} milliseconds (rank #${rank}, offset ${server.repl.offset}).`)
      return
    }
    if (now < this.authTime) return
    if (!this.authSent) {
      cl.currentEpoch++
      this.authEpoch = cl.currentEpoch
      this.authSent = true
      server.log('#', `Starting a failover election for epoch ${this.authEpoch}.`)
      this.bus.broadcast({ type: 'auth-req', h: this.bus.header() })
      return
    }
    const needed = Math.floor(cl.size() / 2) + 1
    if (this.votes.size < needed) return
    server.log('#', "Failover election won: I'm the new master.")
    if (me.configEpoch < this.authEpoch) {
      me.configEpoch = this.authEpoch
      server.log('#', `configEpoch set to ${this.authEpoch} after successful failover`)
    }
    for (const s of cl.slotsOf(master.id)) cl.slots[s] = me.id
    me.role = 'master'
    me.masterId = undefined
    server.repl.promote()
    this.authTime = 0
    server.saveClusterConfig()
    this.bus.updateState()
    this.bus.broadcastPong()
  }

  authRequest(conn: TcpConnection, sender: ClusterNode, h: Header): void {
    const cl = this.bus.cl
    const me = cl.myself
    if (me.role !== 'master' || cl.slotsOf(me.id).length === 0) return
    if (h.currentEpoch < cl.currentEpoch || cl.lastVoteEpoch === cl.currentEpoch) return
    const master = h.masterId ? cl.nodes.get(h.masterId) : undefined
    if (h.role !== 'slave' || !master) return
    if (!master.fail) {
      this.bus.server.log('#', `Failover auth denied to ${sender.id}: its master is up`)
      return
    }
    cl.lastVoteEpoch = cl.currentEpoch
    this.bus.server.log('#', `Failover auth granted to ${sender.id} for epoch ${cl.currentEpoch}`)
    this.bus.server.saveClusterConfig()
    this.bus.send(conn, { type: 'auth-ack', h: this.bus.header() })
  }

  authAck(sender: ClusterNode, h: Header): void {
    if (sender.role === 'master' && h.currentEpoch >= this.authEpoch && this.authSent) this.votes.add(sender.id)
  }
}
