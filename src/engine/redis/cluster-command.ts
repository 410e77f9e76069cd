/** The CLUSTER command (clusterCommand in cluster.c), 5.0's subcommands. */
import { CLUSTER_SLOTS, keySlot } from './crc16'
import { ranges } from './cluster-state'
import { array, bulk, bulks, error, int, OK, status, type Reply } from './reply'
import type { ServerCore } from './types'

const isInt = (s: string | undefined): boolean => s !== undefined && /^-?\d+$/.test(s)

export function clusterCommand(server: ServerCore, a: readonly string[]): Reply {
  const cl = server.cluster!
  const bus = server.bus!
  const sub = (a[1] ?? '').toLowerCase()
  const now = server.env.wall()
  const bad = error(`ERR Unknown subcommand or wrong number of arguments for '${a[1] ?? ''}'. Try CLUSTER HELP.`)
  const argc = a.length
  switch (sub) {
    case 'nodes':
      return argc === 2 ? bulk(cl.nodesText(now, server.version)) : bad
    case 'info':
      return argc === 2 ? bulk(cl.infoText({ sent: bus.sent, received: bus.received }, server.version)) : bad
    case 'myid':
      return argc === 2 ? bulk(cl.myId) : bad
    case 'keyslot':
      return argc === 3 ? int(keySlot(a[2]!)) : bad
    case 'countkeysinslot': {
      if (argc !== 3) return bad
      const s = Number(a[2])
      if (!isInt(a[2]) || s < 0 || s >= CLUSTER_SLOTS) return error('ERR Invalid slot')
      return int(server.dbs[0]!.countInSlot(s))
    }
    case 'getkeysinslot': {
      if (argc !== 4) return bad
      if (!isInt(a[3]) || Number(a[3]) < 0) return error('ERR Invalid number of keys')
      const s = Number(a[2])
      if (!isInt(a[2]) || s < 0 || s >= CLUSTER_SLOTS) return error('ERR Invalid slot')
      return bulks(server.dbs[0]!.names().filter((k) => keySlot(k) === s).slice(0, Number(a[3])))
    }
    case 'slots': {
      if (argc !== 2) return bad
      const out: Reply[] = []
      for (const m of cl.ordered().filter((n) => n.role === 'master' && !n.fail)) {
        const entry = (id: string): Reply => {
          const n = cl.nodes.get(id)!
          return array([bulk(n.id === cl.myId ? server.myIp : n.ip), int(n.port), bulk(n.id)])
        }
        for (const [lo, hi] of ranges(cl.slotsOf(m.id))) out.push(array([int(lo), int(hi), entry(m.id), ...cl.replicasOf(m.id).filter((r) => !r.fail).map((r) => entry(r.id))]))
      }
      return array(out)
    }
    case 'meet': {
      if (argc !== 4 && argc !== 5) return bad
      if (!isInt(a[3])) return error(`ERR Invalid TCP base port specified: ${a[3]}`)
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(a[2]!)) return error(`ERR Invalid node address specified: ${a[2]}:${a[3]}`)
      bus.meet(a[2]!, Number(a[3]), argc === 5 ? Number(a[4]) : Number(a[3]) + 10000)
      return OK
    }
    case 'addslots':
    case 'delslots': {
      if (argc < 3) return error(`ERR wrong number of arguments for 'cluster' command`)
      const slots: number[] = []
      for (const s of a.slice(2)) {
        const n = Number(s)
        if (!isInt(s) || n < 0 || n >= CLUSTER_SLOTS) return error('ERR Invalid or out of range slot')
        if (sub === 'addslots' && cl.slots[n]) return error(`ERR Slot ${n} is already busy`)
        if (sub === 'delslots' && !cl.slots[n]) return error(`ERR Slot ${n} is already unassigned`)
        slots.push(n)
      }
      for (const n of slots) cl.slots[n] = sub === 'addslots' ? cl.myId : ''
      server.saveClusterConfig()
      bus.updateState()
      return OK
    }
    case 'set-config-epoch': {
      if (argc !== 3) return bad
      if (!isInt(a[2]) || Number(a[2]) < 0) return error(`ERR Invalid config epoch specified: ${a[2]}`)
      if (cl.nodes.size > 1) return error('ERR The user can assign a config epoch only when the node does not know any other node.')
      if (cl.myself.configEpoch !== 0) return error('ERR Node config epoch is already non-zero')
      cl.myself.configEpoch = Number(a[2])
      server.log('#', `configEpoch set to ${a[2]} via CLUSTER SET-CONFIG-EPOCH`)
      if (cl.currentEpoch < cl.myself.configEpoch) cl.currentEpoch = cl.myself.configEpoch
      server.saveClusterConfig()
      return OK
    }
    case 'replicate': {
      if (argc !== 3) return bad
      const m = cl.nodes.get(a[2]!)
      if (!m) return error(`ERR Unknown node ${a[2]}`)
      if (m.id === cl.myId) return error("ERR Can't replicate myself")
      if (m.role !== 'master') return error('ERR I can only replicate a master, not a replica.')
      if (cl.myself.role === 'master' && (cl.slotsOf(cl.myId).length > 0 || server.dbs[0]!.size() > 0))
        return error('ERR To set a master the node must be empty and without assigned slots.')
      cl.myself.role = 'slave'
      cl.myself.masterId = m.id
      server.saveClusterConfig()
      server.repl.replicate(m.ip, m.port)
      return OK
    }
    case 'failover': {
      if (cl.myself.role !== 'slave') return error("ERR You should send CLUSTER FAILOVER to a replica")
      return OK
    }
    case 'reset': {
      if (server.dbs[0]!.size() > 0 && cl.myself.role === 'master') return error("ERR CLUSTER RESET can't be called with master nodes containing keys")
      for (const id of [...cl.nodes.keys()]) if (id !== cl.myId) cl.nodes.delete(id)
      cl.slots.fill('')
      cl.myself.role = 'master'
      cl.myself.masterId = undefined
      server.repl.close()
      if ((a[2] ?? '').toLowerCase() === 'hard') {
        cl.currentEpoch = 0
        cl.lastVoteEpoch = 0
        cl.myself.configEpoch = 0
      }
      server.saveClusterConfig()
      bus.updateState()
      return OK
    }
    case 'forget': {
      if (argc !== 3) return bad
      if (!cl.nodes.has(a[2]!)) return error(`ERR Unknown node ${a[2]}`)
      if (a[2] === cl.myId) return error("ERR I tried hard but I can't forget myself...")
      cl.nodes.delete(a[2]!)
      server.saveClusterConfig()
      return OK
    }
    case 'setslot': {
      if (argc < 4) return bad
      const s = Number(a[2])
      const how = (a[3] ?? '').toLowerCase()
      if (how === 'migrating' && a[4]) cl.migrating.set(s, a[4])
      else if (how === 'importing' && a[4]) cl.importing.set(s, a[4])
      else if (how === 'stable' || (how === 'node' && a[4])) {
        if (how === 'node') cl.slots[s] = a[4]!
        cl.migrating.delete(s)
        cl.importing.delete(s)
      } else return error('ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP')
      server.saveClusterConfig()
      return OK
    }
    case 'count-failure-reports':
      return int(cl.nodes.get(a[2] ?? '')?.failReports.size ?? 0)
    case 'help':
      return array([status('CLUSTER <subcommand> arg arg ... arg. Subcommands are:')])
    default:
      return bad
  }
}
