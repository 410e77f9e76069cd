/**
 * The receiving side of gossip (clusterProcessGossipSection) and failure
 * agreement (markNodeAsFailingIfNeeded, the FAIL message): a PFAIL node
 * becomes FAIL once a majority of the slot-serving masters report it.
 */
import type { ClusterNode } from './cluster-state'
import type { BusCore, Gossip, Header } from './types'

export function processGossip(bus: BusCore, sender: ClusterNode, gossip: readonly Gossip[]): void {
  const cl = bus.cl
  for (const g of gossip) {
    if (g.id === cl.myId) continue
    const n = cl.nodes.get(g.id)
    if (!n) {
      // An unknown node: start a handshake unless one with that address is under way (clusterStartHandshake).
      if (!g.fail && g.ip && ![...cl.nodes.values()].some((x) => x.handshake && x.ip === g.ip && x.cport === g.cport)) bus.meet(g.ip, g.port, g.cport)
      continue
    }
    if (sender.role === 'master') {
      if (g.pfail || g.fail) {
        n.failReports.set(sender.id, bus.now())
        markFailingIfNeeded(bus, n)
      } else n.failReports.delete(sender.id)
    }
    // A fresher PONG time heard from others counts, unless we are waiting for one ourselves.
    if (n.pingSent === 0 && n.failReports.size === 0 && g.pong <= bus.now() + 500 && g.pong > n.pongRecv) n.pongRecv = g.pong
  }
}

function markFailingIfNeeded(bus: BusCore, n: ClusterNode): void {
  const cl = bus.cl
  const needed = Math.floor(cl.size() / 2) + 1
  if (!n.pfail || n.fail) return
  const validity = bus.server.config.clusterNodeTimeout * 2
  for (const [id, t] of n.failReports) if (bus.now() - t > validity) n.failReports.delete(id)
  let failures = n.failReports.size
  if (cl.myself.role === 'master') failures++
  if (failures < needed) return
  bus.server.log('*', `Marking node ${n.id} as failing (quorum reached).`)
  n.fail = true
  n.pfail = false
  n.failTime = bus.now()
  bus.broadcast({ type: 'fail', h: bus.header(), about: n.id })
  bus.server.saveClusterConfig()
}

export function failMessage(bus: BusCore, sender: ClusterNode, about: string): void {
  const n = bus.cl.nodes.get(about)
  if (!n || n.id === bus.cl.myId || n.fail) return
  bus.server.log('*', `FAIL message received from ${sender.id} about ${about}`)
  n.fail = true
  n.pfail = false
  n.failTime = bus.now()
  bus.server.saveClusterConfig()
}

/** Role changes and slot claims (clusterUpdateSlotsConfigWith): a higher configEpoch wins a slot. */
export function updateFromHeader(bus: BusCore, n: ClusterNode, h: Header): void {
  const cl = bus.cl
  let changed = false
  if (n.role !== h.role || n.masterId !== h.masterId) {
    n.role = h.role
    n.masterId = h.masterId
    changed = true
  }
  if (n.configEpoch !== h.configEpoch) {
    n.configEpoch = h.configEpoch
    changed = true
  }
  if (h.role !== 'master') {
    if (changed) bus.server.saveClusterConfig()
    return
  }
  const me = cl.myself
  const myMaster = me.role === 'slave' ? me.masterId : me.id
  const before = myMaster ? cl.slotsOf(myMaster).length : 0
  for (const [a, b] of h.slots) {
    for (let s = a; s <= b; s++) {
      const owner = cl.slots[s]!
      if (owner === n.id) continue
      const ownerEpoch = owner ? (cl.nodes.get(owner)?.configEpoch ?? 0) : -1
      if (owner === '' || ownerEpoch < h.configEpoch) {
        cl.slots[s] = n.id
        changed = true
      }
    }
  }
  if (myMaster && before > 0 && cl.slotsOf(myMaster).length === 0 && myMaster !== n.id) {
    // We (or our master) lost every slot to this node: follow it (the rejoin of an old master).
    bus.server.log('#', `Configuration change detected. Reconfiguring myself as a replica of ${n.id}`)
    me.role = 'slave'
    me.masterId = n.id
    bus.server.repl.replicate(n.ip, n.port)
  }
  if (changed) bus.server.saveClusterConfig()
}
