/**
 * find (GNU findutils subset: paths, -name, -iname, -type, -maxdepth,
 * -mindepth, -print) and xargs (-n, -I, -0 is not modelled). Directory
 * entries are visited in name order (a real find uses readdir order; ours
 * has no other order to offer).
 */
import type { FsNode } from '../../kernel/fs/fs'
import type { Program } from '../../shell/runtime'
import { matchPattern } from '../../shell/glob'
import { absolute, fail } from './util'

interface Test {
  name?: string
  iname?: string
  type?: string
}

export const find: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  const paths: string[] = []
  let i = 0
  while (i < args.length && !args[i]!.startsWith('-') && args[i] !== '!' && args[i] !== '(') paths.push(args[i++]!)
  const test: Test = {}
  let maxdepth = Infinity
  let mindepth = 0
  for (; i < args.length; i++) {
    const a = args[i]!
    const v = args[i + 1]
    if (['-name', '-iname', '-type', '-maxdepth', '-mindepth'].includes(a) && v === undefined) {
      fail(ctx, `missing argument to \`${a}'`)
      return 1
    }
    if (a === '-name') test.name = args[++i]!
    else if (a === '-iname') test.iname = args[++i]!
    else if (a === '-type') test.type = args[++i]!
    else if (a === '-maxdepth') maxdepth = Number(args[++i])
    else if (a === '-mindepth') mindepth = Number(args[++i])
    else if (a === '-print') continue
    else {
      fail(ctx, `unknown predicate \`${a}'`)
      return 1
    }
  }
  const fs = ctx.proc.sandbox.fs
  let status = 0
  const kindOf = (n: FsNode): string => (n.kind === 'dir' ? 'd' : n.kind === 'symlink' ? 'l' : 'f')
  const visit = (shown: string, node: FsNode, depth: number): void => {
    const base = shown === '/' ? '/' : shown.replace(/\/+$/, '').slice(shown.replace(/\/+$/, '').lastIndexOf('/') + 1)
    const ok = depth >= mindepth && (test.name === undefined || matchPattern(test.name, base)) && (test.iname === undefined || matchPattern(test.iname.toLowerCase(), base.toLowerCase())) && (test.type === undefined || kindOf(node) === test.type)
    if (ok) ctx.proc.out(shown + '\n')
    if (node.kind !== 'dir' || depth >= maxdepth) return
    for (const name of [...node.entries.keys()].sort()) visit(`${shown.endsWith('/') ? shown : shown + '/'}${name}`, node.entries.get(name)!, depth + 1)
  }
  for (const p of paths.length ? paths : ['.']) {
    const node = fs.tryLookup(absolute(ctx, p), true)
    if (!node) {
      fail(ctx, `'${p}': No such file or directory`)
      status = 1
      continue
    }
    visit(p, node.kind === 'symlink' ? (fs.tryLookup(absolute(ctx, p)) ?? node) : node, 0)
  }
  return status
}

/** Splits xargs input into arguments: blanks and newlines separate; quotes and backslashes group. */
function splitArgs(text: string): string[] {
  const out: string[] = []
  let cur = ''
  let has = false
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quote) {
      if (ch === quote) quote = undefined
      else cur += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      has = true
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i]
      has = true
    } else if (/\s/.test(ch)) {
      if (has) out.push(cur)
      cur = ''
      has = false
    } else {
      cur += ch
      has = true
    }
  }
  if (has) out.push(cur)
  return out
}

export const xargs: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  let n = Infinity
  let replace: string | undefined
  let i = 0
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const a = args[i]!
    if (a === '-n') n = Number(args[++i])
    else if (a.startsWith('-n')) n = Number(a.slice(2))
    else if (a === '-I') replace = args[++i]
    else if (a === '-r' || a === '--no-run-if-empty') continue
    else if (a === '--') {
      i++
      break
    } else {
      fail(ctx, `invalid option -- '${a.slice(1)}'`)
      return 1
    }
  }
  const command = args.slice(i).length ? args.slice(i) : ['echo']
  const input = await ctx.proc.readAll()
  let status = 0
  const runOne = async (argv: string[]): Promise<void> => {
    const s = await ctx.exec(argv)
    if (s === 127 || s === 126) status = s
    else if (s !== 0 && status === 0) status = 123
  }
  if (replace !== undefined) {
    for (const line of input.split('\n').filter((l) => l.trim() !== '')) await runOne(command.map((c) => c.split(replace).join(line.trim())))
    return status
  }
  const words = splitArgs(input)
  if (words.length === 0) {
    if (!ctx.argv.includes('-r')) await runOne(command)
    return status
  }
  for (let k = 0; k < words.length; k += n === Infinity ? words.length : n) await runOne([...command, ...words.slice(k, n === Infinity ? undefined : k + n)])
  return status
}
