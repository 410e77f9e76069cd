/**
 * The subset of Go's text/template that `--format` strings use, with
 * docker/cli's functions (templates/templates.go: json, join, split, lower,
 * upper, title, pad, truncate, println) and Go's own (len, index, printf,
 * print, eq, ne, not, and, or). Values print as fmt's %v does: slices as
 * `[a b]`, maps as `map[k:v]` (keys sorted), nil as `<nil>`, a missing map
 * key as `<no value>`. A context given a Go type name behaves like a struct:
 * an unknown field is an execution error, worded as Go words it.
 */
export class TemplateError extends Error {}

type Node =
  | { t: 'text'; s: string }
  | { t: 'action'; pipe: string }
  | { t: 'range' | 'if' | 'with'; pipe: string; vars: string[]; body: Node[]; alt: Node[] }

interface Scope {
  readonly dot: unknown
  readonly vars: Map<string, unknown>
}

function tokenize(src: string): (string | { action: string })[] {
  const out: (string | { action: string })[] = []
  let i = 0
  while (i < src.length) {
    const open = src.indexOf('{{', i)
    if (open < 0) {
      out.push(src.slice(i))
      break
    }
    let text = src.slice(i, open)
    let start = open + 2
    if (src[start] === '-' && src[start + 1] === ' ') {
      text = text.replace(/\s+$/, '')
      start++
    }
    const close = src.indexOf('}}', start)
    if (close < 0) throw new TemplateError('template: :1: unclosed action')
    let body = src.slice(start, close)
    i = close + 2
    if (body.endsWith(' -')) {
      body = body.slice(0, -2)
      while (i < src.length && /\s/.test(src[i]!)) i++
    }
    if (text) out.push(text)
    out.push({ action: body.trim() })
  }
  return out
}

function parse(src: string): Node[] {
  const tokens = tokenize(src)
  let pos = 0
  const block = (inside: boolean): { nodes: Node[]; end: 'end' | 'else' | 'eof' } => {
    const nodes: Node[] = []
    while (pos < tokens.length) {
      const tok = tokens[pos++]!
      if (typeof tok === 'string') {
        nodes.push({ t: 'text', s: tok })
        continue
      }
      const a = tok.action
      if (a.startsWith('/*')) continue
      if (a === 'end' || a === 'else') {
        if (!inside) throw new TemplateError(`template: :1: unexpected {{${a}}}`)
        return { nodes, end: a }
      }
      const m = /^(range|if|with)\s+(.*)$/.exec(a)
      if (m) {
        let pipe = m[2]!
        let vars: string[] = []
        const decl = /^(\$\w*(?:\s*,\s*\$\w*)?)\s*:=\s*(.*)$/.exec(pipe)
        if (decl) {
          vars = decl[1]!.split(',').map((v) => v.trim())
          pipe = decl[2]!
        }
        const body = block(true)
        let alt: Node[] = []
        if (body.end === 'else') alt = block(true).nodes
        nodes.push({ t: m[1] as 'range', pipe, vars, body: body.nodes, alt })
        continue
      }
      nodes.push({ t: 'action', pipe: a })
    }
    if (inside) throw new TemplateError('template: :1: unexpected EOF')
    return { nodes, end: 'eof' }
  }
  return block(false).nodes
}

/** fmt's %v. */
export function goString(v: unknown): string {
  if (v === undefined) return '<no value>'
  if (v === null) return '<nil>'
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort()
    return `map[${keys.map((k) => `${k}:${goString((v as Record<string, unknown>)[k])}`).join(' ')}]`
  }
  return String(v)
}

/** json.Marshal (HTML-safe, as Go escapes <, >, &). */
export function goJson(v: unknown, indent?: string): string {
  const text = JSON.stringify(v === undefined ? null : v, null, indent)
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

const truthy = (v: unknown): boolean =>
  !(v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v).length === 0))

const FUNCS: Record<string, (...a: unknown[]) => unknown> = {
  json: (v) => goJson(v),
  join: (v, sep) => (Array.isArray(v) ? v.map(goString).join(String(sep)) : goString(v)),
  split: (s, sep) => String(s).split(String(sep)),
  lower: (s) => String(s).toLowerCase(),
  upper: (s) => String(s).toUpperCase(),
  title: (s) => String(s).replace(/\b\w/g, (c) => c.toUpperCase()),
  pad: (s, before, after) => ' '.repeat(Number(before)) + String(s) + ' '.repeat(Number(after)),
  truncate: (s, n) => [...String(s)].slice(0, Number(n)).join(''),
  println: (...a) => a.map(goString).join(' ') + '\n',
  print: (...a) => a.map(goString).join(''),
  printf: (f, ...a) => String(f).replace(/%[sdvq%]/g, (m) => (m === '%%' ? '%' : m === '%q' ? JSON.stringify(goString(a.shift())) : goString(a.shift()))),
  len: (v) => (Array.isArray(v) || typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  index: (v, ...keys) => keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[String(k)] : undefined), v),
  eq: (a, ...b) => b.some((x) => x === a),
  ne: (a, b) => a !== b,
  not: (a) => !truthy(a),
  and: (...a) => a.find((x) => !truthy(x)) ?? a.at(-1),
  or: (...a) => a.find(truthy) ?? a.at(-1),
}

function splitArgs(pipe: string): string[] {
  return pipe.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\([^)]*\)|[^\s]+/g) ?? []
}

export interface TemplateOptions {
  /** Go type of the top-level context (struct semantics), e.g. `*formatter.containerContext`. */
  readonly typeName?: string
}

export function executeTemplate(src: string, data: unknown, options: TemplateOptions = {}): string {
  const nodes = parse(src)
  const field = (base: unknown, path: string, top: boolean, expr: string): unknown => {
    let v = base
    for (const name of path.split('.').filter(Boolean)) {
      if (v === null || v === undefined) return undefined
      if (typeof v !== 'object' || Array.isArray(v)) throw new TemplateError(`template: :1: executing "" at <${expr}>: can't evaluate field ${name} in type ${typeof v === 'string' ? 'string' : 'interface {}'}`)
      const rec = v as Record<string, unknown>
      if (top && options.typeName && !(name in rec)) throw new TemplateError(`template: :1:2: executing "" at <${expr}>: can't evaluate field ${name} in type ${options.typeName}`)
      v = rec[name]
      top = false
    }
    return v
  }
  const operand = (tok: string, scope: Scope): unknown => {
    if (tok.startsWith('"')) return JSON.parse(tok) as string
    if (tok.startsWith('`')) return tok.slice(1, -1)
    if (tok.startsWith('(')) return pipeline(tok.slice(1, -1), scope)
    if (/^-?\d+$/.test(tok)) return Number(tok)
    if (tok === 'true' || tok === 'false') return tok === 'true'
    if (tok === 'nil') return null
    if (tok.startsWith('.')) return tok === '.' ? scope.dot : field(scope.dot, tok, scope.dot === data, tok)
    if (tok.startsWith('$')) {
      const [name, ...rest] = tok.split('.')
      const base = name === '$' ? data : scope.vars.get(name!)
      return rest.length > 0 ? field(base, rest.join('.'), false, tok) : base
    }
    throw new TemplateError(`template: :1: function "${tok}" not defined`)
  }
  const command = (cmd: string, scope: Scope, piped: unknown[]): unknown => {
    const toks = splitArgs(cmd.trim())
    const head = toks[0] ?? ''
    const fn = FUNCS[head]
    if (fn) return fn(...toks.slice(1).map((t) => operand(t, scope)), ...piped)
    if (toks.length > 1 || piped.length > 0) throw new TemplateError(`template: :1: can't give argument to non-function ${head}`)
    return operand(head, scope)
  }
  const pipeline = (pipe: string, scope: Scope): unknown => {
    const parts = pipe.split(/\|(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    let value: unknown
    parts.forEach((p, i) => (value = command(p, scope, i === 0 ? [] : [value])))
    return value
  }
  const run = (list: Node[], scope: Scope): string => {
    let out = ''
    for (const n of list) {
      if (n.t === 'text') out += n.s
      else if (n.t === 'action') {
        const decl = /^(\$\w+)\s*:=\s*(.*)$/.exec(n.pipe)
        if (decl) scope.vars.set(decl[1]!, pipeline(decl[2]!, scope))
        else out += goString(pipeline(n.pipe, scope))
      } else {
        const v = pipeline(n.pipe, scope)
        if (n.t === 'if') out += run(truthy(v) ? n.body : n.alt, scope)
        else if (n.t === 'with') out += truthy(v) ? run(n.body, { dot: v, vars: scope.vars }) : run(n.alt, scope)
        else {
          const entries: [unknown, unknown][] = Array.isArray(v)
            ? v.map((x, i) => [i, x])
            : v && typeof v === 'object'
              ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])
              : []
          if (entries.length === 0) out += run(n.alt, scope)
          for (const [k, x] of entries) {
            const vars = new Map(scope.vars)
            if (n.vars.length === 1) vars.set(n.vars[0]!, x)
            if (n.vars.length === 2) vars.set(n.vars[0]!, k).set(n.vars[1]!, x)
            out += run(n.body, { dot: x, vars })
          }
        }
      }
    }
    return out
  }
  return run(nodes, { dot: data, vars: new Map([['$', data]]) })
}
