/**
 * The data commands: a table like server.c's redisCommandTable (name,
 * arity, write flag, key positions) and their implementations on a
 * Keyspace. Cluster routing (keys → slot) and replication read the table.
 */
import type { Keyspace, Value } from './keyspace'
import { globMatch } from './keyspace'
import { array, bulk, bulks, error, int, NIL, OK, type Reply } from './reply'

export interface CommandSpec {
  /** Redis arity: positive = exact argc, negative = at least -arity. */
  readonly arity: number
  readonly write: boolean
  /** First key, last key (-1 = last arg), step; 0 = no keys. */
  readonly keys: readonly [number, number, number]
  readonly run?: (db: Keyspace, a: readonly string[], now: number) => Reply
}

const WRONGTYPE = error('WRONGTYPE Operation against a key holding the wrong kind of value')
const NOT_INT = error('ERR value is not an integer or out of range')
const SYNTAX = error('ERR syntax error')

const isInt = (s: string): boolean => /^-?(0|[1-9]\d*)$/.test(s) && Math.abs(Number(s)) <= Number.MAX_SAFE_INTEGER

function typed<T extends Value['type']>(db: Keyspace, key: string, type: T): Extract<Value, { type: T }> | undefined | 'wrong' {
  const v = db.get(key)
  if (!v) return undefined
  return v.type === type ? (v as Extract<Value, { type: T }>) : 'wrong'
}

function set(db: Keyspace, a: readonly string[], now: number): Reply {
  let nx = false
  let xx = false
  let at: number | undefined
  let keep = false
  for (let i = 3; i < a.length; i++) {
    const o = a[i]!.toLowerCase()
    if (o === 'nx') nx = true
    else if (o === 'xx') xx = true
    else if (o === 'keepttl') keep = true
    else if ((o === 'ex' || o === 'px') && i + 1 < a.length) {
      const n = a[++i]!
      if (!isInt(n)) return NOT_INT
      if (Number(n) <= 0) return error(`ERR invalid expire time in set`)
      at = now + Number(n) * (o === 'ex' ? 1000 : 1)
    } else return SYNTAX
  }
  if (nx && xx) return SYNTAX
  const exists = db.has(a[1]!)
  if ((nx && exists) || (xx && !exists)) return NIL
  db.set(a[1]!, { type: 'string', v: a[2]! }, keep)
  if (at !== undefined) db.expire(a[1]!, at)
  return OK
}

function incrBy(db: Keyspace, key: string, by: string): Reply {
  if (!isInt(by)) return NOT_INT
  const v = typed(db, key, 'string')
  if (v === 'wrong') return WRONGTYPE
  const cur = v ? v.v : '0'
  if (!isInt(cur)) return NOT_INT
  const n = Number(cur) + Number(by)
  db.set(key, { type: 'string', v: String(n) }, true)
  return int(n)
}

function getString(db: Keyspace, key: string): Reply {
  const v = typed(db, key, 'string')
  return v === 'wrong' ? WRONGTYPE : bulk(v?.v)
}

function expire(db: Keyspace, key: string, n: string, unitMs: number, now: number): Reply {
  if (!isInt(n)) return NOT_INT
  return int(db.expire(key, now + Number(n) * unitMs) ? 1 : 0)
}

function collection<T extends 'hash' | 'list' | 'set'>(db: Keyspace, key: string, type: T, create: () => Extract<Value, { type: T }>): Extract<Value, { type: T }> | 'wrong' {
  const v = typed(db, key, type)
  if (v === 'wrong') return v
  if (v) return v
  const fresh = create()
  db.set(key, fresh)
  return fresh
}

function scan(db: Keyspace, a: readonly string[]): Reply {
  if (!isInt(a[1]!)) return error('ERR invalid cursor')
  let pattern = '*'
  let count = 10
  for (let i = 2; i < a.length; i += 2) {
    const o = a[i]!.toLowerCase()
    if (o === 'match' && a[i + 1] !== undefined) pattern = a[i + 1]!
    else if (o === 'count' && a[i + 1] !== undefined && isInt(a[i + 1]!)) count = Number(a[i + 1])
    else return SYNTAX
  }
  const names = db.names().sort()
  const start = Number(a[1])
  const page = names.slice(start, start + count)
  const next = start + count >= names.length ? 0 : start + count
  return array([bulk(String(next)), bulks(page.filter((k) => globMatch(pattern, k)))])
}

const K1: [number, number, number] = [1, 1, 1]
const NONE: [number, number, number] = [0, 0, 0]
const ALL: [number, number, number] = [1, -1, 1]

const w = (arity: number, keys: readonly [number, number, number], run: CommandSpec['run']): CommandSpec => ({ arity, write: true, keys, ...(run ? { run } : {}) })
const r = (arity: number, keys: readonly [number, number, number], run?: CommandSpec['run']): CommandSpec => ({ arity, write: false, keys, ...(run ? { run } : {}) })

export const COMMANDS: Record<string, CommandSpec> = {
  get: r(2, K1, (db, a) => getString(db, a[1]!)),
  set: w(-3, K1, set),
  setnx: w(3, K1, (db, a) => (db.has(a[1]!) ? int(0) : (db.set(a[1]!, { type: 'string', v: a[2]! }), int(1)))),
  setex: w(4, K1, (db, a, now) => (isInt(a[2]!) ? set(db, [a[0]!, a[1]!, a[3]!, 'ex', a[2]!], now) : NOT_INT)),
  getset: w(3, K1, (db, a) => {
    const old = getString(db, a[1]!)
    if (old.t !== 'error') db.set(a[1]!, { type: 'string', v: a[2]! })
    return old
  }),
  append: w(3, K1, (db, a) => {
    const v = typed(db, a[1]!, 'string')
    if (v === 'wrong') return WRONGTYPE
    const s = (v?.v ?? '') + a[2]!
    db.set(a[1]!, { type: 'string', v: s }, true)
    return int(s.length)
  }),
  strlen: r(2, K1, (db, a) => {
    const v = typed(db, a[1]!, 'string')
    return v === 'wrong' ? WRONGTYPE : int(v?.v.length ?? 0)
  }),
  incr: w(2, K1, (db, a) => incrBy(db, a[1]!, '1')),
  decr: w(2, K1, (db, a) => incrBy(db, a[1]!, '-1')),
  incrby: w(3, K1, (db, a) => incrBy(db, a[1]!, a[2]!)),
  decrby: w(3, K1, (db, a) => (isInt(a[2]!) ? incrBy(db, a[1]!, String(-Number(a[2]))) : NOT_INT)),
  mget: r(-2, ALL, (db, a) => array(a.slice(1).map((k) => (typed(db, k, 'string') === 'wrong' ? NIL : getString(db, k))))),
  mset: w(-3, [1, -1, 2], (db, a) => {
    if (a.length % 2 === 0) return error(`ERR wrong number of arguments for MSET`)
    for (let i = 1; i < a.length; i += 2) db.set(a[i]!, { type: 'string', v: a[i + 1]! })
    return OK
  }),
  del: w(-2, ALL, (db, a) => int(a.slice(1).filter((k) => db.delete(k)).length)),
  unlink: w(-2, ALL, (db, a) => int(a.slice(1).filter((k) => db.delete(k)).length)),
  exists: r(-2, ALL, (db, a) => int(a.slice(1).filter((k) => db.has(k)).length)),
  type: r(2, K1, (db, a) => ({ t: 'status', v: db.get(a[1]!)?.type ?? 'none' })),
  expire: w(3, K1, (db, a, now) => expire(db, a[1]!, a[2]!, 1000, now)),
  pexpire: w(3, K1, (db, a, now) => expire(db, a[1]!, a[2]!, 1, now)),
  persist: w(2, K1, (db, a) => int(db.pttl(a[1]!) >= 0 && db.expire(a[1]!, undefined) ? 1 : 0)),
  ttl: r(2, K1, (db, a) => {
    const t = db.pttl(a[1]!)
    return int(t < 0 ? t : Math.round(t / 1000))
  }),
  pttl: r(2, K1, (db, a) => int(db.pttl(a[1]!))),
  keys: r(2, NONE, (db, a) => bulks(db.names().filter((k) => globMatch(a[1]!, k)))),
  scan: r(-2, NONE, scan),
  dbsize: r(1, NONE, (db) => int(db.size())),
  flushall: w(-1, NONE, (db) => (db.clear(), OK)),
  flushdb: w(-1, NONE, (db) => (db.clear(), OK)),
  hset: w(-4, K1, (db, a) => {
    if (a.length % 2 !== 0) return error(`ERR wrong number of arguments for 'hset' command`)
    const h = collection(db, a[1]!, 'hash', () => ({ type: 'hash', v: new Map() }))
    if (h === 'wrong') return WRONGTYPE
    let added = 0
    for (let i = 2; i < a.length; i += 2) {
      if (!h.v.has(a[i]!)) added++
      h.v.set(a[i]!, a[i + 1]!)
    }
    return int(added)
  }),
  hget: r(3, K1, (db, a) => {
    const h = typed(db, a[1]!, 'hash')
    return h === 'wrong' ? WRONGTYPE : bulk(h?.v.get(a[2]!))
  }),
  hgetall: r(2, K1, (db, a) => {
    const h = typed(db, a[1]!, 'hash')
    return h === 'wrong' ? WRONGTYPE : bulks(h ? [...h.v].flat() : [])
  }),
  hdel: w(-3, K1, (db, a) => {
    const h = typed(db, a[1]!, 'hash')
    if (h === 'wrong') return WRONGTYPE
    const n = h ? a.slice(2).filter((f) => h.v.delete(f)).length : 0
    if (h && h.v.size === 0) db.delete(a[1]!)
    return int(n)
  }),
  hlen: r(2, K1, (db, a) => {
    const h = typed(db, a[1]!, 'hash')
    return h === 'wrong' ? WRONGTYPE : int(h?.v.size ?? 0)
  }),
  lpush: w(-3, K1, (db, a) => push(db, a, true)),
  rpush: w(-3, K1, (db, a) => push(db, a, false)),
  lpop: w(2, K1, (db, a) => pop(db, a[1]!, true)),
  rpop: w(2, K1, (db, a) => pop(db, a[1]!, false)),
  llen: r(2, K1, (db, a) => {
    const l = typed(db, a[1]!, 'list')
    return l === 'wrong' ? WRONGTYPE : int(l?.v.length ?? 0)
  }),
  lrange: r(4, K1, (db, a) => {
    if (!isInt(a[2]!) || !isInt(a[3]!)) return NOT_INT
    const l = typed(db, a[1]!, 'list')
    if (l === 'wrong') return WRONGTYPE
    const v = l?.v ?? []
    let s = Number(a[2])
    let e = Number(a[3])
    if (s < 0) s = Math.max(0, v.length + s)
    if (e < 0) e = v.length + e
    return bulks(v.slice(s, e + 1))
  }),
  sadd: w(-3, K1, (db, a) => {
    const s = collection(db, a[1]!, 'set', () => ({ type: 'set', v: new Set() }))
    if (s === 'wrong') return WRONGTYPE
    const before = s.v.size
    for (const m of a.slice(2)) s.v.add(m)
    return int(s.v.size - before)
  }),
  srem: w(-3, K1, (db, a) => {
    const s = typed(db, a[1]!, 'set')
    if (s === 'wrong') return WRONGTYPE
    const n = s ? a.slice(2).filter((m) => s.v.delete(m)).length : 0
    if (s && s.v.size === 0) db.delete(a[1]!)
    return int(n)
  }),
  smembers: r(2, K1, (db, a) => {
    const s = typed(db, a[1]!, 'set')
    return s === 'wrong' ? WRONGTYPE : bulks(s ? [...s.v] : [])
  }),
  sismember: r(3, K1, (db, a) => {
    const s = typed(db, a[1]!, 'set')
    return s === 'wrong' ? WRONGTYPE : int(s?.v.has(a[2]!) ? 1 : 0)
  }),
  scard: r(2, K1, (db, a) => {
    const s = typed(db, a[1]!, 'set')
    return s === 'wrong' ? WRONGTYPE : int(s?.v.size ?? 0)
  }),
}

function push(db: Keyspace, a: readonly string[], left: boolean): Reply {
  const l = collection(db, a[1]!, 'list', () => ({ type: 'list', v: [] }))
  if (l === 'wrong') return WRONGTYPE
  for (const x of a.slice(2)) {
    if (left) l.v.unshift(x)
    else l.v.push(x)
  }
  return int(l.v.length)
}

function pop(db: Keyspace, key: string, left: boolean): Reply {
  const l = typed(db, key, 'list')
  if (l === 'wrong') return WRONGTYPE
  if (!l) return NIL
  const v = left ? l.v.shift() : l.v.pop()
  if (l.v.length === 0) db.delete(key)
  return bulk(v)
}

/** The keys a command names (getKeysFromCommand with the table's first/last/step). */
export function commandKeys(spec: CommandSpec, a: readonly string[]): string[] {
  const [first, lastSpec, step] = spec.keys
  if (first === 0) return []
  const last = lastSpec < 0 ? a.length + lastSpec : lastSpec
  const out: string[] = []
  for (let i = first; i <= last && i < a.length; i += step) out.push(a[i]!)
  return out
}

export function arityOk(spec: CommandSpec, argc: number): boolean {
  return spec.arity > 0 ? argc === spec.arity : argc >= -spec.arity
}

/** processCommand()'s unknown-command error: 5.0 used backticks and ", " after each argument. */
export function unknownCommand(a: readonly string[], version: '5' | '7'): Reply {
  const args = a.slice(1).filter((_, i) => i < 127 - a.slice(0, 0).length)
  if (version === '5') return error(`ERR unknown command \`${a[0]}\`, with args beginning with: ${args.map((x) => `\`${x}\`, `).join('')}`)
  return error(`ERR unknown command '${a[0]}', with args beginning with: ${args.map((x) => `'${x}' `).join('')}`)
}
