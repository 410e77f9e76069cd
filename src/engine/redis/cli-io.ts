/**
 * What redis-cli and redis-benchmark share (src/engine/redis, since
 * programs never import each other): connecting with hiredis's messages,
 * and the --cluster output colours (clusterManagerLog*: the reset comes
 * after the newline).
 */
import type { SocketApi } from '../kernel/net/sockets'
import type { NetNamespace } from '../kernel/net/types'
import { parseIpv4 } from '../../lib/ipv4'
import { RedisConnection } from './wire'

export type Connected = { ok: true; conn: RedisConnection } | { ok: false; message: string }

export async function connectRedis(sockets: SocketApi, ns: NetNamespace, host: string, port: number): Promise<Connected> {
  const address = parseIpv4(host === 'localhost' ? '127.0.0.1' : host)
  if (address === undefined) return { ok: false, message: `Could not connect to Redis at ${host}:${port}: Name or service not known` }
  try {
    // hiredis connects without a timeout: a stopped container's address fails when ARP gives up (EHOSTUNREACH).
    const tcp = await sockets.tcpConnect(ns, { address, port })
    return { ok: true, conn: new RedisConnection(tcp) }
  } catch (e) {
    const code = (e as { code?: string }).code
    // strerror() as the image's musl libc words it.
    const why = code === 'ECONNREFUSED' ? 'Connection refused' : code === 'ETIMEDOUT' ? 'Operation timed out' : code === 'ENETUNREACH' ? 'Network unreachable' : 'Host is unreachable'
    return { ok: false, message: `Could not connect to Redis at ${host}:${port}: ${why}` }
  }
}

export type LogKind = 'info' | 'ok' | 'err' | 'warn' | 'plain'

const COLOURS: Record<LogKind, string> = { info: '29;1', ok: '32;1', err: '31;1', warn: '33;1', plain: '' }

export function clusterLog(kind: LogKind, text: string, colour: boolean): string {
  if (!colour || kind === 'plain') return text
  // clusterManagerLog(): printf("\033[%sm", color); printf(msg); printf("\033[0m") — msg ends with \n.
  return `\x1b[${COLOURS[kind]}m${text}\x1b[0m`
}
