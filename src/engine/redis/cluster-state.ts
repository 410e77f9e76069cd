/**
 * A node's view of the cluster (cluster.h clusterState / clusterNode): the
 * known nodes with their flags, roles and config epochs, the owner of each
 * of the 16384 slots, currentEpoch and lastVoteEpoch; and the text forms
 * of that view: CLUSTER NODES lines, nodes.conf, CLUSTER INFO.
 */
import { CLUSTER_SLOTS } from './crc16'

export interface ClusterNode {
  id: string
  ip: string
  port: number
  cport: number
  role: 'master' | 'slave'
  masterId: string | undefined
  configEpoch: number
  pfail: boolean
  fail: boolean
  handshake: boolean
  /** 0 = no ping waiting for its pong (clusterNode.ping_sent). */
  pingSent: number
  pongRecv: number
  linkUp: boolean
  failTime: number
  /** Masters that reported this node PFAIL/FAIL, with when (clusterNode.fail_reports). */
  failReports: Map<string, number>
  /** Replication offset the node last advertised. */
  offset: number
}

export function newNode(id: string, ip = '', port = 0, cport = 0): ClusterNode {
  return { id, ip, port, cport, role: 'master', masterId: undefined, configEpoch: 0, pfail: false, fail: false, handshake: false, pingSent: 0, pongRecv: 0, linkUp: false, failTime: 0, failReports: new Map(), offset: 0 }
}

export class ClusterState {
  readonly nodes = new Map<string, ClusterNode>()
  /** Owner node id per slot, '' when unassigned. */
  readonly slots: string[] = new Array<string>(CLUSTER_SLOTS).fill('')
  /** Open slots (CLUSTER SETSLOT MIGRATING / IMPORTING): slot → node id. */
  readonly migrating = new Map<number, string>()
  readonly importing = new Map<number, string>()
  currentEpoch = 0
  lastVoteEpoch = 0
  state: 'ok' | 'fail' = 'fail'

  constructor(public myId: string) {}

  get myself(): ClusterNode {
    return this.nodes.get(this.myId)!
  }

  slotsOf(id: string): number[] {
    const out: number[] = []
    this.slots.forEach((owner, slot) => owner === id && out.push(slot))
    return out
  }

  masters(): ClusterNode[] {
    return [...this.nodes.values()].filter((n) => n.role === 'master')
  }

  /** Masters serving at least one slot: the electorate of failure reports and votes (cluster->size). */
  size(): number {
    const owners = new Set(this.slots.filter(Boolean))
    return [...owners].filter((id) => this.nodes.get(id)?.role === 'master').length
  }

  replicasOf(id: string): ClusterNode[] {
    return [...this.nodes.values()].filter((n) => n.role === 'slave' && n.masterId === id)
  }

  /** clusterUpdateState(): ok when every slot has an owner that is not FAIL. */
  computeState(): 'ok' | 'fail' {
    for (const owner of this.slots) {
      const n = owner ? this.nodes.get(owner) : undefined
      if (!n || n.fail) return 'fail'
    }
    return 'ok'
  }

  /** Epoch shown in CLUSTER NODES: 5.0 the node's own; 7.0 a replica shows its master's (clusterGetOrCreateNode… nodeEpoch()). */
  shownEpoch(n: ClusterNode, version: '5' | '7'): number {
    if (version === '7' && n.role === 'slave' && n.masterId) return this.nodes.get(n.masterId)?.configEpoch ?? n.configEpoch
    return n.configEpoch
  }

  /** clusterGenNodeDescription(). */
  nodeLine(n: ClusterNode, now: number, version: '5' | '7', forConf = false): string {
    const flags: string[] = []
    if (n.id === this.myId) flags.push('myself')
    flags.push(n.role)
    if (n.pfail) flags.push('fail?')
    if (n.fail) flags.push('fail')
    if (n.handshake) flags.push('handshake')
    const me = n.id === this.myId
    const connected = me || n.linkUp ? 'connected' : 'disconnected'
    const pong = me ? Math.floor(now / 1000) * 1000 : n.pongRecv
    const addr = n.ip || n.port ? `${n.ip}:${n.port}@${n.cport}` : ':0@0'
    let line = `${n.id} ${addr} ${flags.join(',')} ${n.masterId ?? '-'} ${forConf ? 0 : n.pingSent} ${forConf ? 0 : pong} ${this.shownEpoch(n, version)} ${connected}`
    if (n.role === 'master') {
      for (const r of ranges(this.slotsOf(n.id))) line += ' ' + (r[0] === r[1] ? `${r[0]}` : `${r[0]}-${r[1]}`)
      if (me) {
        for (const [s, to] of this.migrating) line += ` [${s}->-${to}]`
        for (const [s, from] of this.importing) line += ` [${s}-<-${from}]`
      }
    }
    return line
  }

  /** Lines in a stable pseudo-hash order (the real one is dict order): sorted by id. */
  ordered(): ClusterNode[] {
    return [...this.nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
  }

  nodesText(now: number, version: '5' | '7'): string {
    return this.ordered()
      .map((n) => this.nodeLine(n, now, version) + '\n')
      .join('')
  }

  /** clusterSaveConfig(): the node lines plus the vars line. */
  confText(now: number, version: '5' | '7'): string {
    return this.nodesText(now, version) + `vars currentEpoch ${this.currentEpoch} lastVoteEpoch ${this.lastVoteEpoch}\n`
  }

  infoText(stats: { sent: number; received: number }, version: '5' | '7'): string {
    const assigned = this.slots.filter(Boolean)
    const pfail = assigned.filter((id) => this.nodes.get(id)?.pfail).length
    const fail = assigned.filter((id) => this.nodes.get(id)?.fail).length
    const lines = [
      `cluster_state:${this.state}`,
      `cluster_slots_assigned:${assigned.length}`,
      `cluster_slots_ok:${assigned.length - pfail - fail}`,
      `cluster_slots_pfail:${pfail}`,
      `cluster_slots_fail:${fail}`,
      `cluster_known_nodes:${this.nodes.size}`,
      `cluster_size:${this.size()}`,
      `cluster_current_epoch:${this.currentEpoch}`,
      `cluster_my_epoch:${this.myself.role === 'slave' && this.myself.masterId ? (this.nodes.get(this.myself.masterId)?.configEpoch ?? 0) : this.myself.configEpoch}`,
      `cluster_stats_messages_sent:${stats.sent}`,
      `cluster_stats_messages_received:${stats.received}`,
    ]
    if (version === '7') lines.push('total_cluster_links_buffer_limit_exceeded:0')
    return lines.map((l) => l + '\r\n').join('')
  }

  /** Loads nodes.conf (clusterLoadConfig); false when the file is not a valid config. */
  load(text: string): boolean {
    let me: string | undefined
    for (const raw of text.split('\n')) {
      const f = raw.trim().split(/\s+/)
      if (f.length === 0 || f[0] === '') continue
      if (f[0] === 'vars') {
        for (let i = 1; i + 1 < f.length; i += 2) {
          if (f[i] === 'currentEpoch') this.currentEpoch = Number(f[i + 1])
          if (f[i] === 'lastVoteEpoch') this.lastVoteEpoch = Number(f[i + 1])
        }
        continue
      }
      if (f.length < 8) return false
      const m = /^(.*):(\d+)@(\d+)$/.exec(f[1]!)
      const n = newNode(f[0]!, m?.[1] ?? '', Number(m?.[2] ?? 0), Number(m?.[3] ?? 0))
      const flags = f[2]!.split(',')
      if (flags.includes('myself')) me = n.id
      n.role = flags.includes('slave') ? 'slave' : 'master'
      n.fail = flags.includes('fail')
      n.masterId = f[3] === '-' ? undefined : f[3]
      n.configEpoch = Number(f[6])
      this.nodes.set(n.id, n)
      for (const s of f.slice(8)) {
        if (s.startsWith('[')) continue
        const [a, b] = s.split('-').map(Number)
        for (let i = a!; i <= (b ?? a!); i++) this.slots[i] = n.id
      }
    }
    if (!me) return false
    this.myId = me
    // Nodes learned from the file start unlinked; the cron reconnects (links are not persisted).
    for (const n of this.nodes.values()) n.linkUp = false
    return true
  }
}

export function ranges(slots: readonly number[]): [number, number][] {
  const out: [number, number][] = []
  for (const s of slots) {
    const last = out[out.length - 1]
    if (last && last[1] === s - 1) last[1] = s
    else out.push([s, s])
  }
  return out
}
