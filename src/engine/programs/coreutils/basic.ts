/** Small utilities: true, false, echo, hostname, clear, sleep, seq, env, printenv, printf, basename, dirname, id, whoami. */
import { echoText } from '../../shell/builtins/echo'
import { formatPrintf } from '../../shell/printf'
import type { Program } from '../../shell/runtime'
import { fail, parseOptions, usage } from './util'

export const trueProgram: Program = async () => 0
export const falseProgram: Program = async () => 1

export const echo: Program = async (ctx) => {
  ctx.proc.out(echoText(ctx.argv.slice(1)))
  return 0
}

export const hostname: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  const uts = ctx.proc.sandbox.uts
  if (args.length === 0 || args[0] === '-s' || args[0] === '--short') {
    ctx.proc.out(`${args.length ? uts.hostname.split('.')[0] : uts.hostname}\n`)
    return 0
  }
  if (args[0]!.startsWith('-')) {
    if (args[0] === '-f' || args[0] === '--fqdn') {
      ctx.proc.out(`${uts.hostname}\n`)
      return 0
    }
    return usage(ctx, `invalid option -- '${args[0]!.slice(1, 2)}'`)
  }
  uts.hostname = args[0]!
  return 0
}

/** What ncurses' clear prints for TERM=xterm: home, erase screen, erase scrollback. */
export const clear: Program = async (ctx) => {
  ctx.proc.out('\x1b[H\x1b[2J\x1b[3J')
  return 0
}

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

export const sleep: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  if (args.length === 0) return usage(ctx, 'missing operand')
  let seconds = 0
  for (const a of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a)
    if (!m) return usage(ctx, `invalid time interval '${a}'`)
    seconds += Number(m[1]) * UNITS[m[2]!]!
  }
  await ctx.proc.sleep(Math.round(seconds * 1000))
  return 0
}

export const seq: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'w', 's', { separator: 's', 'equal-width': 'w' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const nums = parsed.operands
  if (nums.length === 0) return usage(ctx, 'missing operand')
  if (nums.length > 3) return usage(ctx, `extra operand '${nums[3]}'`)
  for (const n of nums) if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(n)) return usage(ctx, `invalid floating point argument: '${n}'`)
  const [first, incr, last] = nums.length === 1 ? ['1', '1', nums[0]!] : nums.length === 2 ? [nums[0]!, '1', nums[1]!] : (nums as [string, string, string])
  const decimals = Math.max(...[first, incr].map((n) => (n.includes('.') ? n.length - n.indexOf('.') - 1 : 0)))
  const a = Number(first)
  const step = Number(incr)
  const b = Number(last)
  if (step === 0) return usage(ctx, `invalid Zero increment value: '${incr}'`)
  const out: string[] = []
  for (let i = 0; ; i++) {
    const v = a + i * step
    if (step > 0 ? v > b + 1e-9 : v < b - 1e-9) break
    out.push(v.toFixed(decimals))
    if (i % 1000 === 999) await ctx.proc.yield()
  }
  const width = Math.max(...out.map((s) => s.length))
  const sep = parsed.values.get('s') ?? '\n'
  const lines = parsed.flags.has('w') ? out.map((s) => (s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0'))) : out
  if (lines.length) ctx.proc.out(lines.join(sep) + '\n')
  return 0
}

export const env: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  let vars: Record<string, string> = { ...ctx.proc.env }
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]!
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars = {}
    else if (a === '-u') delete vars[args[++i] ?? '']
    else if (/^[^=]+=/.test(a)) {
      const eq = a.indexOf('=')
      vars[a.slice(0, eq)] = a.slice(eq + 1)
    } else break
  }
  const command = args.slice(i)
  if (command.length === 0) {
    ctx.proc.out(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''))
    return 0
  }
  const child = ctx.spawn(command, { env: vars })
  if ('error' in child) {
    fail(ctx, `'${command[0]}': ${child.error === 'not-found' ? 'No such file or directory' : 'Permission denied'}`)
    return child.error === 'not-found' ? 127 : 126
  }
  return ctx.proc.waitFor(child.exited)
}

export const printenv: Program = async (ctx) => {
  const names = ctx.argv.slice(1)
  const e = ctx.proc.env
  if (names.length === 0) {
    ctx.proc.out(Object.entries(e).map(([k, v]) => `${k}=${v}\n`).join(''))
    return 0
  }
  let status = 0
  for (const n of names) {
    if (n in e) ctx.proc.out(`${e[n]}\n`)
    else status = 1
  }
  return status
}

export const printf: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  if (args.length === 0) return usage(ctx, 'missing operand')
  const { output, errors } = formatPrintf(args[0]!, args.slice(1))
  ctx.proc.out(output)
  for (const e of errors) fail(ctx, e)
  return errors.length ? 1 : 0
}

export const basename: Program = async (ctx) => {
  const [path, suffix] = ctx.argv.slice(1)
  if (path === undefined) return usage(ctx, 'missing operand')
  const trimmed = path.replace(/\/+$/, '')
  let base = trimmed === '' ? (path.startsWith('/') ? '/' : '') : trimmed.slice(trimmed.lastIndexOf('/') + 1)
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length)
  ctx.proc.out(`${base}\n`)
  return 0
}

export const dirname: Program = async (ctx) => {
  const paths = ctx.argv.slice(1)
  if (paths.length === 0) return usage(ctx, 'missing operand')
  for (const path of paths) {
    const trimmed = path.replace(/\/+$/, '')
    const i = trimmed.lastIndexOf('/')
    ctx.proc.out(`${i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i).replace(/\/+$/, '') || '/'}\n`)
  }
  return 0
}

export const id: Program = async (ctx) => {
  const a = ctx.argv[1]
  if (a === '-u' || a === '-g') ctx.proc.out('0\n')
  else if (a === '-un' || a === '-gn' || a === '-nu' || a === '-ng') ctx.proc.out('root\n')
  else ctx.proc.out('uid=0(root) gid=0(root) groups=0(root)\n')
  return 0
}

export const whoami: Program = async (ctx) => {
  ctx.proc.out('root\n')
  return 0
}
