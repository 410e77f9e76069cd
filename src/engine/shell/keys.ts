/**
 * Decodes what a terminal sends for keys into editor actions. xterm sends
 * cursor keys as CSI (`\x1b[D`) or, in application cursor mode, SS3
 * (`\x1bOD`); Home/End as `\x1b[H`/`\x1b[F`, `\x1bOH`/`\x1bOF` or the VT220
 * forms `\x1b[1~`/`\x1b[4~` (and rxvt's `\x1b[7~`/`\x1b[8~`); Delete as
 * `\x1b[3~`. Modified keys carry a parameter: Ctrl+Left is `\x1b[1;5D`.
 * Alt+key arrives as ESC followed by the key (readline's meta prefix).
 */

export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'enter' | 'tab' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'word-left' | 'word-right' | 'word-rubout-meta' | 'ignore' }
  | { kind: 'ctrl'; key: string }

/** One decoded key and how many UTF-16 units of the input it used. */
export interface Decoded {
  key: Key
  length: number
}

const CSI_FINAL: Record<string, Key['kind']> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' }
const TILDE: Record<string, Key['kind']> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete' }

function escape(input: string, i: number): Decoded | undefined {
  const next = input[i + 1]
  if (next === undefined) return undefined // the rest of the sequence is still to come
  if (next === '[' || next === 'O') {
    // CSI parameters are digits and ';', then one final byte in @–~ (ECMA-48 5.4).
    let j = i + 2
    while (j < input.length && /[0-9;]/.test(input[j]!)) j++
    const final = input[j]
    if (final === undefined) return undefined
    const params = input.slice(i + 2, j).split(';')
    const length = j + 1 - i
    const ctrl = params[1] === '5' || params[1] === '3' // Ctrl or Alt modifier
    if (final === '~') return { key: { kind: TILDE[params[0]!] ?? 'ignore' } as Key, length }
    const kind = CSI_FINAL[final]
    if (!kind) return { key: { kind: 'ignore' }, length }
    if (ctrl && kind === 'left') return { key: { kind: 'word-left' }, length }
    if (ctrl && kind === 'right') return { key: { kind: 'word-right' }, length }
    return { key: { kind } as Key, length }
  }
  // Meta (Alt) prefix: readline's M-b, M-f, M-DEL.
  if (next === 'b' || next === 'B') return { key: { kind: 'word-left' }, length: 2 }
  if (next === 'f' || next === 'F') return { key: { kind: 'word-right' }, length: 2 }
  if (next === '\x7f' || next === '\b') return { key: { kind: 'word-rubout-meta' }, length: 2 }
  return { key: { kind: 'ignore' }, length: 2 }
}

/**
 * Decodes the key starting at `input[i]`; undefined when the input ends
 * inside an escape sequence (the terminal hands keys over one by one, so a
 * sequence can arrive split; the caller waits for the rest).
 */
export function decodeKey(input: string, i: number): Decoded | undefined {
  const ch = input[i]!
  if (ch === '\x1b') return escape(input, i)
  if (ch === '\r' || ch === '\n') return { key: { kind: 'enter' }, length: 1 }
  if (ch === '\t') return { key: { kind: 'tab' }, length: 1 }
  if (ch === '\x7f' || ch === '\b') return { key: { kind: 'backspace' }, length: 1 }
  const code = ch.charCodeAt(0)
  if (code < 0x20) return { key: { kind: 'ctrl', key: String.fromCharCode(code + 0x40).toLowerCase() }, length: 1 }
  // A run of printable text is one key, so a paste is inserted in one step.
  let j = i
  while (j < input.length) {
    const c = input.charCodeAt(j)
    if (c < 0x20 || c === 0x7f || c === 0x1b) break
    j++
  }
  return { key: { kind: 'text', text: input.slice(i, j) }, length: j - i }
}

/** Terminal columns a code point takes: 2 for East Asian wide and full-width characters (wcwidth). */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!
  if (c < 0x1100) return 1
  if (
    (c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x20000 && c <= 0x3fffd)
  )
    return 2
  return 1
}

/** Visible width of text that may hold SGR/CSI escapes (prompts with colours). */
export function visibleWidth(text: string): number {
  let w = 0
  // eslint-disable-next-line no-control-regex -- terminal escapes are what this strips
  for (const ch of text.replace(/\x1b\[[0-9;?]*[@-~]|\x1b\][^\x07]*\x07/g, '')) w += ch < ' ' ? 0 : charWidth(ch)
  return w
}
