/**
 * `redis-cli --cluster create|check|info` as redis-cli.c 5.0's cluster
 * manager does them: slot split, replica placement by IP interleaving with
 * the rotated remainder, the yes/no prompt, epochs, MEET, the join wait
 * (one dot per second of virtual time), then the Cluster Check.
 */
import type { ProgramContext } from '../../shell/runtime'
import { clusterLog, connectRedis, type LogKind } from '../../redis/cli-io'
import { ranges } from '../../redis/cluster-state'
import type { RedisConnection } from '../../redis/wire'
import type { Reply } from '../../redis/reply'

interface Node {
  addr: string
  ip: string
  port: number
  conn: RedisConnection
  id: string
  slots: number[]
  replicate?: string
}

const text = (r: Reply | null): string => (r && (r.t === 'bulk' || r.t === 'status' || r.t === 'error') ? r.v : '')

export async function clusterMain(ctx: ProgramContext, args: readonly string[]): Promise<number> {
  const { proc } = ctx
  const colour = (proc.env.TERM ?? '').includes('xterm')
  const log = (kind: LogKind, t: string): void => proc.out(clusterLog(kind, t, colour))
  const sub = args[0]?.toLowerCase()
  if (!sub) {
    proc.err('Cluster Manager Commands:\n  create         host1:port1 ... hostN:portN\n                 --cluster-replicas <arg>\n  check          host:port\n  info           host:port\n  help           \n')
    return 1
  }
  const addrs: string[] = []
  let replicas = 0
  for (let i = 1; i < args.length; i++) {
    if (args[i] === '--cluster-replicas') replicas = Number(args[++i] ?? 0)
    else addrs.push(args[i]!)
  }
  const load = async (addr: string): Promise<Node | number> => {
    const m = /^(.*):(\d+)$/.exec(addr)
    if (!m) {
      proc.err(`Invalid address format: ${addr}\n`)
      return 1
    }
    const c = await connectRedis(ctx.kernel.net.sockets, proc.sandbox.net, m[1]!, Number(m[2]))
    if (!c.ok) {
      proc.err(c.message + '\n')
      return 1
    }
    const info = text(await c.conn.command(['INFO', 'cluster']))
    if (!info.includes('cluster_enabled:1')) {
      log('err', `[ERR] Node ${addr} is not configured as a cluster node.\n`)
      return 1
    }
    return { addr, ip: m[1]!, port: Number(m[2]), conn: c.conn, id: text(await c.conn.command(['CLUSTER', 'MYID'])), slots: [] }
  }
  if (sub === 'create') {
    const nodes: Node[] = []
    for (const a of addrs) {
      const n = await load(a)
      if (typeof n === 'number') return n
      const known = /cluster_known_nodes:(\d+)/.exec(text(await n.conn.command(['CLUSTER', 'INFO'])))?.[1]
      const dbsize = await n.conn.command(['DBSIZE'])
      if (known !== '1' || (dbsize?.t === 'int' && dbsize.v > 0)) {
        log('err', `[ERR] Node ${a} is not empty. Either the node already knows other nodes (check with CLUSTER NODES) or contains some key in database 0.\n`)
        return 1
      }
      nodes.push(n)
    }
    const masters = Math.floor(nodes.length / (replicas + 1))
    if (masters < 3) {
      log('err', `*** ERROR: Invalid configuration for cluster creation.\n*** Redis Cluster requires at least 3 master nodes.\n*** This is not possible with ${nodes.length} nodes and ${replicas} replicas per node.\n*** At least ${3 * (replicas + 1)} nodes are required.\n`)
      return 1
    }
    log('info', `>>> Performing hash slots allocation on ${nodes.length} nodes...\n`)
    // Group by IP, then interleave (clusterManagerNodeArrayAdd over ip_nodes).
    const byIp = new Map<string, Node[]>()
    for (const n of nodes) byIp.set(n.ip, [...(byIp.get(n.ip) ?? []), n])
    const order: Node[] = []
    const groups = [...byIp.values()].map((g) => [...g])
    while (order.length < nodes.length) for (const g of groups) if (g.length) order.push(g.shift()!)
    const ms = order.slice(0, masters)
    const spn = 16384 / masters
    let cursor = 0
    ms.forEach((m, i) => {
      const last = i === masters - 1 ? 16383 : Math.round(cursor + spn - 1)
      const first = Math.round(cursor)
      for (let s = first; s <= last; s++) m.slots.push(s)
      proc.out(`Master[${i}] -> Slots ${first} - ${last}\n`)
      cursor += spn
    })
    const rest = order.slice(masters)
    if (rest.length > 1) rest.push(rest.shift()!)
    for (let r = 0; r < replicas; r++) {
      for (const m of ms) {
        const idx = rest.findIndex((n) => n.ip !== m.ip)
        const pick = rest.splice(idx >= 0 ? idx : 0, 1)[0]
        if (!pick) break
        pick.replicate = m.id
        proc.out(`Adding replica ${pick.addr} to ${m.addr}\n`)
      }
    }
    const block = (n: Node, check: boolean, replicasOf = 0): string =>
      n.replicate
        ? `S: ${n.id} ${n.addr}\n   slots: (0 slots) slave\n   replicates ${n.replicate}\n`.replace(check ? '' : '   slots: (0 slots) slave\n', '')
        : `M: ${n.id} ${n.addr}\n   slots:${ranges(n.slots).map(([a, b]) => (a === b ? `${a}` : `[${a}-${b}]`)).join(',')} (${n.slots.length} slots) master\n${check && replicasOf ? `   ${replicasOf} additional replica(s)\n` : ''}`
    for (const n of nodes) if (!n.replicate) proc.out(block(n, false))
    for (const n of nodes) if (n.replicate) proc.out(block(n, false))
    proc.out("Can I set the above configuration? (type 'yes' to accept): ")
    const answer = await proc.read()
    if ((answer ?? '').replace(/\r?\n$/, '') !== 'yes') return 0
    for (const m of ms) await m.conn.command(['CLUSTER', 'ADDSLOTS', ...m.slots.map(String)])
    log('info', '>>> Nodes configuration updated\n')
    log('info', '>>> Assign a different config epoch to each node\n')
    for (const [i, n] of nodes.entries()) await n.conn.command(['CLUSTER', 'SET-CONFIG-EPOCH', String(i + 1)])
    log('info', '>>> Sending CLUSTER MEET messages to join the cluster\n')
    const first = nodes[0]!
    for (const n of nodes.slice(1)) await n.conn.command(['CLUSTER', 'MEET', first.ip, String(first.port)])
    await proc.sleep(1000)
    proc.out('Waiting for the cluster to join\n')
    while (!(await consistent(nodes))) {
      proc.out('.')
      await proc.sleep(1000)
    }
    proc.out('\n')
    for (const n of nodes) if (n.replicate) await n.conn.command(['CLUSTER', 'REPLICATE', n.replicate])
    for (const n of nodes) n.conn.close()
    return check(ctx, first.addr, log)
  }
  if (sub === 'check' || sub === 'info') {
    if (addrs.length !== 1) {
      proc.err(`[ERR] Wrong number of arguments for specified --cluster sub command\n`)
      return 1
    }
    if (sub === 'check') return check(ctx, addrs[0]!, log)
    return info(ctx, addrs[0]!, log)
  }
  proc.err(`Unknown --cluster subcommand\n`)
  return 1
}

async function consistent(nodes: readonly Node[]): Promise<boolean> {
  let sig: string | undefined
  for (const n of nodes) {
    const lines = text(await n.conn.command(['CLUSTER', 'NODES'])).trim().split('\n')
    const s = lines
      .map((l) => l.split(' '))
      .filter((f) => f.length > 8)
      .map((f) => `${f[0]}:${f.slice(8).join(',')}`)
      .sort()
      .join('|')
    if (sig !== undefined && s !== sig) return false
    sig = s
  }
  return true
}

interface Seen {
  id: string
  addr: string
  role: string
  master: string
  slots: string[]
  count: number
}

async function survey(ctx: ProgramContext, addr: string): Promise<Seen[] | undefined> {
  const m = /^(.*):(\d+)$/.exec(addr)
  const c = m ? await connectRedis(ctx.kernel.net.sockets, ctx.proc.sandbox.net, m[1]!, Number(m[2])) : undefined
  if (!c || !c.ok) {
    ctx.proc.err((c && !c.ok ? c.message : `Invalid address format: ${addr}`) + '\n')
    return undefined
  }
  const lines = text(await c.conn.command(['CLUSTER', 'NODES'])).trim().split('\n')
  c.conn.close()
  // clusterManagerLoadInfoFromNode(): the order is this node's; each other node's role comes from its own `myself` line.
  for (const [i, l] of lines.entries()) {
    if (l.includes('myself')) continue
    const a = /^\S+ ([\d.]+):(\d+)@/.exec(l)
    const o = a ? await connectRedis(ctx.kernel.net.sockets, ctx.proc.sandbox.net, a[1]!, Number(a[2])) : undefined
    if (!o || !o.ok) continue
    const own = text(await o.conn.command(['CLUSTER', 'NODES'])).split('\n').find((x) => x.includes('myself'))
    o.conn.close()
    if (own) lines[i] = own
  }
  return lines.map((l) => {
    const f = l.split(' ')
    const slots = f.slice(8).filter((s) => !s.startsWith('['))
    const count = slots.reduce((acc, s) => {
      const [a, b] = s.split('-').map(Number)
      return acc + (b ?? a!) - a! + 1
    }, 0)
    const role = f[2]!.includes('slave') ? 'slave' : 'master'
    return { id: f[0]!, addr: f[1]!.split('@')[0]!, role, master: f[3]!, slots, count }
  })
}

async function check(ctx: ProgramContext, addr: string, log: (k: LogKind, t: string) => void): Promise<number> {
  const nodes = await survey(ctx, addr)
  if (!nodes) return 1
  log('info', `>>> Performing Cluster Check (using node ${addr})\n`)
  for (const n of nodes) {
    if (n.role === 'master') {
      const reps = nodes.filter((r) => r.master === n.id).length
      ctx.proc.out(`M: ${n.id} ${n.addr}\n   slots:${n.slots.map((s) => (s.includes('-') ? `[${s}]` : s)).join(',')} (${n.count} slots) master\n${reps ? `   ${reps} additional replica(s)\n` : ''}`)
    } else ctx.proc.out(`S: ${n.id} ${n.addr}\n   slots: (0 slots) slave\n   replicates ${n.master}\n`)
  }
  log('ok', '[OK] All nodes agree about slots configuration.\n')
  log('info', '>>> Check for open slots...\n')
  log('info', '>>> Check slots coverage...\n')
  const covered = nodes.reduce((a, n) => a + (n.role === 'master' ? n.count : 0), 0)
  if (covered === 16384) log('ok', '[OK] All 16384 slots covered.\n')
  else {
    log('err', `[ERR] Not all 16384 slots are covered by nodes.\n`)
    return 1
  }
  return 0
}

async function info(ctx: ProgramContext, addr: string, _log: (k: LogKind, t: string) => void): Promise<number> {
  const nodes = await survey(ctx, addr)
  if (!nodes) return 1
  const ms = nodes.filter((n) => n.role === 'master' && n.count > 0)
  for (const m of ms) ctx.proc.out(`${m.addr} (${m.id.slice(0, 8)}...) -> 0 keys | ${m.count} slots | ${nodes.filter((r) => r.master === m.id).length} slaves.\n`)
  ctx.proc.out(`[OK] 0 keys in ${ms.length} masters.\n0.00 keys per slot on average.\n`)
  return 0
}
