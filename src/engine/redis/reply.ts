/**
 * Replies as they travel between simulated server and client (the RESP
 * types: status, error, integer, bulk, nil, array), and redis-cli's two
 * ways of printing them: cliFormatReplyTTY (stdout a terminal) and
 * cliFormatReplyRaw (piped or --raw), as redis-cli.c 5.0 writes them.
 */
export type Reply =
  | { readonly t: 'status'; readonly v: string }
  | { readonly t: 'error'; readonly v: string }
  | { readonly t: 'int'; readonly v: number }
  | { readonly t: 'bulk'; readonly v: string }
  | { readonly t: 'nil' }
  | { readonly t: 'array'; readonly v: readonly Reply[] }

export const OK: Reply = { t: 'status', v: 'OK' }
export const NIL: Reply = { t: 'nil' }
export const status = (v: string): Reply => ({ t: 'status', v })
export const error = (v: string): Reply => ({ t: 'error', v })
export const int = (v: number): Reply => ({ t: 'int', v })
export const bulk = (v: string | undefined): Reply => (v === undefined ? NIL : { t: 'bulk', v })
export const array = (v: readonly Reply[]): Reply => ({ t: 'array', v })
export const bulks = (v: readonly string[]): Reply => array(v.map((s) => bulk(s)))

export type CliVersion = '5' | '7'

/** sdscatrepr(): printable ASCII as is, the usual escapes, other bytes as \xNN. */
export function repr(s: string): string {
  let out = '"'
  for (const b of new TextEncoderLite(s)) {
    const ch = String.fromCharCode(b)
    if (ch === '\\' || ch === '"') out += '\\' + ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\x07') out += '\\a'
    else if (ch === '\b') out += '\\b'
    else if (b >= 0x20 && b < 0x7f) out += ch
    else out += '\\x' + b.toString(16).padStart(2, '0')
  }
  return out + '"'
}

/** Iterates a string's UTF-8 bytes (no TextEncoder: the engine stays free of host APIs it does not need). */
class TextEncoderLite implements Iterable<number> {
  constructor(private readonly s: string) {}
  *[Symbol.iterator](): Iterator<number> {
    for (const ch of this.s) {
      const c = ch.codePointAt(0)!
      if (c < 0x80) yield c
      else if (c < 0x800) yield* [0xc0 | (c >> 6), 0x80 | (c & 63)]
      else if (c < 0x10000) yield* [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
      else yield* [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
    }
  }
}

export function formatTty(r: Reply, version: CliVersion = '5', prefix = ''): string {
  switch (r.t) {
    case 'error':
      return `(error) ${r.v}\n`
    case 'status':
      return `${r.v}\n`
    case 'int':
      return `(integer) ${r.v}\n`
    case 'bulk':
      return `${repr(r.v)}\n`
    case 'nil':
      return '(nil)\n'
    case 'array': {
      if (r.v.length === 0) return version === '5' ? '(empty list or set)\n' : '(empty array)\n'
      const idxlen = String(r.v.length).length
      const inner = prefix + ' '.repeat(idxlen + 2)
      let out = ''
      r.v.forEach((e, i) => {
        out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(idxlen)}) ` + formatTty(e, version, inner)
      })
      return out
    }
  }
}

export function formatRaw(r: Reply): string {
  switch (r.t) {
    case 'error':
      return `${r.v}\n`
    case 'status':
    case 'bulk':
      return r.v
    case 'int':
      return String(r.v)
    case 'nil':
      return ''
    case 'array':
      return r.v.map((e) => formatRaw(e)).join('\n')
  }
}
