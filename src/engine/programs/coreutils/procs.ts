/**
 * ps, kill, which and ln. ps lists the processes of the caller's sandbox
 * (the host, or one container) in procps's or BusyBox's columns; kill
 * sends the signals the kernel models.
 */
import { SIGNAL_NUMBERS, type SignalName } from '../../kernel/proc/errors'
import type { Process } from '../../kernel/proc/process'
import { resolvePath } from '../../kernel/fs/fs'
import type { Program, ProgramContext } from '../../shell/runtime'
import { absolute, errnoText, fail, isBusybox, parseOptions, usage } from './util'

const commandName = (p: Process): string => (p.argv[0] ?? '?').replace(/^.*\//, '')
const commandLine = (p: Process): string => p.argv.join(' ') || '?'

function sandboxProcesses(ctx: ProgramContext): Process[] {
  return ctx.kernel.list().filter((p) => p.sandbox.owner === ctx.proc.sandbox.owner && p.running).sort((a, b) => a.pid - b.pid)
}

export const ps: Program = async (ctx) => {
  const procs = sandboxProcesses(ctx)
  const args = ctx.argv.slice(1).join(' ')
  if (isBusybox(ctx)) {
    // BusyBox ps: one format, every process.
    ctx.proc.out('PID   USER     TIME  COMMAND\n')
    for (const p of procs) ctx.proc.out(`${String(p.pid).padStart(5)} ${'root'.padEnd(8)} ${'0:00'.padStart(5)} ${commandLine(p)}\n`)
    return 0
  }
  const tty = (p: Process): string => (p.tty ? 'pts/0' : '?')
  if (/a|x|-e|-A/.test(args) && /u|-f/.test(args)) {
    ctx.proc.out('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n')
    for (const p of procs) {
      const stat = p.pid === p.pgid ? 'Ss' : 'S'
      ctx.proc.out(`${'root'.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0 ${'4000'.padStart(6)} ${'3000'.padStart(5)} ${tty(p).padEnd(8)} ${(stat + (p.tty && p.pgid === p.tty.foregroundPgid ? '+' : '')).padEnd(4)} 00:00   0:00 ${commandLine(p)}\n`)
    }
    return 0
  }
  // Plain ps: the processes on the caller's terminal.
  ctx.proc.out('    PID TTY          TIME CMD\n')
  for (const p of procs.filter((q) => args !== '' || q.tty === ctx.proc.tty)) ctx.proc.out(`${String(p.pid).padStart(7)} ${tty(p).padEnd(8)} 00:00:00 ${commandName(p)}\n`)
  return 0
}

const SIGNALS: Record<string, SignalName> = { HUP: 'SIGHUP', INT: 'SIGINT', QUIT: 'SIGQUIT', KILL: 'SIGKILL', PIPE: 'SIGPIPE', TERM: 'SIGTERM' }

/** Parses -9, -KILL, -SIGKILL, -s KILL; undefined when the name is unknown. */
export function parseSignal(spec: string): SignalName | undefined {
  const up = spec.toUpperCase().replace(/^SIG/, '')
  if (SIGNALS[up]) return SIGNALS[up]
  return (Object.keys(SIGNAL_NUMBERS) as SignalName[]).find((s) => String(SIGNAL_NUMBERS[s]) === spec)
}

export const kill: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  let signal: SignalName = 'SIGTERM'
  if (args[0] === '-l') {
    ctx.proc.out(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t13) SIGPIPE\t15) SIGTERM\n')
    return 0
  }
  if (args[0] === '-s') args.splice(0, 2, `-${args[1] ?? ''}`)
  if (args[0]?.startsWith('-') && args[0] !== '--') {
    const s = parseSignal(args.shift()!.slice(1))
    if (!s) return usage(ctx, 'invalid signal')
    signal = s
  }
  let status = 0
  for (const a of args) {
    const p = /^-?[0-9]+$/.test(a) ? ctx.kernel.process(Number(a)) : undefined
    if (!p || p.sandbox.owner !== ctx.proc.sandbox.owner) {
      fail(ctx, isBusybox(ctx) ? `can't kill pid ${a}: No such process` : `(${a}) - No such process`)
      status = 1
      continue
    }
    p.signal(signal)
  }
  return status
}

export const which: Program = async (ctx) => {
  const all = ctx.argv.includes('-a')
  const path = ctx.proc.env.PATH ?? ''
  let status = 0
  for (const name of ctx.argv.slice(1).filter((a) => a !== '-a')) {
    const candidates = name.includes('/') ? [absolute(ctx, name)] : path.split(':').filter(Boolean).map((d) => resolvePath(ctx.proc.cwd, `${d}/${name}`))
    const found = candidates.filter((c) => {
      const n = ctx.proc.sandbox.fs.tryLookup(c)
      return n?.kind === 'file' && (n.mode & 0o111) !== 0
    })
    if (found.length === 0) status = 1
    for (const f of all ? found : found.slice(0, 1)) ctx.proc.out((name.includes('/') ? name : f) + '\n')
  }
  return status
}

export const ln: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'sfnv', '', { symbolic: 's', force: 'f' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const [target, given] = parsed.operands
  if (target === undefined) return usage(ctx, 'missing file operand')
  const fs = ctx.proc.sandbox.fs
  let link = given ?? target.replace(/\/+$/, '').replace(/^.*\//, '')
  if (fs.tryLookup(absolute(ctx, link))?.kind === 'dir') link = `${link}/${target.replace(/\/+$/, '').replace(/^.*\//, '')}`
  const path = absolute(ctx, link)
  const symbolic = parsed.flags.has('s')
  try {
    if (parsed.flags.has('f') && fs.tryLookup(path, true)) fs.unlink(path)
    if (symbolic) fs.symlink(target, path)
    else {
      const node = fs.lookup(absolute(ctx, target))
      if (node.kind === 'dir') {
        fail(ctx, `${target}: hard link not allowed for directory`)
        return 1
      }
      if (fs.tryLookup(path, true)) throw Object.assign(new Error('File exists'), { code: 'EEXIST' })
      fs.attach(path, node)
    }
  } catch (e) {
    if (isBusybox(ctx)) fail(ctx, `${link}: ${errnoText(e)}`)
    else fail(ctx, `failed to create ${symbolic ? 'symbolic' : 'hard'} link '${link}'${symbolic ? '' : ` => '${target}'`}: ${errnoText(e)}`)
    return 1
  }
  return 0
}
