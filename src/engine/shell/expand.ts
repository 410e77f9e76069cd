/**
 * Word expansions in the order of XCU 2.6: tilde, parameter, command
 * substitution and arithmetic; then field splitting of the unquoted results
 * on IFS (2.6.5); then pathname expansion (2.6.6); quote removal is
 * implicit because the parts keep their quoting. `"$@"` yields one field per
 * positional parameter; an unquoted expansion that comes out empty yields
 * no field at all, which is why `docker rm -f \`docker ps -qa\`` on an empty
 * host runs with no container argument.
 */
import type { FileSystem } from '../kernel/fs/fs'
import type { List, Word, WordPart } from './ast'
import { ArithError, evaluate } from './arith'
import { escapeGlob, globPaths, hasGlobChars, patternSource, unescapeGlob } from './glob'

export interface ExpansionContext {
  /** A variable or special parameter ($?, $$, $#, $0…$9, ${10}, $!, $-); undefined if unset. */
  param(name: string): string | undefined
  positional(): string[]
  assign(name: string, value: string): void
  /** Runs a command substitution and returns its output. */
  substitute(body: List): Promise<string>
  readonly fs: FileSystem
  readonly cwd: string
  readonly noglob: boolean
  readonly nounset: boolean
}

/** An expansion error: `${x:?msg}`, bad arithmetic, `set -u`. The shell prints it and fails the command. */
/**
 * A failed expansion. `ash` is BusyBox's wording of the same error; `kind`
 * decides the status a non-interactive shell exits with (bash: 1 for
 * arithmetic, 127 for ${x?} and set -u; ash: 2).
 */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly kind: 'arith' | 'param' = 'param',
    readonly ash: string = message,
  ) {
    super(message)
  }
}

interface Seg {
  text: string
  quoted: boolean
}
interface Field {
  segs: Seg[]
  keep: boolean
}

class FieldBuilder {
  fields: Field[] = []
  private cur: Field | undefined

  constructor(private readonly ifs: string) {}

  private current(): Field {
    return (this.cur ??= { segs: [], keep: false })
  }
  quoted(text: string): void {
    const f = this.current()
    f.keep = true
    if (text) f.segs.push({ text, quoted: true })
  }
  literal(text: string): void {
    if (text) this.current().segs.push({ text, quoted: false })
  }
  /** Ends the current field (between the words of "$@"). */
  split(keepEmpty: boolean): void {
    const f = this.current()
    if (keepEmpty) f.keep = true
    this.fields.push(f)
    this.cur = undefined
  }
  /** Unquoted expansion result: split on IFS (2.6.5). */
  splittable(text: string): void {
    const ifs = this.ifs
    let chunk = ''
    const flush = (): void => {
      this.literal(chunk)
      chunk = ''
    }
    for (const ch of text) {
      if (!ifs.includes(ch)) {
        chunk += ch
        continue
      }
      flush()
      if (' \t\n'.includes(ch)) {
        if (this.cur && (this.cur.segs.length > 0 || this.cur.keep)) {
          this.fields.push(this.cur)
          this.cur = undefined
        }
      } else this.split(true)
    }
    flush()
  }
  finish(): Field[] {
    if (this.cur) this.fields.push(this.cur)
    this.cur = undefined
    return this.fields.filter((f) => f.keep || f.segs.length > 0)
  }
}

/** Full expansion of command words: splitting and globbing included. */
export async function expandWords(words: Word[], ctx: ExpansionContext): Promise<string[]> {
  const out: string[] = []
  for (const word of words) {
    const b = new FieldBuilder(ctx.param('IFS') ?? ' \t\n')
    await expandParts(tildeExpand(word.parts, ctx), b, ctx, false)
    for (const field of b.finish()) {
      const unquotedGlob = field.segs.some((s) => !s.quoted && hasGlobChars(s.text))
      if (unquotedGlob && !ctx.noglob) {
        const pattern = field.segs.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join('')
        const matches = globPaths(pattern, ctx.fs, ctx.cwd)
        if (matches.length > 0) {
          out.push(...matches)
          continue
        }
      }
      out.push(field.segs.map((s) => s.text).join(''))
    }
  }
  return out
}

/** Expansion without splitting or globbing: assignments, redirection targets, here-documents, `case` subjects. */
export async function expandString(word: Word, ctx: ExpansionContext): Promise<string> {
  const b = new FieldBuilder('')
  await expandParts(tildeExpand(word.parts, ctx), b, ctx, false)
  return b
    .finish()
    .map((f) => f.segs.map((s) => s.text).join(''))
    .join(' ')
}

/** Expands a pattern word (case, ${x#pat}): quoted parts are escaped so they match literally. */
export async function expandPattern(word: Word, ctx: ExpansionContext): Promise<string> {
  const b = new FieldBuilder('')
  await expandParts(word.parts, b, ctx, false)
  return b
    .finish()
    .map((f) => f.segs.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join(''))
    .join(' ')
}

function tildeExpand(parts: WordPart[], ctx: ExpansionContext): WordPart[] {
  const first = parts[0]
  if (first?.kind !== 'lit' || !first.text.startsWith('~')) return parts
  const slash = first.text.indexOf('/')
  const user = first.text.slice(1, slash < 0 ? undefined : slash)
  if (slash < 0 && parts.length > 1) return parts
  const home = user === '' ? ctx.param('HOME') : user === 'root' ? '/root' : undefined
  if (home === undefined) return parts
  const rest = slash < 0 ? '' : first.text.slice(slash)
  return [{ kind: 'sq', text: home }, ...(rest ? [{ kind: 'lit' as const, text: rest }] : []), ...parts.slice(1)]
}

async function expandParts(parts: WordPart[], b: FieldBuilder, ctx: ExpansionContext, quoted: boolean): Promise<void> {
  for (const part of parts) {
    switch (part.kind) {
      case 'lit':
        if (quoted) b.quoted(part.text)
        else b.literal(part.text)
        break
      case 'sq':
        b.quoted(part.text)
        break
      case 'dq':
        if (part.parts.length === 0) b.quoted('')
        await expandParts(part.parts, b, ctx, true)
        break
      case 'param':
        await expandParam(part, b, ctx, quoted)
        break
      case 'cmd': {
        const text = (await ctx.substitute(part.body)).replace(/\n+$/, '')
        if (quoted) b.quoted(text)
        else b.splittable(text)
        break
      }
      case 'arith': {
        const expr = await expandString(part.expr, ctx)
        let value: number
        try {
          value = evaluate(expr, { get: (n) => ctx.param(n), set: (n, v) => ctx.assign(n, v) })
        } catch (e) {
          if (e instanceof ArithError) throw new ExpansionError(`${expr.trim()}: ${e.message}`, 'arith', e.message.startsWith('division by 0') ? 'divide by zero' : `arithmetic syntax error`)
          throw e
        }
        if (quoted) b.quoted(String(value))
        else b.splittable(String(value))
        break
      }
    }
  }
}

async function expandParam(part: Extract<WordPart, { kind: 'param' }>, b: FieldBuilder, ctx: ExpansionContext, quoted: boolean): Promise<void> {
  const { name, op } = part
  if ((name === '@' || name === '*') && op === undefined) {
    const params = ctx.positional()
    if (quoted && name === '*') {
      b.quoted(params.join((ctx.param('IFS') ?? ' \t\n').slice(0, 1)))
      return
    }
    params.forEach((p, i) => {
      if (i > 0) {
        if (quoted) b.split(true)
        else b.splittable(' ')
      }
      if (quoted) b.quoted(p)
      else b.splittable(p)
    })
    return
  }
  const value = await paramValue(part, ctx)
  if (quoted) b.quoted(value)
  else b.splittable(value)
}

async function paramValue(part: Extract<WordPart, { kind: 'param' }>, ctx: ExpansionContext): Promise<string> {
  const { name, op } = part
  const raw = name === '@' || name === '*' ? ctx.positional().join(' ') : ctx.param(name)
  const arg = async (): Promise<string> => (part.arg ? expandString(part.arg, ctx) : '')
  const unsetOrNull = raw === undefined || raw === ''
  switch (op) {
    case undefined:
      if (raw === undefined && ctx.nounset && !/^[@*#?$!-]$/.test(name)) throw new ExpansionError(`${name}: unbound variable`, 'param', `${name}: parameter not set`)
      return raw ?? ''
    case 'len':
      return String([...(raw ?? '')].length)
    case '-':
      return raw === undefined ? arg() : raw
    case ':-':
      return unsetOrNull ? arg() : raw
    case '=':
    case ':=': {
      if (op === '=' ? raw !== undefined : !unsetOrNull) return raw!
      const v = await arg()
      ctx.assign(name, v)
      return v
    }
    case '+':
      return raw === undefined ? '' : arg()
    case ':+':
      return unsetOrNull ? '' : arg()
    case '?':
    case ':?':
      if (op === '?' ? raw !== undefined : !unsetOrNull) return raw!
      throw new ExpansionError(`${name}: ${(await arg()) || (op === '?' ? 'parameter not set' : 'parameter null or not set')}`)
    case '#':
    case '##':
    case '%':
    case '%%': {
      const value = raw ?? ''
      const pattern = part.arg ? await expandPattern(part.arg, ctx) : ''
      return removeAffix(value, pattern, op)
    }
  }
}

/** ${x#p} ${x##p} ${x%p} ${x%%p}: remove the shortest/longest matching prefix/suffix (2.6.2). */
function removeAffix(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  if (!hasGlobChars(pattern)) {
    const lit = unescapeGlob(pattern)
    if (op.startsWith('#')) return value.startsWith(lit) ? value.slice(lit.length) : value
    return value.endsWith(lit) && lit !== '' ? value.slice(0, -lit.length) : value
  }
  const re = new RegExp(`^${patternSource(pattern)}$`)
  const n = value.length
  if (op === '#' || op === '##') {
    const lens = op === '#' ? range(0, n) : range(0, n).reverse()
    for (const len of lens) if (re.test(value.slice(0, len))) return value.slice(len)
  } else {
    const starts = op === '%' ? range(0, n).reverse() : range(0, n)
    for (const start of starts) if (re.test(value.slice(start))) return value.slice(0, start)
  }
  return value
}

function range(from: number, to: number): number[] {
  const out: number[] = []
  for (let i = from; i <= to; i++) out.push(i)
  return out
}
