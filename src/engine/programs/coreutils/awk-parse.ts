/**
 * A parser for the awk language subset people type on one line (POSIX awk,
 * "Grammar"): pattern-action items with BEGIN/END, /re/ and expression
 * patterns; print, printf, assignments (= += -= *= /= ++ --), if/else,
 * while, for (;;), next, exit, blocks; expressions with fields ($n),
 * concatenation, arithmetic, comparisons, ~ !~, && || !, ?:, and the
 * functions length, substr, index, toupper, tolower, int, split.
 */
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'incr'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'index'; name: string; key: Expr }

export type Stmt =
  | { k: 'print'; args: Expr[]; printf: boolean }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e?: Expr }

export interface Item {
  pattern: 'BEGIN' | 'END' | Expr | undefined
  action: Stmt | undefined
}

export class AwkSyntaxError extends Error {}

const TOKEN = /^(?:\s*)(?:(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+)|("(?:[^"\\]|\\.)*")|([A-Za-z_]\w*)|(\+\+|--|\+=|-=|\*=|\/=|%=|==|!=|<=|>=|&&|\|\||!~|[-+*/%<>!=~?:;,(){}$[\]^]|\n))/

export function parseAwk(src: string): Item[] {
  let pos = 0
  let tok = ''
  let kind: 'num' | 'str' | 'name' | 'op' | 'eof' | 're' = 'eof'
  const advance = (divOk = true): void => {
    while (pos < src.length && /[ \t]/.test(src[pos]!)) pos++
    if (src[pos] === '\\' && src[pos + 1] === '\n') {
      pos += 2
      return advance(divOk)
    }
    if (src[pos] === '#') while (pos < src.length && src[pos] !== '\n') pos++
    if (pos >= src.length) return void ((tok = ''), (kind = 'eof'))
    if (src[pos] === '/' && !divOk) {
      let j = pos + 1
      let re = ''
      while (j < src.length && src[j] !== '/') {
        if (src[j] === '\\' && src[j + 1] === '/') j++
        re += src[j++]
      }
      tok = re
      kind = 're'
      pos = j + 1
      return
    }
    const m = TOKEN.exec(src.slice(pos))
    if (!m) throw new AwkSyntaxError(`syntax error at source line 1: ${src.slice(pos, pos + 10)}`)
    pos += m[0].length
    tok = m[1] ?? m[2] ?? m[3] ?? m[4]!
    kind = m[1] ? 'num' : m[2] ? 'str' : m[3] ? 'name' : 'op'
  }
  let prevValue = false
  const next = (): void => {
    prevValue = kind === 'num' || kind === 'str' || kind === 'name' || kind === 're' || tok === ')' || tok === ']' || tok === '$'
    advance(prevValue)
  }
  const is = (t: string): boolean => kind === 'op' && tok === t
  const word = (t: string): boolean => kind === 'name' && tok === t
  const atEof = (): boolean => kind === 'eof'
  const expect = (t: string): void => {
    if (!is(t)) throw new AwkSyntaxError(`syntax error: expected ${t} near ${tok || 'end of program'}`)
    next()
  }
  const nl = (): void => {
    while (is('\n') || is(';')) next()
  }
  const primary = (): Expr => {
    if (kind === 'num') return (e => (next(), e))({ k: 'num', v: Number(tok) } as Expr)
    if (kind === 'str') return (e => (next(), e))({ k: 'str', v: JSON.parse(tok.replace(/\\([^"\\nt/])/g, '$1').replace(/\\\//g, '/')) as string } as Expr)
    if (kind === 're') return (e => (next(), e))({ k: 're', v: tok } as Expr)
    if (is('$')) {
      next()
      return { k: 'field', e: primary() }
    }
    if (is('(')) {
      next()
      const e = expr()
      expect(')')
      return e
    }
    if (is('-') || is('!') || is('+')) {
      const op = tok
      next()
      return { k: 'un', op, e: unary() }
    }
    if (is('++') || is('--')) {
      const op = tok as '++' | '--'
      next()
      return { k: 'incr', op, prefix: true, target: primary() }
    }
    if (kind === 'name') {
      const name = tok
      next()
      if (is('(') && /^(length|substr|index|toupper|tolower|int|split|sprintf|sub|gsub)$/.test(name)) {
        next()
        const args: Expr[] = []
        while (!is(')')) {
          args.push(expr())
          if (is(',')) next()
        }
        next()
        return { k: 'call', name, args }
      }
      if (name === 'length') return { k: 'call', name, args: [] }
      if (is('[')) {
        next()
        const key = expr()
        expect(']')
        return { k: 'index', name, key }
      }
      return { k: 'var', name }
    }
    throw new AwkSyntaxError(`syntax error at source line 1 near ${tok || 'end of program'}`)
  }
  const postfix = (): Expr => {
    const e = primary()
    if ((is('++') || is('--')) && (e.k === 'var' || e.k === 'field' || e.k === 'index')) {
      const op = tok as '++' | '--'
      next()
      return { k: 'incr', op, prefix: false, target: e }
    }
    return e
  }
  const unary = (): Expr => postfix()
  const binary = (ops: string[], sub: () => Expr) => (): Expr => {
    let a = sub()
    while (kind === 'op' && ops.includes(tok)) {
      const op = tok
      next()
      a = { k: 'bin', op, a, b: sub() }
    }
    return a
  }
  const pow = binary(['^'], unary)
  const mul = binary(['*', '/', '%'], pow)
  const add = binary(['+', '-'], mul)
  const startsValue = (): boolean => kind === 'num' || kind === 'str' || kind === 'name' || kind === 're' || is('$') || is('(') || is('!') || is('-') || is('++') || is('--')
  const concat = (): Expr => {
    let a = add()
    while (startsValue() && !is('-') && !(word('in'))) a = { k: 'bin', op: 'concat', a, b: add() }
    return a
  }
  const compare = binary(['<', '<=', '>', '>=', '==', '!=', '~', '!~'], concat)
  const and = binary(['&&'], compare)
  const or = binary(['||'], and)
  const ternary = (): Expr => {
    const c = or()
    if (!is('?')) return c
    next()
    const a = ternary()
    expect(':')
    return { k: 'cond', c, a, b: ternary() }
  }
  const expr = (): Expr => {
    const e = ternary()
    if (kind === 'op' && ['=', '+=', '-=', '*=', '/=', '%='].includes(tok) && (e.k === 'var' || e.k === 'field' || e.k === 'index')) {
      const op = tok
      next()
      return { k: 'assign', op, target: e, e: expr() }
    }
    return e
  }
  const simple = (): Stmt => {
    if (word('print') || word('printf')) {
      const printf = tok === 'printf'
      next()
      const args: Expr[] = []
      while (!is(';') && !is('\n') && !is('}') && kind !== 'eof') {
        args.push(ternary())
        if (is(',')) next()
      }
      return { k: 'print', args, printf }
    }
    if (word('next')) return next(), { k: 'next' }
    if (word('exit')) {
      next()
      return is(';') || is('\n') || is('}') || atEof() ? { k: 'exit' } : { k: 'exit', e: expr() }
    }
    return { k: 'expr', e: expr() }
  }
  const stmt = (): Stmt => {
    nl()
    if (is('{')) {
      next()
      const body: Stmt[] = []
      nl()
      while (!is('}')) {
        body.push(stmt())
        nl()
      }
      next()
      return { k: 'block', body }
    }
    if (word('if')) {
      next()
      expect('(')
      const c = expr()
      expect(')')
      const then = stmt()
      const save = [pos, tok, kind] as const
      nl()
      if (word('else')) {
        next()
        return { k: 'if', c, then, else: stmt() }
      }
      ;[pos, tok, kind] = save as unknown as [number, string, typeof kind]
      return { k: 'if', c, then }
    }
    if (word('while')) {
      next()
      expect('(')
      const c = expr()
      expect(')')
      return { k: 'while', c, body: stmt() }
    }
    if (word('for')) {
      next()
      expect('(')
      const init = is(';') ? undefined : simple()
      expect(';')
      const c = is(';') ? undefined : expr()
      expect(';')
      const step = is(')') ? undefined : simple()
      expect(')')
      return { k: 'for', ...(init ? { init } : {}), ...(c ? { c } : {}), ...(step ? { step } : {}), body: stmt() }
    }
    const s = simple()
    if (is(';')) next()
    return s
  }
  const items: Item[] = []
  advance(false)
  nl()
  while (kind !== 'eof') {
    let pattern: Item['pattern']
    if (word('BEGIN') || word('END')) {
      pattern = tok as 'BEGIN' | 'END'
      next()
    } else if (!is('{')) pattern = expr()
    const action = is('{') ? stmt() : undefined
    items.push({ pattern, action })
    nl()
  }
  return items
}
