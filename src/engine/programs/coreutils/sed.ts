/**
 * sed, the subset the tutorial's readers use (GNU sed 4.8 messages):
 * -n, -e (repeatable), -i[SUFFIX], -E/-r; addresses N, $, /re/, A,B and
 * `!`; commands s///[gpi N] (with & and \1…\9 in the replacement, any
 * delimiter), p, d, q, =, y, and one-line a/i/c. Input is processed line by
 * line as it arrives, so sed in a pipeline streams.
 */
import type { Program } from '../../shell/runtime'
import { compile } from './regex'
import { absolute, errnoText, fail, operandLines, OperandError } from './util'

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp }
interface Command {
  a1?: Address
  a2?: Address
  negate: boolean
  name: string
  re?: RegExp
  replacement?: string
  global?: boolean
  nth?: number
  print?: boolean
  text?: string
  from?: string
  to?: string
  /** Range state: inside A,B. */
  active?: boolean
}

class SedError extends Error {}

function parseScript(script: string, extended: boolean, exprNo: number): Command[] {
  const cmds: Command[] = []
  let i = 0
  const err = (msg: string): never => {
    throw new SedError(`-e expression #${exprNo}, char ${i}: ${msg}`)
  }
  const delimited = (delim: string): string => {
    let out = ''
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        out += script[i + 1] === delim ? delim : script.slice(i, i + 2)
        i += 2
      } else out += script[i++]
    }
    if (i >= script.length) err(`unterminated \`s' command`)
    i++
    return out
  }
  const regex = (src: string, flags = ''): RegExp => {
    const re = compile(src, extended, flags)
    return typeof re === 'string' ? err('Invalid preceding regular expression') : re
  }
  const address = (): Address | undefined => {
    if (/[0-9]/.test(script[i] ?? '')) {
      const m = /^[0-9]+/.exec(script.slice(i))!
      i += m[0].length
      return { kind: 'line', n: Number(m[0]) }
    }
    if (script[i] === '$') return i++, { kind: 'last' }
    if (script[i] === '/') {
      i++
      let src = ''
      while (i < script.length && script[i] !== '/') {
        if (script[i] === '\\' && script[i + 1] === '/') i++
        src += script[i++]
      }
      if (i >= script.length) err('unterminated address regex')
      i++
      return { kind: 're', re: regex(src) }
    }
    return undefined
  }
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++
    if (i >= script.length) break
    const cmd: Command = { negate: false, name: '' }
    const a1 = address()
    if (a1) cmd.a1 = a1
    if (a1 && script[i] === ',') {
      i++
      cmd.a2 = address() ?? err('unexpected `,\'')
    }
    while (script[i] === ' ') i++
    if (script[i] === '!') {
      cmd.negate = true
      i++
    }
    const name = script[i++]
    if (name === undefined) err('missing command')
    cmd.name = name!
    if (name === 's') {
      const delim = script[i++] ?? err(`unterminated \`s' command`)
      const pattern = delimited(delim!)
      cmd.replacement = delimited(delim!)
      let flags = ''
      while (/[gpiI0-9]/.test(script[i] ?? '')) {
        const f = script[i++]!
        if (f === 'g') cmd.global = true
        else if (f === 'p') cmd.print = true
        else if (f === 'i' || f === 'I') flags += 'i'
        else cmd.nth = (cmd.nth ?? 0) * 10 + Number(f)
      }
      cmd.re = regex(pattern, flags)
    } else if (name === 'y') {
      const delim = script[i++]!
      cmd.from = delimited(delim)
      cmd.to = delimited(delim)
      if ([...cmd.from].length !== [...cmd.to].length) err("strings for `y' command are different lengths")
    } else if ('aic'.includes(name!)) {
      while (script[i] === ' ') i++
      if (script[i] === '\\') i++
      while (script[i] === '\n') i++
      const end = script.indexOf('\n', i)
      cmd.text = script.slice(i, end < 0 ? undefined : end).replace(/\\(.)/g, '$1')
      i = end < 0 ? script.length : end
    } else if (!'pdq=n'.includes(name!)) {
      i--
      err(`unknown command: \`${name}'`)
    }
    cmds.push(cmd)
  }
  return cmds
}

function substitute(cmd: Command, line: string): [string, boolean] {
  let count = 0
  let done = false
  const re = new RegExp(cmd.re!.source, cmd.re!.flags + 'g')
  const out = line.replace(re, (...m: unknown[]) => {
    count++
    const groups = m.slice(0, -2) as (string | undefined)[]
    if (done || (cmd.nth !== undefined && count !== cmd.nth) || (!cmd.global && cmd.nth === undefined && count > 1)) return groups[0]!
    if (!cmd.global) done = cmd.nth === undefined || count === cmd.nth
    return cmd.replacement!.replace(/\\([0-9&n\\])|&/g, (all, e: string | undefined) => (all === '&' ? groups[0]! : e === '&' ? '&' : e === 'n' ? '\n' : e === '\\' ? '\\' : (groups[Number(e)] ?? '')))
  })
  return [out, count > 0 && (cmd.global || cmd.nth === undefined || count >= cmd.nth)]
}

function matches(a: Address, line: string, n: number, last: boolean): boolean {
  return a.kind === 'line' ? n === a.n : a.kind === 'last' ? last : a.re.test(line)
}

function selected(cmd: Command, line: string, n: number, last: boolean): boolean {
  let hit: boolean
  if (!cmd.a1) hit = true
  else if (!cmd.a2) hit = matches(cmd.a1, line, n, last)
  else if (cmd.active) {
    hit = true
    if (cmd.a2.kind === 'line' ? n >= cmd.a2.n : matches(cmd.a2, line, n, last)) cmd.active = false
  } else if (matches(cmd.a1, line, n, last)) {
    hit = true
    cmd.active = !(cmd.a2.kind === 'line' && cmd.a2.n <= n)
  } else hit = false
  return hit !== cmd.negate
}

/** Runs the script over lines; returns false when `q` ended it. */
async function run(cmds: Command[], lines: AsyncIterable<string>, quiet: boolean, write: (s: string) => void, state: { n: number }): Promise<boolean> {
  const it = lines[Symbol.asyncIterator]()
  let next = await it.next()
  while (!next.done) {
    const raw = next.value
    next = await it.next()
    const last = next.done === true
    const nl = raw.endsWith('\n')
    let line = nl ? raw.slice(0, -1) : raw
    state.n++
    let deleted = false
    const after: string[] = []
    let quit = false
    for (const cmd of cmds) {
      if (!selected(cmd, line, state.n, last)) continue
      if (cmd.name === 's') {
        const [out, did] = substitute(cmd, line)
        line = out
        if (did && cmd.print) write(line + '\n')
      } else if (cmd.name === 'p') write(line + '\n')
      else if (cmd.name === 'd') {
        deleted = true
        break
      } else if (cmd.name === 'q') {
        quit = true
        break
      } else if (cmd.name === '=') write(`${state.n}\n`)
      else if (cmd.name === 'y') line = [...line].map((c) => { const k = [...cmd.from!].indexOf(c); return k < 0 ? c : [...cmd.to!][k]! }).join('')
      else if (cmd.name === 'a') after.push(cmd.text! + '\n')
      else if (cmd.name === 'i') write(cmd.text! + '\n')
      else if (cmd.name === 'c') {
        if (!cmd.active) write(cmd.text! + '\n')
        deleted = true
        break
      }
    }
    if (!deleted && !quiet) write(line + (nl ? '\n' : ''))
    for (const a of after) write(a)
    if (quit) return false
  }
  return true
}

export const sed: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  if (args.includes('--help')) {
    ctx.proc.out('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n')
    return 0
  }
  const scripts: string[] = []
  const files: string[] = []
  let quiet = false
  let inPlace: string | undefined
  let extended = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true
    else if (a === '-e') scripts.push(args[++i] ?? '')
    else if (a.startsWith('--expression=')) scripts.push(a.slice(13))
    else if (a.startsWith('-i') || a.startsWith('--in-place')) inPlace = a.startsWith('-i') ? a.slice(2) : a.split('=')[1] ?? ''
    else if (/^-[nEr]+$/.test(a)) {
      quiet ||= a.includes('n')
      extended ||= /[Er]/.test(a)
    } else if (a.startsWith('-') && a !== '-') {
      ctx.proc.err(`sed: invalid option -- '${a[1]}'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n`)
      return 1
    } else files.push(a)
  }
  if (scripts.length === 0) {
    const s = files.shift()
    if (s === undefined) {
      ctx.proc.err('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n')
      return 1
    }
    scripts.push(s)
  }
  let cmds: Command[]
  try {
    cmds = scripts.flatMap((s, k) => parseScript(s, extended, k + 1))
  } catch (e) {
    if (!(e instanceof SedError)) throw e
    fail(ctx, e.message)
    return 1
  }
  const fs = ctx.proc.sandbox.fs
  let status = 0
  if (inPlace !== undefined) {
    if (files.length === 0) {
      fail(ctx, 'no input files')
      return 1
    }
    for (const f of files) {
      const path = absolute(ctx, f)
      let text: string
      try {
        text = fs.readFile(path)
      } catch (e) {
        fail(ctx, `can't read ${f}: ${errnoText(e)}`)
        status = 2
        continue
      }
      let out = ''
      await run(cmds, operandLines(ctx, f), quiet, (s) => (out += s), { n: 0 })
      if (inPlace) fs.writeFile(path + inPlace, text)
      fs.writeFile(path, out)
    }
    return status
  }
  const state = { n: 0 }
  for (const f of files.length ? files : ['-']) {
    try {
      if (!(await run(cmds, operandLines(ctx, f), quiet, (s) => ctx.proc.out(s), state))) break
    } catch (e) {
      if (!(e instanceof OperandError)) throw e
      status = 2
    }
  }
  return status
}
