/**
 * What crosses a simulated TCP connection to a Redis port. The light TCP
 * carries whole messages in order, so a command is its argv and a reply
 * its typed value, JSON-encoded (RESP framing would add nothing here).
 * A replica's link also carries the full-resync payload and the stream of
 * propagated writes.
 */
import type { TcpConnection } from '../kernel/net/sockets'
import type { Value } from './keyspace'
import type { Reply } from './reply'

export type ServerMessage =
  | { readonly reply: Reply }
  | { readonly sync: readonly [string, Value, number | undefined][]; readonly replid: string; readonly offset: number }
  | { readonly repl: readonly string[] }

/** Values are Maps and Sets in memory; JSON needs arrays. */
export function encode(m: ServerMessage | readonly string[]): string {
  return JSON.stringify(m, (_k, v: unknown) => (v instanceof Map ? { $map: [...v] } : v instanceof Set ? { $set: [...v] } : v))
}

export function decode<T>(text: string): T | undefined {
  try {
    return JSON.parse(text, (_k, v: unknown) => {
      if (v && typeof v === 'object' && '$map' in v) return new Map((v as { $map: [string, string][] }).$map)
      if (v && typeof v === 'object' && '$set' in v) return new Set((v as { $set: string[] }).$set)
      return v
    }) as T
  } catch {
    return undefined
  }
}

/** A client's end: send a command, await its reply, in order (hiredis's redisCommand). */
export class RedisConnection {
  private waiting: ((r: Reply | null) => void)[] = []
  closed = false
  onMessage?: (m: ServerMessage) => void

  constructor(readonly tcp: TcpConnection) {
    tcp.onData((data) => {
      const m = decode<ServerMessage>(data)
      if (!m) return
      if ('reply' in m) this.waiting.shift()?.(m.reply)
      else this.onMessage?.(m)
    })
    tcp.onClose(() => {
      this.closed = true
      for (const w of this.waiting.splice(0)) w(null)
    })
  }

  /** Resolves null when the connection closes first. */
  command(argv: readonly string[]): Promise<Reply | null> {
    if (this.closed) return Promise.resolve(null)
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      this.tcp.send(encode(argv))
    })
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.tcp.close()
    for (const w of this.waiting.splice(0)) w(null)
  }
}
