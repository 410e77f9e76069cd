/**
 * awk (the POSIX language subset of awk-parse.ts; messages as mawk, Debian's
 * awk, and BusyBox awk print them). Records are read as they arrive, so
 * `ping … | awk '{print $1}'` streams. Strings that look like numbers
 * compare as numbers, as POSIX's "strnum" rule says.
 */
import type { Program, ProgramContext } from '../../shell/runtime'
import { formatPrintf } from '../../shell/printf'
import { AwkSyntaxError, parseAwk, type Expr, type Item, type Stmt } from './awk-parse'
import { posixToJs } from './regex'
import { operandLines, OperandError } from './util'

type Value = string | number

class Next {}
class Exit {
  constructor(readonly status: number) {}
}

const toNum = (v: Value): number => (typeof v === 'number' ? v : Number(/^\s*[-+]?(\d+\.?\d*(e[-+]?\d+)?|\.\d+)/i.exec(v)?.[0] ?? 0))
const looksNumeric = (v: Value): boolean => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*(e[-+]?\d+)?|\.\d+)\s*$/i.test(v)
/** Numbers print as integers when whole, else with CONVFMT/OFMT "%.6g". */
function toStr(v: Value): string {
  if (typeof v === 'string') return v
  if (Number.isInteger(v)) return String(v)
  return String(Number(v.toPrecision(6)))
}

class Awk {
  vars = new Map<string, Value>([['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['NR', 0], ['NF', 0], ['SUBSEP', '\x1c']])
  arrays = new Map<string, Map<string, Value>>()
  fields: string[] = ['']
  constructor(private readonly out: (s: string) => void) {}

  setRecord(line: string): void {
    const fs = toStr(this.vars.get('FS')!)
    const parts = line === '' ? [] : fs === ' ' ? line.trim().split(/[ \t\n]+/).filter(Boolean) : line.split(fs.length === 1 ? fs : new RegExp(posixToJs(fs, true)))
    this.fields = [line, ...parts]
    this.vars.set('NF', parts.length)
  }

  private getField(i: number): string {
    return this.fields[i] ?? ''
  }

  private setField(i: number, v: string): void {
    while (this.fields.length <= i) this.fields.push('')
    this.fields[i] = v
    if (i === 0) return this.setRecord(v)
    this.vars.set('NF', this.fields.length - 1)
    this.fields[0] = this.fields.slice(1).join(toStr(this.vars.get('OFS')!))
  }

  private lvalue(t: Expr): [() => Value, (v: Value) => void] {
    if (t.k === 'field') {
      const i = toNum(this.eval(t.e))
      return [() => this.getField(i), (v) => this.setField(i, toStr(v))]
    }
    if (t.k === 'index') {
      const arr = this.arrays.get(t.name) ?? this.arrays.set(t.name, new Map()).get(t.name)!
      const key = toStr(this.eval(t.key))
      return [() => arr.get(key) ?? '', (v) => arr.set(key, v)]
    }
    const name = (t as { name: string }).name
    return [() => this.vars.get(name) ?? '', (v) => (name === 'NF' ? this.setField(toNum(v), this.getField(toNum(v))) : this.vars.set(name, v))]
  }

  eval(e: Expr): Value {
    switch (e.k) {
      case 'num': return e.v
      case 'str': return e.v
      case 're': return new RegExp(posixToJs(e.v, true)).test(this.fields[0]!) ? 1 : 0
      case 'var': return this.vars.get(e.name) ?? ''
      case 'field': return this.getField(toNum(this.eval(e.e)))
      case 'index': return this.arrays.get(e.name)?.get(toStr(this.eval(e.key))) ?? ''
      case 'cond': return this.truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b)
      case 'un': {
        const v = this.eval(e.e)
        return e.op === '!' ? (this.truthy(v) ? 0 : 1) : e.op === '-' ? -toNum(v) : toNum(v)
      }
      case 'assign': {
        const [get, set] = this.lvalue(e.target)
        const r = this.eval(e.e)
        const v = e.op === '=' ? r : this.arith(e.op[0]!, get(), r)
        set(v)
        return v
      }
      case 'incr': {
        const [get, set] = this.lvalue(e.target)
        const old = toNum(get())
        set(old + (e.op === '++' ? 1 : -1))
        return e.prefix ? old + (e.op === '++' ? 1 : -1) : old
      }
      case 'bin': return this.binary(e.op, e.a, e.b)
      case 'call': return this.call(e.name, e.args)
    }
  }

  private arith(op: string, a: Value, b: Value): number {
    const x = toNum(a)
    const y = toNum(b)
    if ((op === '/' || op === '%') && y === 0) throw new AwkRuntimeError('division by zero')
    return op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : op === '%' ? x % y : x ** y
  }

  private binary(op: string, ea: Expr, eb: Expr): Value {
    if (op === '&&') return this.truthy(this.eval(ea)) && this.truthy(this.eval(eb)) ? 1 : 0
    if (op === '||') return this.truthy(this.eval(ea)) || this.truthy(this.eval(eb)) ? 1 : 0
    if (op === '~' || op === '!~') {
      const s = toStr(this.eval(ea))
      const re = eb.k === 're' ? eb.v : toStr(this.eval(eb))
      return new RegExp(posixToJs(re, true)).test(s) === (op === '~') ? 1 : 0
    }
    const a = this.eval(ea)
    const b = this.eval(eb)
    if (op === 'concat') return toStr(a) + toStr(b)
    if (['<', '<=', '>', '>=', '==', '!='].includes(op)) {
      const numeric = looksNumeric(a) && looksNumeric(b)
      const x = numeric ? toNum(a) : toStr(a)
      const y = numeric ? toNum(b) : toStr(b)
      const r = op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : op === '>=' ? x >= y : op === '==' ? x === y : x !== y
      return r ? 1 : 0
    }
    return this.arith(op, a, b)
  }

  private call(name: string, args: Expr[]): Value {
    const v = args.map((a) => this.eval(a))
    const s = toStr(v[0] ?? this.fields[0]!)
    switch (name) {
      case 'length': return [...s].length
      case 'substr': {
        const start = Math.round(toNum(v[1] ?? 1))
        const len = v[2] === undefined ? Infinity : Math.round(toNum(v[2]))
        const from = Math.max(1, start)
        const to = Math.min(s.length + 1, start + len)
        return to > from ? s.slice(from - 1, to - 1) : ''
      }
      case 'index': return s.indexOf(toStr(v[1] ?? '')) + 1
      case 'toupper': return s.toUpperCase()
      case 'tolower': return s.toLowerCase()
      case 'int': return Math.trunc(toNum(v[0] ?? 0))
      case 'sprintf': return formatPrintf(s, v.slice(1).map(toStr)).output
      case 'split': {
        const target = args[1]
        if (target?.k !== 'var') return 0
        const sep = v[2] !== undefined ? toStr(v[2]) : toStr(this.vars.get('FS')!)
        const parts = sep === ' ' ? s.trim().split(/\s+/).filter(Boolean) : s.split(sep)
        this.arrays.set(target.name, new Map(parts.map((p, i) => [String(i + 1), p])))
        return parts.length
      }
      default: {
        // sub/gsub(re, repl [, target=$0])
        const target = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } }
        const [get, set] = this.lvalue(target)
        const re = new RegExp(posixToJs(args[0]!.k === 're' ? args[0]!.v : toStr(v[0]!), true), name === 'gsub' ? 'g' : '')
        let n = 0
        set(toStr(get()).replace(re, (m) => (n++, toStr(v[1]!).replace(/\\&|&/g, (x) => (x === '&' ? m : '&')))))
        return n
      }
    }
  }

  truthy(v: Value): boolean {
    return typeof v === 'number' ? v !== 0 : looksNumeric(v) ? toNum(v) !== 0 : v !== ''
  }

  exec(s: Stmt): void {
    switch (s.k) {
      case 'print': {
        if (s.printf) {
          const [fmt, ...rest] = s.args.map((a) => toStr(this.eval(a)))
          this.out(formatPrintf(fmt ?? '', rest).output)
        } else {
          const text = s.args.length === 0 ? this.fields[0]! : s.args.map((a) => toStr(this.eval(a))).join(toStr(this.vars.get('OFS')!))
          this.out(text + toStr(this.vars.get('ORS')!))
        }
        return
      }
      case 'expr': return void this.eval(s.e)
      case 'if': return this.truthy(this.eval(s.c)) ? this.exec(s.then) : s.else ? this.exec(s.else) : undefined
      case 'while': {
        for (let guard = 0; this.truthy(this.eval(s.c)) && guard < 1e6; guard++) this.exec(s.body)
        return
      }
      case 'for': {
        if (s.init) this.exec(s.init)
        for (let guard = 0; (!s.c || this.truthy(this.eval(s.c))) && guard < 1e6; guard++) {
          this.exec(s.body)
          if (s.step) this.exec(s.step)
        }
        return
      }
      case 'block': return s.body.forEach((b) => this.exec(b))
      case 'next': throw new Next()
      case 'exit': throw new Exit(s.e ? toNum(this.eval(s.e)) : 0)
    }
  }
}

class AwkRuntimeError extends Error {}

async function runAwk(ctx: ProgramContext, awk: Awk, items: Item[], files: string[]): Promise<number> {
  const run = (kind: 'BEGIN' | 'END' | undefined): void => {
    for (const item of items) {
      if (kind ? item.pattern !== kind : item.pattern === 'BEGIN' || item.pattern === 'END') continue
      if (!kind && item.pattern !== undefined && !awk.truthy(awk.eval(item.pattern as Expr))) continue
      if (item.action) awk.exec(item.action)
      else ctx.proc.out(awk.fields[0]! + '\n')
    }
  }
  let status = 0
  try {
    run('BEGIN')
    if (items.some((i) => i.pattern !== 'BEGIN')) {
      for (const f of files.length ? files : ['-']) {
        try {
          for await (const line of operandLines(ctx, f)) {
            awk.vars.set('NR', toNum(awk.vars.get('NR')!) + 1)
            awk.setRecord(line.replace(/\n$/, ''))
            try {
              run(undefined)
            } catch (e) {
              if (!(e instanceof Next)) throw e
            }
          }
        } catch (e) {
          if (!(e instanceof OperandError)) throw e
          status = 2
        }
      }
    }
  } catch (e) {
    if (!(e instanceof Exit)) throw e
    status = e.status
  }
  try {
    run('END')
  } catch (e) {
    if (e instanceof Exit) return e.status
    throw e
  }
  return status
}

export const awk: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  let program: string | undefined
  const files: string[] = []
  const out = (s: string): void => ctx.proc.out(s)
  const machine = new Awk(out)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-F') machine.vars.set('FS', (args[++i] ?? ' ').replace(/^\\t$/, '\t'))
    else if (a.startsWith('-F')) machine.vars.set('FS', a.slice(2).replace(/^\\t$/, '\t'))
    else if (a === '-v') {
      const [k, ...v] = (args[++i] ?? '').split('=')
      machine.vars.set(k!, v.join('='))
    } else if (program === undefined) program = a
    else if (/^[A-Za-z_]\w*=/.test(a)) machine.vars.set(a.split('=')[0]!, a.slice(a.indexOf('=') + 1))
    else files.push(a)
  }
  if (program === undefined) {
    ctx.proc.err('usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\n')
    return 2
  }
  let items: Item[]
  try {
    items = parseAwk(program)
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e
    ctx.proc.err(`awk: line 1: ${e.message}\n`)
    return 2
  }
  try {
    return await runAwk(ctx, machine, items, files)
  } catch (e) {
    if (!(e instanceof AwkRuntimeError)) throw e
    ctx.proc.err(`awk: run time error: ${e.message}\n`)
    return 2
  }
}
