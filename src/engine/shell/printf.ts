/**
 * printf(1) formatting, shared by the shell builtin and /usr/bin/printf:
 * %s %b %c %d %i %u %o %x %X %e %f %g %%, flags, width and precision
 * (also `*`), backslash escapes in the format, and the format reused until
 * the arguments run out (POSIX printf, "EXTENDED DESCRIPTION").
 */
export interface PrintfResult {
  output: string
  /** Messages such as `printf: abc: invalid number` (without the program prefix). */
  errors: string[]
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" }

/** Backslash escapes as in echo -e / %b. Returns [text, stop] where stop means \c was seen. */
export function backslashEscapes(s: string, bOctal = false): [string, boolean] {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (ch !== '\\' || i + 1 >= s.length) {
      out += ch
      continue
    }
    const e = s[++i]!
    if (e === 'c') return [out, true]
    if (e in ESCAPES) out += ESCAPES[e]
    else if (e === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0]
      out += String.fromCharCode(parseInt(m, 16))
      i += m.length
    } else if (e === '0' || (!bOctal && /[1-7]/.test(e))) {
      const m = /^[0-7]{0,3}/.exec(s.slice(e === '0' && bOctal ? i + 1 : i))![0]
      const digits = e === '0' && bOctal ? m : m
      out += String.fromCharCode(parseInt(digits || '0', 8))
      i += e === '0' && bOctal ? m.length : m.length - 1
    } else out += '\\' + e
  }
  return [out, false]
}

function toNumber(arg: string, errors: string[]): number {
  if (arg === '') return 0
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0
  const t = arg.trim()
  let n: number
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) n = parseInt(t, 16)
  else if (/^[+-]?0[0-7]+$/.test(t)) n = parseInt(t, 8)
  else if (/^[+-]?[0-9]+$/.test(t)) n = parseInt(t, 10)
  else if (/^[+-]?([0-9]*\.[0-9]+|[0-9]+\.?)([eE][+-]?[0-9]+)?$/.test(t)) n = parseFloat(t)
  else {
    errors.push(`${arg}: invalid number`)
    const lead = /^[+-]?[0-9]+/.exec(t)
    return lead ? parseInt(lead[0], 10) : 0
  }
  return n
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s
  if (left) return s.padEnd(width)
  if (zero) {
    const sign = /^[+-]/.test(s) ? s[0]! : ''
    return sign + s.slice(sign.length).padStart(width - sign.length, '0')
  }
  return s.padStart(width)
}

export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  const errors: string[] = []
  let output = ''
  let argi = 0
  const next = (): string | undefined => args[argi++]
  for (;;) {
    const startArgs = argi
    let stop = false
    for (let i = 0; i < format.length && !stop; i++) {
      const ch = format[i]!
      if (ch === '\\') {
        const [text, s] = backslashEscapes(format.slice(i, i + 5).match(/^\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/)?.[0] ?? '\\')
        const consumed = format.slice(i).match(/^\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/)?.[0].length ?? 1
        output += text
        stop = s
        i += consumed - 1
        continue
      }
      if (ch !== '%') {
        output += ch
        continue
      }
      const m = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([diouxXeEfFgGcsb%])/.exec(format.slice(i))
      if (!m) {
        errors.push(`%${format[i + 1] ?? ''}: invalid directive`)
        output += format.slice(i)
        break
      }
      i += m[0].length - 1
      const flags = m[1]!
      const conv = m[4]!
      if (conv === '%') {
        output += '%'
        continue
      }
      const width = m[2] === '*' ? toNumber(next() ?? '', errors) : m[2] ? Number(m[2]) : 0
      const precision = m[3] === '*' ? toNumber(next() ?? '', errors) : m[3] !== undefined ? Number(m[3] || '0') : undefined
      const left = flags.includes('-')
      const zero = flags.includes('0') && !left
      const arg = next()
      let text: string
      switch (conv) {
        case 's':
          text = arg ?? ''
          if (precision !== undefined) text = text.slice(0, precision)
          break
        case 'b': {
          const [t, s] = backslashEscapes(arg ?? '', true)
          text = t
          stop = s
          break
        }
        case 'c':
          text = (arg ?? '').slice(0, 1)
          break
        case 'd':
        case 'i':
        case 'u': {
          const n = Math.trunc(toNumber(arg ?? '', errors))
          text = String(n)
          if (n >= 0 && flags.includes('+')) text = '+' + text
          else if (n >= 0 && flags.includes(' ')) text = ' ' + text
          if (precision !== undefined) text = text.replace(/\d+/, (d) => d.padStart(precision, '0'))
          break
        }
        case 'o':
        case 'x':
        case 'X': {
          const n = Math.trunc(toNumber(arg ?? '', errors))
          text = (n >>> 0).toString(conv === 'o' ? 8 : 16)
          if (conv === 'X') text = text.toUpperCase()
          if (flags.includes('#') && n !== 0) text = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + text
          break
        }
        default: {
          const n = toNumber(arg ?? '', errors)
          const p = precision ?? 6
          if (conv === 'f' || conv === 'F') text = n.toFixed(p)
          else if (conv === 'e' || conv === 'E') text = n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2')
          else text = String(Number(n.toPrecision(p || 1)))
          if (conv === 'E' || conv === 'G') text = text.toUpperCase()
          if (n >= 0 && flags.includes('+')) text = '+' + text
        }
      }
      output += pad(text, width, left, zero && conv !== 's' && conv !== 'c' && conv !== 'b')
    }
    if (stop || argi >= args.length || argi === startArgs) break
  }
  return { output, errors }
}
