/**
 * `trap` (XCU 2.14, trap; bash(1) SHELL BUILTIN COMMANDS). A trapped
 * signal does not kill the shell: the kernel calls our handler, which only
 * queues the trap's name; the interpreter runs the queued actions at its
 * next step (Shell.tick), as sh runs traps between commands, after the
 * foreground command has finished. EXIT runs when the shell ends, also by
 * `exit` or a fatal signal. Subshells start with traps reset (2.12).
 */
import { Terminated, type SignalName } from '../kernel/proc/errors'
import type { ShellApi as Shell } from './api'
import type { Fds } from './io'
import { ShellExit } from './control'
import { parse } from './parser'

const SIGNALS: Record<string, number> = { EXIT: 0, HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, CHLD: 17 }
const CATCHABLE: Record<string, SignalName> = { HUP: 'SIGHUP', INT: 'SIGINT', QUIT: 'SIGQUIT', TERM: 'SIGTERM', PIPE: 'SIGPIPE' }

/** Normalises INT, SIGINT, int, 2 to INT; undefined if it names no signal. */
export function signalName(spec: string): string | undefined {
  const up = spec.toUpperCase().replace(/^SIG/, '')
  if (up in SIGNALS) return up
  if (/^[0-9]+$/.test(spec)) return Object.keys(SIGNALS).find((k) => SIGNALS[k] === Number(spec))
  return undefined
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`

function install(sh: Shell, name: string, action: string | undefined): void {
  const signal = CATCHABLE[name]
  if (!signal) return
  // The interactive shell keeps its own ^C handling; the trap text is kept for `trap` to print.
  if (sh.interactive && (name === 'INT' || name === 'TERM' || name === 'QUIT')) return
  if (action === undefined) sh.proc.trap(signal, 'default')
  else if (action === '') sh.proc.trap(signal, 'ignore')
  else sh.proc.trap(signal, () => sh.state.pendingTraps.push(name))
}

export function trapBuiltin(sh: Shell, argv: string[], fds: Fds): number {
  const traps = sh.state.traps
  let args = argv.slice(1)
  if (args[0] === '--') args = args.slice(1)
  if (args.length === 0 || args[0] === '-p') {
    const bash = sh.config.flavor.kind === 'bash'
    for (const [name, action] of traps) fds.output(1).write(`trap -- ${quote(action)} ${bash && name !== 'EXIT' ? 'SIG' + name : name}\n`)
    return 0
  }
  // One operand that is a signal number means "reset" (POSIX); a single non-number is an action with no signals.
  let action: string | undefined = args[0]
  let specs = args.slice(1)
  if (args.length === 1 || action === '-') {
    if (args.length === 1 && !/^[0-9]+$/.test(args[0]!)) return 0
    if (args.length === 1) specs = args
    action = undefined
  }
  let status = 0
  for (const spec of specs) {
    const name = signalName(spec)
    if (name === undefined) {
      sh.error(sh.config.flavor.kind === 'bash' ? `trap: ${spec}: invalid signal specification` : `trap: ${spec}: bad trap`, fds)
      status = 1
      continue
    }
    if (action === undefined) traps.delete(name)
    else traps.set(name, action)
    install(sh, name, action)
  }
  return status
}

async function runAction(sh: Shell, action: string): Promise<void> {
  const saved = sh.state.lastStatus
  try {
    await sh.runList(parse(action), sh.fds)
  } catch (e) {
    if (e instanceof ShellExit) throw e
    if (e instanceof Error && !(e instanceof Terminated)) throw e
  }
  sh.state.lastStatus = saved
}

/** Runs the traps whose signals arrived since the last step. */
export async function runPendingTraps(sh: Shell): Promise<void> {
  const pending = sh.state.pendingTraps.splice(0)
  for (const name of pending) {
    const action = sh.state.traps.get(name)
    if (action) await runAction(sh, action)
  }
}

/** Runs `body` (the whole shell), then the EXIT trap with $? set to its status; `exit` in the trap wins. */
export async function withExitTrap(sh: Shell, body: () => Promise<number>): Promise<number> {
  let status: number
  try {
    status = await body()
  } catch (e) {
    if (e instanceof ShellExit) return exitTrap(sh, e.status)
    if (e instanceof Terminated && sh.state.traps.has('EXIT')) await exitTrap(sh, 128 + (e.signal === 'SIGINT' ? 2 : 15)).catch(() => undefined)
    throw e
  }
  return exitTrap(sh, status)
}

async function exitTrap(sh: Shell, status: number): Promise<number> {
  const action = sh.state.traps.get('EXIT')
  if (action === undefined) return status
  sh.state.traps.delete('EXIT')
  sh.state.lastStatus = status
  try {
    await sh.runList(parse(action), sh.fds)
  } catch (e) {
    if (e instanceof ShellExit) return e.status
    throw e
  }
  return status
}
