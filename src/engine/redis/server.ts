/**
 * One redis-server: config, keyspace, the client port and (cluster mode)
 * the bus. The program in programs/redis-server drives it: start(), then
 * cron() every 100 ms of virtual time (serverCron/clusterCron), then
 * shutdown() on SIGTERM.
 */
import type { TcpConnection } from '../kernel/net/sockets'
import { parseIpv4 } from '../../lib/ipv4'
import type { ServerConfig } from './config'
import { Keyspace } from './keyspace'
import { COMMANDS, arityOk, commandKeys, unknownCommand } from './commands'
import { keySlot } from './crc16'
import { ClusterState, newNode } from './cluster-state'
import { error, OK, status, bulk, int, array, type Reply } from './reply'
import { decode, encode } from './wire'
import { logLine, type LogLevel } from './log'
import { Bus } from './bus'
import { Replication } from './replication'
import { clusterCommand } from './cluster-command'
import { infoText, roleReply } from './info'
import type { Client, ServerCore, ServerEnv } from './types'

export type { ServerEnv } from './types'

export class RedisServer implements ServerCore {
  readonly version = '5' as const
  readonly dbs: Keyspace[]
  cluster: ClusterState | undefined
  bus: Bus | undefined
  readonly repl: Replication
  private listeners: { close(): void }[] = []
  readonly clients = new Set<Client>()
  readonly replid: string
  statsCommands = 0

  constructor(
    readonly config: ServerConfig,
    readonly env: ServerEnv,
  ) {
    this.dbs = Array.from({ length: config.databases }, () => new Keyspace(() => env.wall()))
    this.replid = env.random.hex(40)
    this.repl = new Replication(this)
  }

  get myIp(): string {
    return this.config.announceIp || this.env.ownIp
  }

  log(level: LogLevel, msg: string): void {
    const role = this.cluster?.myself.role === 'slave' || this.repl.masterHost ? 'S' : 'M'
    this.env.write(logLine(this.env.pid, role, this.env.wall(), level, msg))
  }

  path(name: string): string {
    return name.startsWith('/') ? name : `${this.env.dir.replace(/\/$/, '')}/${name}`
  }

  /** Everything between "Configuration loaded" and "Ready to accept connections". */
  start(): boolean {
    const c = this.config
    if (c.clusterEnabled) {
      const state = new ClusterState('')
      const conf = this.path(c.clusterConfigFile)
      if (this.env.fs.exists(conf) && state.load(this.env.fs.readFile(conf))) {
        this.log('*', `Node configuration loaded, I'm ${state.myId.slice(0, 40)}`)
      } else {
        state.myId = this.env.random.hex(40)
        state.nodes.set(state.myId, newNode(state.myId))
        this.log('*', `No cluster configuration found, I'm ${state.myId}`)
      }
      this.cluster = state
      this.bus = new Bus(this)
      this.saveClusterConfig()
    }
    this.log('*', `Running mode=${c.clusterEnabled ? 'cluster' : 'standalone'}, port=${c.port}.`)
    try {
      for (const addr of c.bind.length ? c.bind : ['0.0.0.0']) {
        const address = parseIpv4(addr)
        if (address === undefined) throw new Error('bad address')
        const l = this.env.sockets.tcpListen(this.env.ns, { address, port: c.port })
        l.onConnection((conn) => this.accept(conn))
        this.listeners.push(l)
        if (this.bus) this.listeners.push(this.bus.listen(address, c.port + 10000))
      }
    } catch {
      this.log('#', `Could not create server TCP listening socket *:${c.port}: bind: Address already in use`)
      return false
    }
    return true
  }

  saveClusterConfig(): void {
    if (!this.cluster) return
    this.env.fs.writeFile(this.path(this.config.clusterConfigFile), this.cluster.confText(this.env.wall(), this.version))
  }

  private accept(conn: TcpConnection): void {
    const client: Client = { conn, db: 0, readonly: false, asking: false, authed: this.config.requirepass === '', replica: false }
    this.clients.add(client)
    conn.onData((data) => {
      const argv = decode<string[]>(data)
      if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string')) return
      const reply = this.execute(client, argv)
      if (reply) conn.send(encode({ reply }))
    })
    conn.onClose(() => {
      this.clients.delete(client)
      this.repl.dropReplica(conn)
    })
  }

  /** processCommand(): lookup, arity, auth, cluster redirection, then the command. */
  execute(client: Client, argv: readonly string[]): Reply | undefined {
    this.statsCommands++
    const name = argv[0]!.toLowerCase()
    const a = [name, ...argv.slice(1)]
    if (!client.authed && name !== 'auth') return error('NOAUTH Authentication required.')
    const builtin = this.builtin(client, a, argv)
    if (builtin !== null) return builtin
    const spec = COMMANDS[name]
    if (!spec?.run) return unknownCommand(argv, this.version)
    if (!arityOk(spec, a.length)) return error(`ERR wrong number of arguments for '${name}' command`)
    const keys = commandKeys(spec, a)
    // The master's replication stream is never redirected (processCommand skips CLIENT_MASTER).
    if (this.cluster && keys.length > 0 && !client.replica) {
      const redirect = this.route(client, keys, spec.write)
      client.asking = false
      if (redirect) return redirect
    }
    if (spec.write && this.repl.masterHost && !client.replica) return error("READONLY You can't write against a read only replica.")
    const reply = spec.run(this.dbs[client.db]!, a, this.env.wall())
    if (spec.write && reply.t !== 'error') this.repl.propagate(argv)
    return reply
  }

  /** getNodeByQuery(): CROSSSLOT, CLUSTERDOWN, MOVED, ASK, READONLY replicas. */
  private route(client: Client, keys: readonly string[], write: boolean): Reply | undefined {
    const cl = this.cluster!
    const slot = keySlot(keys[0]!)
    if (keys.some((k) => keySlot(k) !== slot)) return error("CROSSSLOT Keys in request don't hash to the same slot")
    if (cl.state !== 'ok') return error('CLUSTERDOWN The cluster is down')
    const owner = cl.slots[slot]!
    if (!owner) return error('CLUSTERDOWN Hash slot not served')
    const db = this.dbs[0]!
    if (owner === cl.myId) {
      const to = cl.migrating.get(slot)
      if (to && keys.some((k) => !db.has(k))) return this.redirect('ASK', slot, to)
      return undefined
    }
    if (cl.importing.has(slot) && client.asking) return undefined
    const me = cl.myself
    if (!write && client.readonly && me.role === 'slave' && me.masterId === owner) return undefined
    return this.redirect('MOVED', slot, owner)
  }

  private redirect(kind: 'MOVED' | 'ASK', slot: number, id: string): Reply {
    const n = this.cluster!.nodes.get(id)
    return error(`${kind} ${slot} ${n?.ip ?? ''}:${n?.port ?? 0}`)
  }

  /** Commands outside the data table: connection, server and cluster management. null = not one of them. */
  private builtin(client: Client, a: readonly string[], argv: readonly string[]): Reply | undefined | null {
    const arity = (n: number): Reply | undefined => ((n > 0 ? a.length !== n : a.length < -n) ? error(`ERR wrong number of arguments for '${a[0]}' command`) : undefined)
    switch (a[0]) {
      case 'ping':
        return a.length > 2 ? arity(-1) ?? error(`ERR wrong number of arguments for 'ping' command`) : a.length === 2 ? bulk(a[1]) : status('PONG')
      case 'echo':
        return arity(2) ?? bulk(a[1])
      case 'auth':
        if (arity(2)) return arity(2)
        if (!this.config.requirepass) return error('ERR Client sent AUTH, but no password is set')
        if (a[1] !== this.config.requirepass) return error('ERR invalid password')
        client.authed = true
        return OK
      case 'select': {
        if (arity(2)) return arity(2)
        if (this.cluster) return error('ERR SELECT is not allowed in cluster mode')
        const n = Number(a[1])
        if (!/^-?\d+$/.test(a[1]!)) return error('ERR invalid DB index')
        if (n < 0 || n >= this.dbs.length) return error('ERR DB index is out of range')
        client.db = n
        return OK
      }
      case 'readonly':
        if (!this.cluster) return error('ERR This instance has cluster support disabled')
        client.readonly = true
        return OK
      case 'readwrite':
        if (!this.cluster) return error('ERR This instance has cluster support disabled')
        client.readonly = false
        return OK
      case 'asking':
        if (!this.cluster) return error('ERR This instance has cluster support disabled')
        client.asking = true
        return OK
      case 'info':
        return bulk(infoText(this, a[1]?.toLowerCase() ?? 'default', client.db))
      case 'role':
        return roleReply(this)
      case 'config':
        return this.configCommand(a)
      case 'cluster':
        if (!this.cluster) return error('ERR This instance has cluster support disabled')
        return clusterCommand(this, a)
      case 'sync':
      case 'psync':
        client.replica = true
        this.repl.addReplica(client.conn)
        return undefined
      case 'replconf':
        return OK
      case 'shutdown':
        return error('ERR Errors trying to SHUTDOWN. Check logs.')
      case 'command':
        return int(Object.keys(COMMANDS).length + 16)
      case 'time': {
        const w = this.env.wall()
        return array([bulk(String(Math.floor(w / 1000))), bulk(String((w % 1000) * 1000))])
      }
      default:
        void argv
        return null
    }
  }

  private configCommand(a: readonly string[]): Reply {
    const sub = a[1]?.toLowerCase()
    if (sub === 'get' && a.length === 3) {
      const out: string[] = []
      const known: Record<string, string> = {
        port: String(this.config.port),
        bind: this.config.bind.join(' '),
        'cluster-enabled': this.config.clusterEnabled ? 'yes' : 'no',
        'cluster-node-timeout': String(this.config.clusterNodeTimeout),
        'cluster-config-file': this.config.clusterConfigFile,
        'cluster-announce-ip': this.config.announceIp,
        appendonly: this.config.appendonly ? 'yes' : 'no',
        'protected-mode': this.config.protectedMode ? 'yes' : 'no',
        daemonize: this.config.daemonize ? 'yes' : 'no',
        requirepass: this.config.requirepass,
        dir: this.env.dir,
        save: this.config.save,
        databases: String(this.config.databases),
        logfile: this.config.logfile,
        dbfilename: this.config.dbfilename,
      }
      const pattern = a[2]!.toLowerCase()
      for (const [k, v] of Object.entries(known)) if (pattern === '*' || pattern === k) out.push(k, v)
      return array(out.map((s) => bulk(s)))
    }
    if (sub === 'set' || sub === 'resetstat' || sub === 'rewrite') return OK
    return error(`ERR Unknown subcommand or wrong number of arguments for '${a[1] ?? ''}'. Try CONFIG HELP.`)
  }

  cron(): void {
    this.bus?.cron()
    this.repl.cron()
  }

  /** prepareForShutdown() as 5.0 logs it; closes every socket so peers see the links drop. */
  shutdown(): void {
    this.log('#', 'User requested shutdown...')
    if (this.config.appendonly) this.log('*', 'Calling fsync() on the AOF file.')
    this.log('*', 'Saving the final RDB snapshot before exiting.')
    this.env.fs.writeFile(this.path(this.config.dbfilename), 'REDIS0009')
    this.log('*', 'DB saved on disk')
    this.saveClusterConfig()
    this.log('#', 'Redis is now ready to exit, bye bye...')
    this.close()
  }

  close(): void {
    for (const l of this.listeners) l.close()
    for (const c of this.clients) c.conn.close()
    this.bus?.close()
    this.repl.close()
  }
}
