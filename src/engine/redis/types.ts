/**
 * The shapes the server's parts see of each other. bus.ts, failover.ts,
 * replication.ts, cluster-command.ts and info.ts are written against these
 * interfaces rather than the classes, so the modules form no import cycle.
 */
import type { SocketApi, TcpConnection } from '../kernel/net/sockets'
import type { NetNamespace } from '../kernel/net/types'
import type { FileSystem } from '../kernel/fs/fs'
import type { ServerConfig } from './config'
import type { Keyspace } from './keyspace'
import type { ClusterState } from './cluster-state'
import type { Replication } from './replication'
import type { LogLevel } from './log'
import type { Reply } from './reply'

export interface ServerEnv {
  readonly sockets: SocketApi
  readonly ns: NetNamespace
  readonly fs: FileSystem
  /** Absolute working directory (dir, or the process's cwd). */
  readonly dir: string
  /** Wall-clock milliseconds (the virtual clock plus the world's epoch). */
  wall(): number
  readonly random: { int(n: number): number; hex(n: number): string }
  write(text: string): void
  readonly pid: number
  /** The container's own address (the default announce ip). */
  readonly ownIp: string
}

export interface Client {
  readonly conn: TcpConnection
  db: number
  readonly: boolean
  asking: boolean
  authed: boolean
  /** On a master: the link of a replica. On a replica: the link from its master (never redirected). */
  replica: boolean
}

export interface Header {
  id: string
  ip: string
  port: number
  cport: number
  role: 'master' | 'slave'
  masterId: string | undefined
  configEpoch: number
  currentEpoch: number
  slots: [number, number][]
  offset: number
}

export interface Gossip {
  id: string
  ip: string
  port: number
  cport: number
  pfail: boolean
  fail: boolean
  /** The sender's pong_received for that node. */
  pong: number
}

export type BusMessage =
  | { type: 'ping' | 'pong' | 'meet'; h: Header; gossip: Gossip[] }
  | { type: 'fail'; h: Header; about: string }
  | { type: 'auth-req' | 'auth-ack'; h: Header }

export interface BusCore {
  readonly server: ServerCore
  readonly cl: ClusterState
  sent: number
  received: number
  now(): number
  header(): Header
  send(conn: TcpConnection, m: BusMessage): void
  broadcast(m: BusMessage): void
  broadcastPong(): void
  updateState(): void
  meet(ip: string, port: number, cport?: number): void
}

export interface ServerCore {
  readonly version: '5'
  readonly config: ServerConfig
  readonly env: ServerEnv
  readonly dbs: Keyspace[]
  readonly cluster: ClusterState | undefined
  readonly bus: BusCore | undefined
  readonly repl: Replication
  readonly clients: Set<Client>
  readonly replid: string
  readonly myIp: string
  log(level: LogLevel, msg: string): void
  path(name: string): string
  saveClusterConfig(): void
  execute(client: Client, argv: readonly string[]): Reply | undefined
}
