/**
 * One Redis database: keys with a type and an optional expiry on the
 * virtual clock. Expired keys vanish lazily on access and from listings,
 * as expireIfNeeded() makes them look in db.c.
 */
import { keySlot } from './crc16'

export type Value =
  | { readonly type: 'string'; v: string }
  | { readonly type: 'hash'; v: Map<string, string> }
  | { readonly type: 'list'; v: string[] }
  | { readonly type: 'set'; v: Set<string> }

interface Entry {
  value: Value
  expireAt?: number
}

export class Keyspace {
  private readonly keys = new Map<string, Entry>()

  constructor(private readonly now: () => number) {}

  private live(key: string): Entry | undefined {
    const e = this.keys.get(key)
    if (e && e.expireAt !== undefined && e.expireAt <= this.now()) {
      this.keys.delete(key)
      return undefined
    }
    return e
  }

  get(key: string): Value | undefined {
    return this.live(key)?.value
  }

  set(key: string, value: Value, keepTtl = false): void {
    const old = this.live(key)
    this.keys.set(key, { value, ...(keepTtl && old?.expireAt !== undefined ? { expireAt: old.expireAt } : {}) })
  }

  delete(key: string): boolean {
    return this.live(key) !== undefined && this.keys.delete(key)
  }

  has(key: string): boolean {
    return this.live(key) !== undefined
  }

  expire(key: string, at: number | undefined): boolean {
    const e = this.live(key)
    if (!e) return false
    if (at === undefined) delete e.expireAt
    else if (at <= this.now()) this.keys.delete(key)
    else e.expireAt = at
    return true
  }

  /** Milliseconds to live: -2 no key, -1 no expiry. */
  pttl(key: string): number {
    const e = this.live(key)
    if (!e) return -2
    return e.expireAt === undefined ? -1 : e.expireAt - this.now()
  }

  names(): string[] {
    return [...this.keys.keys()].filter((k) => this.live(k) !== undefined)
  }

  size(): number {
    return this.names().length
  }

  clear(): void {
    this.keys.clear()
  }

  countInSlot(slot: number): number {
    return this.names().filter((k) => keySlot(k) === slot).length
  }

  /** A copy of every live entry (a full resync's payload). */
  dump(): [string, Value, number | undefined][] {
    return this.names().map((k) => {
      const e = this.keys.get(k)!
      return [k, cloneValue(e.value), e.expireAt]
    })
  }

  load(entries: readonly [string, Value, number | undefined][]): void {
    this.keys.clear()
    for (const [k, v, at] of entries) this.keys.set(k, { value: cloneValue(v), ...(at !== undefined ? { expireAt: at } : {}) })
  }
}

export function cloneValue(v: Value): Value {
  switch (v.type) {
    case 'string':
      return { type: 'string', v: v.v }
    case 'hash':
      return { type: 'hash', v: new Map(v.v) }
    case 'list':
      return { type: 'list', v: [...v.v] }
    case 'set':
      return { type: 'set', v: new Set(v.v) }
  }
}

/** Glob matching as util.c stringmatchlen(): * ? [abc] [^a] [a-z] and \ escapes. */
export function globMatch(pattern: string, text: string): boolean {
  const m = (p: number, t: number): boolean => {
    while (p < pattern.length) {
      const c = pattern[p]!
      if (c === '*') {
        while (pattern[p + 1] === '*') p++
        if (p + 1 === pattern.length) return true
        for (let i = t; i <= text.length; i++) if (m(p + 1, i)) return true
        return false
      }
      if (t >= text.length) return false
      if (c === '?') {
        p++
        t++
        continue
      }
      if (c === '[') {
        let q = p + 1
        const not = pattern[q] === '^'
        if (not) q++
        let hit = false
        while (q < pattern.length && pattern[q] !== ']') {
          if (pattern[q] === '\\' && q + 1 < pattern.length) q++
          if (pattern[q + 1] === '-' && q + 2 < pattern.length && pattern[q + 2] !== ']') {
            if (text[t]! >= pattern[q]! && text[t]! <= pattern[q + 2]!) hit = true
            q += 3
          } else {
            if (pattern[q] === text[t]) hit = true
            q++
          }
        }
        if (hit === not) return false
        p = q + 1
        t++
        continue
      }
      const lit = c === '\\' && p + 1 < pattern.length ? pattern[++p]! : c
      if (lit !== text[t]) return false
      p++
      t++
    }
    return t === text.length
  }
  return m(0, 0)
}
