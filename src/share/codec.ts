/**
 * Scenario documents in and out: a link fragment (`#s=` + base64url of raw deflate of the JSON,
 * RFC 4648 §5 and RFC 1951) or a JSON file. Decoding treats the input as hostile, in this order:
 * size of the text, alphabet, decompression with a hard cap on the output (a bomb is cut off as
 * it inflates, not after), JSON with a reviver that refuses prototype-pollution keys, the
 * version and its migrations, then the schema. Any refusal is a ShareError; nothing is thrown
 * past `decode*`, and nothing here runs or renders what it reads.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate'
import { migrate, versionOf } from './migrations'
import { LIMITS, SCENARIO_VERSION, scenarioSchema, stepKindOk, SCRIPT_LIKE, type Scenario } from './scenario'

export type ShareErrorCode =
  | 'empty'
  | 'too-long'
  | 'bad-encoding'
  | 'corrupt'
  | 'bomb'
  | 'bad-json'
  | 'forbidden-key'
  | 'unknown-version'
  | 'script-like'
  | 'invalid'

export interface ShareError {
  readonly code: ShareErrorCode
  /** Where (a JSON path) or what, in English, for the details line; never HTML. */
  readonly detail: string
}

export type Decoded = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly error: ShareError }

const fail = (code: ShareErrorCode, detail = ''): Decoded => ({ ok: false, error: { code, detail } })

export const FRAGMENT_KEY = 's'
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const BASE64URL = /^[A-Za-z0-9_-]*$/

// ---- base64url over bytes (btoa/atob exist in browsers, workers and Node ≥ 16) ----

export function toBase64Url(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

// ---- encode ----

/** Drops undefined fields so the JSON (and the link) stays minimal and stable. */
export function scenarioJson(doc: Scenario, indent?: number): string {
  return JSON.stringify(doc, null, indent)
}

export function encodeScenario(doc: Scenario): string {
  return toBase64Url(deflateSync(strToU8(scenarioJson(doc)), { level: 9 }))
}

/** The share link: the page's address with the scenario in the fragment (never sent to a server). */
export function shareLink(base: string, doc: Scenario): string {
  return `${base.replace(/#.*$/, '')}#${FRAGMENT_KEY}=${encodeScenario(doc)}`
}

/** The payload of a `#s=…` fragment, or undefined when the fragment carries no scenario. */
export function fragmentPayload(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash
  if (!body.startsWith(`${FRAGMENT_KEY}=`)) return undefined
  return body.slice(FRAGMENT_KEY.length + 1)
}

// ---- decode ----

/** Inflates raw deflate, refusing (as soon as it is exceeded) output larger than `max` bytes. */
export function inflateCapped(data: Uint8Array, max: number): { bytes?: Uint8Array; error?: 'bomb' | 'corrupt' } {
  const chunks: Uint8Array[] = []
  let size = 0
  let ended = false
  let bomb = false
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length
    if (size > max) {
      bomb = true
      throw new Error('bomb')
    }
    chunks.push(chunk)
    if (final) ended = true
  })
  try {
    // Small pushes keep the cap tight: at most one chunk's expansion past the limit is ever held.
    for (let i = 0; i < data.length; i += 1024) inflater.push(data.subarray(i, i + 1024), i + 1024 >= data.length)
    if (data.length === 0) inflater.push(new Uint8Array(0), true)
  } catch {
    return { error: bomb ? 'bomb' : 'corrupt' }
  }
  if (!ended) return { error: 'corrupt' }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return { bytes: out }
}

/** Decodes a link payload (what follows `#s=`). */
export function decodeScenario(payload: string): Decoded {
  if (payload.length === 0) return fail('empty')
  if (payload.length > LIMITS.linkChars) return fail('too-long', `${payload.length} characters`)
  const bytes = fromBase64Url(payload)
  if (!bytes) return fail('bad-encoding')
  const inflated = inflateCapped(bytes, LIMITS.jsonBytes)
  if (!inflated.bytes) return fail(inflated.error ?? 'corrupt')
  let text: string
  try {
    text = strFromU8(inflated.bytes)
  } catch {
    return fail('corrupt')
  }
  return parseScenarioJson(text)
}

/** Parses a scenario file (or the JSON inside a link). */
export function parseScenarioJson(text: string): Decoded {
  if (text.length === 0) return fail('empty')
  if (text.length > LIMITS.jsonBytes) return fail('too-long', `${text.length} characters`)
  let forbidden: string | undefined
  let raw: unknown
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key
      return value
    })
  } catch {
    return fail('bad-json')
  }
  if (forbidden !== undefined) return fail('forbidden-key', forbidden)
  return validateScenario(raw)
}

/** Migrates and validates an already parsed value (a structured clone from storage, say). */
export function validateScenario(raw: unknown): Decoded {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('invalid', 'not an object')
  const key = findForbiddenKey(raw)
  if (key !== undefined) return fail('forbidden-key', key)
  const version = versionOf(raw as Record<string, unknown>)
  const migrated = migrate(raw as Record<string, unknown>, SCENARIO_VERSION)
  if (!migrated) return fail('unknown-version', String(typeof version === 'number' || typeof version === 'string' ? version : typeof version))
  const parsed = scenarioSchema.safeParse(migrated)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue ? issue.path.map(String).join('.') : ''
    return fail(issue?.message === 'script-like' ? 'script-like' : 'invalid', where)
  }
  const bad = parsed.data.steps.findIndex((s) => !stepKindOk(s))
  if (bad >= 0) return fail('invalid', `steps.${bad}`)
  return { ok: true, scenario: parsed.data }
}

/** Own keys anywhere in the value that could pollute a prototype, or look like script. */
function findForbiddenKey(value: unknown, depth = 0): string | undefined {
  if (depth > 32) return 'nesting'
  if (typeof value !== 'object' || value === null) return undefined
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key) || SCRIPT_LIKE.test(key)) return key
    const found = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}
