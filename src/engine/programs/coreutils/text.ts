/**
 * Text filters: head, tail, wc, grep, sort, uniq, cut, tr, tee. head and
 * grep stream their input line by line (`ping … | grep ttl` prints as
 * replies come); the others need all of it first, as the real ones do.
 */
import type { Program, ProgramContext } from '../../shell/runtime'
import { posixToJs } from './regex'
import { absolute, errnoText, fail, operandLines, OperandError, parseOptions, readOperand, usage } from './util'

async function readAllOperands(ctx: ProgramContext, files: string[]): Promise<{ text: string; status: number }> {
  let text = ''
  let status = 0
  for (const f of files.length ? files : ['-']) {
    const t = await readOperand(ctx, f)
    if (t === undefined) status = 1
    else text += t
  }
  return { text, status }
}

/** Bytes in UTF-8 (the engine has no TextEncoder: it must run without DOM or Node types). */
function utf8Length(text: string): number {
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

export const head: Program = async (ctx) => {
  const args = ctx.argv.slice(1).map((a) => (/^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a))
  const parsed = parseOptions(args, 'qv', 'nc', { lines: 'n', bytes: 'c' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const n = Number(parsed.values.get('n') ?? 10)
  const files = parsed.operands.length ? parsed.operands : ['-']
  let status = 0
  for (const [i, f] of files.entries()) {
    if (files.length > 1) ctx.proc.out(`${i ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`)
    let count = 0
    try {
      for await (const line of operandLines(ctx, f)) {
        if (count++ >= n) break
        ctx.proc.out(line)
      }
    } catch (e) {
      if (!(e instanceof OperandError)) throw e
      status = 1
    }
  }
  return status
}

export const wc: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'lwcm', '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const want = parsed.flags.size ? parsed.flags : new Set(['l', 'w', 'c'])
  const files = parsed.operands
  const rows: { counts: number[]; name?: string }[] = []
  let status = 0
  for (const f of files.length ? files : ['-']) {
    const t = await readOperand(ctx, f)
    if (t === undefined) {
      status = 1
      continue
    }
    const counts = [(t.match(/\n/g) ?? []).length, t.split(/\s+/).filter(Boolean).length, [...t].length, utf8Length(t)]
    rows.push({ counts: (['l', 'w', 'm', 'c'] as const).flatMap((k, i) => (want.has(k) ? [counts[i]!] : [])), ...(files.length ? { name: f } : {}) })
  }
  if (rows.length > 1) rows.push({ counts: rows[0]!.counts.map((_, i) => rows.reduce((s, r) => s + r.counts[i]!, 0)), name: 'total' })
  // GNU wc pads to the width of the largest count, except a single count from stdin.
  const width = rows.length === 1 && rows[0]!.counts.length === 1 ? 0 : Math.max(...rows.flatMap((r) => r.counts.map((c) => String(c).length)), files.length ? 1 : 7)
  for (const r of rows) ctx.proc.out(`${r.counts.map((c) => String(c).padStart(width)).join(' ')}${r.name !== undefined ? ' ' + r.name : ''}\n`)
  return status
}

export const grep: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'ivncqlHhEFworRs', 'e', { 'ignore-case': 'i', 'invert-match': 'v', 'line-number': 'n', count: 'c', quiet: 'q', recursive: 'r', 'only-matching': 'o', 'extended-regexp': 'E' })
  if (typeof parsed === 'string') {
    ctx.proc.err(`grep: ${parsed}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`)
    return 2
  }
  const f = parsed.flags
  const ops = [...parsed.operands]
  const pattern = parsed.values.get('e') ?? ops.shift()
  if (pattern === undefined) {
    ctx.proc.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
    return 2
  }
  let source = f.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : f.has('E') ? posixToJs(pattern, true) : posixToJs(pattern, false)
  if (f.has('w')) source = `\\b(?:${source})\\b`
  const re = new RegExp(source, f.has('i') ? 'i' : '')
  const recursive = f.has('r') || f.has('R')
  // -r walks directories (GNU grep: "." when no file is named, and then names without "./").
  const files = recursive ? walkOperands(ctx, ops) : ops.length ? ops : ['-']
  const showName = (files.length > 1 || f.has('H') || recursive) && !f.has('h')
  let matched = false
  let status = 0
  for (const file of files) {
    let count = 0
    let n = 0
    try {
      for await (const raw of operandLines(ctx, file)) {
        n++
        const line = raw.replace(/\n$/, '')
        if (re.test(line) === f.has('v')) continue
        matched = true
        count++
        if (f.has('q')) return 0
        if (f.has('l')) break
        if (f.has('c')) continue
        const prefix = `${showName ? `${file === '-' ? '(standard input)' : file}:` : ''}${f.has('n') ? `${n}:` : ''}`
        if (f.has('o') && !f.has('v')) {
          // -o: each non-empty match on its own line.
          for (const m of line.matchAll(new RegExp(re.source, re.flags + 'g'))) if (m[0] !== '') ctx.proc.out(`${prefix}${m[0]}\n`)
        } else ctx.proc.out(`${prefix}${line}\n`)
      }
    } catch (e) {
      if (!(e instanceof OperandError)) throw e
      status = 2
      continue
    }
    if (f.has('l') && count) ctx.proc.out(`${file === '-' ? '(standard input)' : file}\n`)
    else if (f.has('c')) ctx.proc.out(`${showName ? `${file}:` : ''}${count}\n`)
  }
  return status === 2 && !matched ? 2 : matched ? 0 : 1
}

/** The files under the operands, depth first, in name order. */
function walkOperands(ctx: ProgramContext, ops: string[]): string[] {
  const fs = ctx.proc.sandbox.fs
  const out: string[] = []
  const visit = (shown: string): void => {
    const node = fs.tryLookup(absolute(ctx, shown))
    if (node?.kind !== 'dir') return void out.push(shown)
    for (const name of [...node.entries.keys()].sort()) visit(shown === '.' && ops.length === 0 ? name : `${shown.replace(/\/$/, '')}/${name}`)
  }
  for (const op of ops.length ? ops : ['.']) visit(op)
  return out
}

export const sort: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'rnuf', 'kt', { reverse: 'r', 'numeric-sort': 'n', unique: 'u' })
  if (typeof parsed === 'string') return usage(ctx, parsed, 2)
  const { text, status } = await readAllOperands(ctx, parsed.operands)
  const f = parsed.flags
  const key = parsed.values.get('k')
  const sep = parsed.values.get('t')
  const field = (l: string): string => {
    if (!key) return l
    const k = Number(key.split(/[.,]/)[0]) - 1
    const parts = sep !== undefined ? l.split(sep) : l.trim().split(/\s+/)
    return parts.slice(k).join(sep ?? ' ')
  }
  let lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const cmp = (a: string, b: string): number => {
    const x = field(a)
    const y = field(b)
    if (f.has('n')) return (parseFloat(x) || 0) - (parseFloat(y) || 0) || (a < b ? -1 : a > b ? 1 : 0)
    const [p, q] = f.has('f') ? [x.toUpperCase(), y.toUpperCase()] : [x, y]
    return p < q ? -1 : p > q ? 1 : 0
  }
  lines.sort(cmp)
  if (f.has('r')) lines.reverse()
  if (f.has('u')) lines = lines.filter((l, i) => i === 0 || cmp(lines[i - 1]!, l) !== 0)
  ctx.proc.out(lines.map((l) => l + '\n').join(''))
  return status
}

export const uniq: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'cdu')
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const { text, status } = await readAllOperands(ctx, parsed.operands.slice(0, 1))
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const groups: [string, number][] = []
  for (const l of lines) {
    const last = groups.at(-1)
    if (last && last[0] === l) last[1]++
    else groups.push([l, 1])
  }
  const f = parsed.flags
  for (const [l, n] of groups) {
    if ((f.has('d') && n < 2) || (f.has('u') && n > 1)) continue
    ctx.proc.out(f.has('c') ? `${String(n).padStart(7)} ${l}\n` : `${l}\n`)
  }
  return status
}

export const cut: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 's', 'dfc', { delimiter: 'd', fields: 'f', characters: 'c' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const list = parsed.values.get('f') ?? parsed.values.get('c')
  if (list === undefined) return usage(ctx, 'you must specify a list of bytes, characters, or fields')
  const ranges = list.split(',').map((r) => {
    const [a, b] = r.includes('-') ? r.split('-') : [r, r]
    return [a ? Number(a) : 1, b ? Number(b) : Infinity] as const
  })
  const pick = (n: number): boolean => ranges.some(([a, b]) => n >= a && n <= b)
  const delim = parsed.values.get('d') ?? '\t'
  const { text, status } = await readAllOperands(ctx, parsed.operands)
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (const l of lines) {
    if (parsed.values.has('c')) ctx.proc.out([...l].filter((_, i) => pick(i + 1)).join('') + '\n')
    else if (!l.includes(delim)) {
      if (!parsed.flags.has('s')) ctx.proc.out(l + '\n')
    } else ctx.proc.out(l.split(delim).filter((_, i) => pick(i + 1)).join(delim) + '\n')
  }
  return status
}

function expandSet(set: string): string[] {
  const classes: Record<string, string> = { '[:lower:]': 'a-z', '[:upper:]': 'A-Z', '[:digit:]': '0-9', '[:space:]': ' \t\n\r\f\v', '[:alpha:]': 'a-zA-Z', '[:alnum:]': 'a-zA-Z0-9' }
  for (const [k, v] of Object.entries(classes)) set = set.split(k).join(v)
  set = set.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\')
  const out: string[] = []
  const chars = [...set]
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      for (let c = chars[i]!.codePointAt(0)!; c <= chars[i + 2]!.codePointAt(0)!; c++) out.push(String.fromCodePoint(c))
      i += 2
    } else out.push(chars[i]!)
  }
  return out
}

export const tr: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'ds')
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const [a, b] = parsed.operands
  if (a === undefined) return usage(ctx, 'missing operand')
  const from = expandSet(a)
  const to = b !== undefined ? expandSet(b) : []
  const text = await ctx.proc.readAll()
  let out = ''
  let prev = ''
  for (const ch of text) {
    const i = from.indexOf(ch)
    let c = ch
    if (parsed.flags.has('d')) {
      if (i >= 0) continue
    } else if (i >= 0 && to.length) c = to[Math.min(i, to.length - 1)]!
    if (parsed.flags.has('s') && c === prev && (to.length ? to : from).includes(c)) continue
    out += c
    prev = c
  }
  ctx.proc.out(out)
  return 0
}

export const tee: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'a', '', { append: 'a' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const fs = ctx.proc.sandbox.fs
  let status = 0
  const files = parsed.operands.filter((f) => {
    try {
      fs.writeFile(absolute(ctx, f), '', { append: parsed.flags.has('a') })
      return true
    } catch (e) {
      fail(ctx, `${f}: ${errnoText(e)}`)
      status = 1
      return false
    }
  })
  for (let chunk = await ctx.proc.read(); chunk !== null; chunk = await ctx.proc.read()) {
    ctx.proc.out(chunk)
    for (const f of files) fs.writeFile(absolute(ctx, f), chunk, { append: true })
  }
  return status
}
