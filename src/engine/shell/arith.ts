/**
 * Arithmetic expansion $((…)) (XCU 2.6.4): signed integer arithmetic with
 * C's operators and precedence, variables by name, assignment operators.
 * Values are JS numbers truncated to integers (bash uses 64-bit intmax_t;
 * the playground never gets near 2^53).
 */
export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined
  set(name: string, value: string): void
}

const BINARY: [string[], number][] = [
  [['||'], 1],
  [['&&'], 2],
  [['|'], 3],
  [['^'], 4],
  [['&'], 5],
  [['==', '!='], 6],
  [['<=', '>=', '<', '>'], 7],
  [['<<', '>>'], 8],
  [['+', '-'], 9],
  [['*', '/', '%'], 10],
]
const PREC = new Map(BINARY.flatMap(([ops, p]) => ops.map((o) => [o, p] as const)))
const TOKEN = /\s*(0[xX][0-9a-fA-F]+|[0-9]+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<=|>>=|\+\+|--|[-+*/%&|^<>!=]=|&&|\|\||<<|>>|[-+*/%()&|^<>!~?:=])/y

export function evaluate(expr: string, vars: ArithVars): number {
  const tokens: string[] = []
  TOKEN.lastIndex = 0
  let pos = 0
  while (pos < expr.length) {
    if (/^\s*$/.test(expr.slice(pos))) break
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(expr)
    if (!m) throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${expr.slice(pos).trim()}")`)
    tokens.push(m[1]!)
    pos = TOKEN.lastIndex
  }
  if (tokens.length === 0) return 0
  let i = 0
  const peek = (): string | undefined => tokens[i]
  const isName = (t: string | undefined): boolean => t !== undefined && /^[A-Za-z_]/.test(t)
  const valueOf = (name: string): number => {
    const v = vars.get(name)
    if (v === undefined || v.trim() === '') return 0
    return evaluate(v, vars)
  }

  const primary = (): number => {
    const t = tokens[i++]
    if (t === undefined) throw new ArithError('syntax error: operand expected (error token is "")')
    if (t === '(') {
      const v = ternary()
      if (tokens[i++] !== ')') throw new ArithError('syntax error: missing )')
      return v
    }
    if (t === '-') return -primary()
    if (t === '+') return primary()
    if (t === '!') return primary() ? 0 : 1
    if (t === '~') return ~primary()
    if (t === '++' || t === '--') {
      const name = tokens[i++]!
      const v = valueOf(name) + (t === '++' ? 1 : -1)
      vars.set(name, String(v))
      return v
    }
    if (/^[0-9]/.test(t)) return t.startsWith('0x') || t.startsWith('0X') ? parseInt(t, 16) : t.length > 1 && t.startsWith('0') ? parseInt(t, 8) : parseInt(t, 10)
    if (isName(t)) {
      const op = peek()
      if (op === '=' || (op !== undefined && /^([-+*/%&|^]|<<|>>)=$/.test(op))) {
        i++
        const rhs = ternary()
        const v = op === '=' ? rhs : apply(op.slice(0, -1), valueOf(t), rhs)
        vars.set(t, String(v))
        return v
      }
      if (op === '++' || op === '--') {
        i++
        const v = valueOf(t)
        vars.set(t, String(v + (op === '++' ? 1 : -1)))
        return v
      }
      return valueOf(t)
    }
    throw new ArithError(`syntax error: operand expected (error token is "${tokens.slice(i - 1).join(' ')}")`)
  }

  const power = (): number => {
    const base = primary()
    if (peek() === '**') {
      i++
      return base ** power()
    }
    return base
  }

  const binary = (minPrec: number): number => {
    let left = power()
    for (;;) {
      const op = peek()
      const prec = op === undefined ? undefined : PREC.get(op)
      if (prec === undefined || prec < minPrec) return left
      i++
      const right = binary(prec + 1)
      left = apply(op!, left, right)
    }
  }

  const ternary = (): number => {
    const cond = binary(1)
    if (peek() !== '?') return cond
    i++
    const a = ternary()
    if (tokens[i++] !== ':') throw new ArithError('syntax error: `:\' expected for conditional expression')
    const b = ternary()
    return cond ? a : b
  }

  const result = ternary()
  if (i < tokens.length) throw new ArithError(`syntax error in expression (error token is "${tokens.slice(i).join(' ')}")`)
  return result
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b
    case '-': return a - b
    case '*': return a * b
    case '/':
    case '%':
      if (b === 0) throw new ArithError('division by 0 (error token is "0")')
      return op === '/' ? Math.trunc(a / b) : a % b
    case '<<': return a << b
    case '>>': return a >> b
    case '<': return +(a < b)
    case '<=': return +(a <= b)
    case '>': return +(a > b)
    case '>=': return +(a >= b)
    case '==': return +(a === b)
    case '!=': return +(a !== b)
    case '&': return a & b
    case '|': return a | b
    case '^': return a ^ b
    case '&&': return +(a !== 0 && b !== 0)
    case '||': return +(a !== 0 || b !== 0)
  }
  throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${op}")`)
}
