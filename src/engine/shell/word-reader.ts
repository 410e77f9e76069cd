/**
 * Reads one word with its quoting (XCU 2.2 Quoting, 2.3 Token Recognition):
 * '…', "…", backslash, $name, ${…}, $(…), $((…)), `…` and bash's $'…'.
 * Stops at an unquoted metacharacter (blank, newline, ; & | ( ) < >).
 */
import type { ParamOp, Word, WordPart } from './ast'
import { ParseError, Source, incomplete } from './source'

const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>'])
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
const NAME_START = /[A-Za-z_]/
const NAME_CHAR = /[A-Za-z0-9_]/

/** Appends text to a part list, merging with a preceding part of the same kind. */
function pushText(parts: WordPart[], kind: 'lit' | 'sq', text: string): void {
  const last = parts.at(-1)
  if (last && last.kind === kind) last.text += text
  else parts.push({ kind, text })
}

/** Reads an unquoted word. `stop` adds terminators (`}` inside ${x:-…}). */
export function readWord(src: Source, stop = ''): Word {
  const parts: WordPart[] = []
  for (;;) {
    src.skipContinuations()
    if (src.eof) break
    const ch = src.peek()
    if (stop.includes(ch)) break
    if (stop === '' && METACHARS.has(ch)) break
    if (ch === '\\') {
      src.next()
      if (src.eof) {
        pushText(parts, 'lit', '\\')
        break
      }
      pushText(parts, 'sq', src.next())
    } else if (ch === "'") {
      src.next()
      pushText(parts, 'sq', readUntilQuote(src))
      // An empty '' must still count as a (quoted, empty) part.
      if (parts.at(-1)?.kind !== 'sq') parts.push({ kind: 'sq', text: '' })
    } else if (ch === '"') {
      src.next()
      parts.push({ kind: 'dq', parts: readDoubleQuoted(src, '"') })
    } else if (ch === '$') {
      readDollar(src, parts, false)
    } else if (ch === '`') {
      parts.push(readBackquote(src, false))
    } else {
      pushText(parts, 'lit', src.next())
    }
  }
  return { parts }
}

function readUntilQuote(src: Source): string {
  const end = src.text.indexOf("'", src.pos)
  if (end < 0) throw incomplete("matching `''")
  let text = ''
  while (src.pos < end) text += src.next()
  src.next()
  return text
}

/**
 * Reads the inside of "…" up to `close` (or to the end of input when
 * `close` is '', for here-document bodies). Inside, backslash quotes only
 * $ ` " \ and newline (XCU 2.2.3); in here-documents `"` is ordinary.
 */
export function readDoubleQuoted(src: Source, close: '"' | ''): WordPart[] {
  const parts: WordPart[] = []
  for (;;) {
    if (src.eof) {
      if (close === '') return parts
      throw incomplete('matching `"\'')
    }
    const ch = src.peek()
    if (ch === close) {
      src.next()
      return parts
    }
    if (ch === '\\') {
      const after = src.peek(1)
      if (after === '\n') {
        src.next()
        src.next()
        continue
      }
      if (after === '$' || after === '`' || after === '\\' || (after === '"' && close === '"')) {
        src.next()
        pushText(parts, 'sq', src.next())
        continue
      }
      pushText(parts, 'lit', src.next())
    } else if (ch === '$') {
      readDollar(src, parts, true)
    } else if (ch === '`') {
      parts.push(readBackquote(src, close === '"'))
    } else {
      pushText(parts, 'lit', src.next())
    }
  }
}

function readDollar(src: Source, parts: WordPart[], inDq: boolean): void {
  src.next() // $
  src.skipContinuations()
  const ch = src.peek()
  if (ch === '(' && src.peek(1) === '(') {
    parts.push(readArithmetic(src))
  } else if (ch === '(') {
    src.next()
    parts.push({ kind: 'cmd', body: src.parseSubstitution(src) })
  } else if (ch === '{') {
    src.next()
    parts.push(readBraceParam(src))
  } else if (ch === "'" && !inDq) {
    src.next()
    pushText(parts, 'sq', ansiC(readAnsiC(src)))
  } else if (ch !== '' && NAME_START.test(ch)) {
    let name = ''
    while (NAME_CHAR.test(src.peek()) && !src.eof) name += src.next()
    parts.push({ kind: 'param', name })
  } else if (ch !== '' && SPECIAL_PARAMS.has(ch)) {
    parts.push({ kind: 'param', name: src.next() })
  } else {
    pushText(parts, 'lit', '$')
  }
}

function readArithmetic(src: Source): WordPart {
  src.next()
  src.next() // ((
  const start = src.pos
  let depth = 0
  for (;;) {
    if (src.eof) throw incomplete('`))\'')
    const ch = src.peek()
    if (ch === '(') depth++
    else if (ch === ')') {
      if (depth === 0 && src.peek(1) === ')') break
      depth--
    }
    src.next()
  }
  const inner = new Source(src.text.slice(start, src.pos), src.parseSubstitution)
  src.next()
  src.next()
  return { kind: 'arith', expr: { parts: readDoubleQuoted(inner, '') } }
}

const OPS: ParamOp[] = [':-', ':=', ':+', ':?', '##', '%%', '-', '=', '+', '?', '#', '%']

function readBraceParam(src: Source): WordPart {
  let len = false
  if (src.peek() === '#' && src.peek(1) !== '}' && src.peek(1) !== '') {
    src.next()
    len = true
  }
  let name = ''
  if (SPECIAL_PARAMS.has(src.peek()) && !/[0-9]/.test(src.peek())) name = src.next()
  else while (!src.eof && NAME_CHAR.test(src.peek())) name += src.next()
  if (name === '') throw new ParseError('bad substitution', false)
  if (len) {
    if (src.next() !== '}') throw new ParseError('bad substitution', false)
    return { kind: 'param', name, op: 'len' }
  }
  if (src.eof) throw incomplete("matching `}'")
  if (src.peek() === '}') {
    src.next()
    return { kind: 'param', name }
  }
  const op = OPS.find((o) => src.startsWith(o))
  if (!op) throw new ParseError('bad substitution', false)
  src.pos += op.length
  const arg = readWord(src, '}')
  if (src.eof) throw incomplete("matching `}'")
  src.next()
  return { kind: 'param', name, op, arg }
}

/**
 * `…`: the text up to the next unescaped backquote, with \\ \` \$ (and \"
 * inside double quotes) unescaped, then parsed as a command (XCU 2.6.3).
 */
function readBackquote(src: Source, inDq: boolean): WordPart {
  src.next()
  let text = ''
  for (;;) {
    if (src.eof) throw incomplete('matching ``\'')
    const ch = src.next()
    if (ch === '`') break
    if (ch === '\\') {
      const after = src.peek()
      if (after === '\\' || after === '`' || after === '$' || (inDq && after === '"')) {
        text += src.next()
        continue
      }
    }
    text += ch
  }
  return { kind: 'cmd', body: src.parseSubstitution(new Source(text + '\n)', src.parseSubstitution)) }
}

function readAnsiC(src: Source): string {
  let text = ''
  for (;;) {
    if (src.eof) throw incomplete("matching `''")
    const ch = src.next()
    if (ch === "'") return text
    if (ch === '\\' && !src.eof) text += ch + src.next()
    else text += ch
  }
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' }

/** bash's $'…' escapes (the common subset). */
function ansiC(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16))
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8))
    return C_ESCAPES[e] ?? '\\' + e
  })
}
