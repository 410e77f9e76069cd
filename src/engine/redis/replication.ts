/**
 * Master ⇄ replica replication (replication.c), reduced: a replica connects
 * to its master's port, sends SYNC, gets the whole keyspace (5.0's
 * disk-based full resync writes dump.rdb on both sides) and then every
 * write the master executes, in order. A lost master is retried every
 * second with 5.0's log lines.
 */
import type { TcpConnection } from '../kernel/net/sockets'
import { parseIpv4 } from '../../lib/ipv4'
import { RedisConnection, encode, type ServerMessage } from './wire'
import type { ServerCore } from './types'

export class Replication {
  masterHost: string | undefined
  masterPort = 0
  offset = 0
  private link: RedisConnection | undefined
  private connecting = false
  private lastTry = 0
  readonly replicas = new Map<TcpConnection, { ip: string; port: number; offset: number }>()

  constructor(private readonly server: ServerCore) {}

  get linkUp(): boolean {
    return !!this.link && !this.link.closed
  }

  replicate(host: string, port: number): void {
    this.link?.close()
    this.link = undefined
    this.masterHost = host
    this.masterPort = port
    this.lastTry = 0
    this.server.log('*', 'Before turning into a replica, using my master parameters to synthesize a cached master: I may be able to synchronize with the new master with just a partial transfer.')
    this.cron()
  }

  promote(): void {
    this.link?.close()
    this.link = undefined
    this.masterHost = undefined
    this.server.log('*', 'Discarding previously cached master state.')
    this.server.log('*', `Setting secondary replication ID to ${this.server.replid}, valid up to offset: ${this.offset + 1}. New replication ID is ${this.server.env.random.hex(40)}`)
  }

  cron(): void {
    if (!this.masterHost || this.linkUp || this.connecting) return
    const now = this.server.env.wall()
    if (now - this.lastTry < 1000) return
    this.lastTry = now
    const address = parseIpv4(this.masterHost)
    if (address === undefined) return
    this.connecting = true
    const host = this.masterHost
    this.server.log('*', `Connecting to MASTER ${host}:${this.masterPort}`)
    this.server.log('*', 'MASTER <-> REPLICA sync started')
    const env = this.server.env
    env.sockets.tcpConnect(env.ns, { address, port: this.masterPort }, { timeoutMs: 60_000 }).then(
      (tcp) => {
        this.connecting = false
        if (this.masterHost !== host) return tcp.close()
        const link = new RedisConnection(tcp)
        this.link = link
        this.server.log('*', 'Non blocking connect for SYNC fired the event.')
        this.server.log('*', 'Master replied to PING, replication can continue...')
        link.onMessage = (m) => this.fromMaster(m)
        tcp.onClose(() => {
          if (this.link !== link) return
          this.link = undefined
          this.server.log('#', 'Connection with master lost.')
          this.server.log('*', 'Caching the disconnected master state.')
        })
        tcp.send(encode(['SYNC']))
      },
      (e: unknown) => {
        this.connecting = false
        const code = (e as { code?: string }).code
        this.server.log('#', `Error condition on socket for SYNC: ${code === 'ECONNREFUSED' ? 'Connection refused' : code === 'ETIMEDOUT' ? 'Operation timed out' : 'Host is unreachable'}`)
      },
    )
  }

  private fromMaster(m: ServerMessage): void {
    if ('sync' in m) {
      this.server.log('*', 'Partial resynchronization not possible (no cached master)')
      this.server.log('*', `Full resync from master: ${m.replid}:${m.offset}`)
      this.server.log('*', `MASTER <-> REPLICA sync: receiving ${175 + m.sync.length * 16} bytes from master`)
      this.server.log('*', 'MASTER <-> REPLICA sync: Flushing old data')
      this.server.log('*', 'MASTER <-> REPLICA sync: Loading DB in memory')
      this.server.dbs[0]!.load(m.sync)
      this.offset = m.offset
      this.server.env.fs.writeFile(this.server.path(this.server.config.dbfilename), 'REDIS0009')
      this.server.log('*', 'MASTER <-> REPLICA sync: Finished with success')
    } else if ('repl' in m) {
      const client = { conn: this.link!.tcp, db: 0, readonly: false, asking: false, authed: true, replica: true }
      this.server.execute(client, m.repl)
      this.offset += encode(m.repl).length
    }
  }

  addReplica(conn: TcpConnection): void {
    const ip = formatIp(conn.remote.address)
    this.server.log('*', `Replica ${ip}:6379 asks for synchronization`)
    this.server.log('*', `Full resync requested by replica ${ip}:6379`)
    this.server.log('*', 'Starting BGSAVE for SYNC with target: disk')
    this.server.env.fs.writeFile(this.server.path(this.server.config.dbfilename), 'REDIS0009')
    conn.send(encode({ sync: this.server.dbs[0]!.dump(), replid: this.server.replid, offset: this.offset }))
    this.replicas.set(conn, { ip, port: 6379, offset: this.offset })
    this.server.log('*', `Synchronization with replica ${ip}:6379 succeeded`)
  }

  dropReplica(conn: TcpConnection): void {
    if (this.replicas.delete(conn)) this.server.log('#', 'Connection with replica ' + formatIp(conn.remote.address) + ':6379 lost.')
  }

  propagate(argv: readonly string[]): void {
    const msg = encode({ repl: argv })
    this.offset += encode(argv).length
    for (const [conn, r] of this.replicas) {
      conn.send(msg)
      r.offset = this.offset
    }
  }

  close(): void {
    this.link?.close()
    this.masterHost = undefined
  }
}

function formatIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}
