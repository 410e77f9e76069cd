/**
 * Child processes of the shell: pipelines, subshells, background jobs and
 * the foreground wait. With job control (the interactive top-level shell)
 * each foreground job gets its own process group and becomes the
 * terminal's foreground group while it runs, so ^C reaches the job and not
 * the shell (as bash does with tcsetpgrp(3)); when a job dies of SIGINT the
 * shell abandons the rest of the command line, as bash does.
 */
import { ForkError, Interrupted } from '../kernel/proc/errors'
import type { Process } from '../kernel/proc/process'
import { NULL_INPUT, Pipe } from '../kernel/proc/streams'
import type { Command, List, Pipeline } from './ast'
import { BreakSignal, CommandAbort, CommandInterrupt, ContinueSignal, ReturnSignal, ShellExit } from './control'
import type { Fds } from './io'
import type { ShellApi as Shell } from './api'
import { unparse } from './unparse'
import { withExitTrap } from './traps'

/** bash's FORKSLEEP_MAX (jobs.c): retry after 1, 2, 4 and 8 seconds, then give up. */
const FORKSLEEP_MAX_S = 16

/**
 * Starts a child with `start` (a fork or a spawn). When the process table is
 * full, fails as the shells do:
 * - bash (jobs.c, make_child): "bash: fork: retry: Resource temporarily
 *   unavailable" and a sleep of 1, 2, 4, 8 s between tries, then "bash:
 *   fork: Resource temporarily unavailable", status EX_NOEXEC (126), and
 *   throw_to_top_level, which ors in 128: $? is 254 and the command line is
 *   abandoned (a non-interactive shell exits 254).
 * - BusyBox ash (forkshell): "sh: can't fork: Resource temporarily
 *   unavailable", status 2; dash: "sh: 1: Cannot fork", status 2.
 * The sleeps are on the virtual clock, so a fork bomb at the limit waits
 * instead of spinning; ash's immediate failure yields a slice first so the
 * driver (and ^C) get their turn.
 * The result is boxed so an in-process subshell's promise is not unwrapped.
 */
export function startChild<T>(sh: Shell, fds: Fds, start: () => T): { child: T } | Promise<{ child: T }> {
  // The common case stays synchronous: the caller wires the child (pgid, pipes) before it runs.
  try {
    return { child: start() }
  } catch (e) {
    if (!(e instanceof ForkError)) throw e
    return forkFailed(sh, fds, start, e)
  }
}

async function forkFailed<T>(sh: Shell, fds: Fds, start: () => T, first: ForkError): Promise<{ child: T }> {
  const flavor = sh.config.flavor
  const bash = flavor.kind === 'bash'
  let error = first
  for (let forksleep = 1; bash && forksleep < FORKSLEEP_MAX_S; forksleep *= 2) {
    sh.error(`fork: retry: ${error.message}`, fds)
    // A signal the shell handles (^C at an interactive shell) cuts the sleep short and ends the retries.
    if (!(await sh.proc.sleep(forksleep * 1000)) || sh.interrupted) break
    try {
      return { child: start() }
    } catch (e) {
      if (!(e instanceof ForkError)) throw e
      error = e
    }
  }
  if (!bash) await sh.guard(sh.proc.yield())
  sh.error(bash ? `fork: ${error.message}` : flavor.variant === 'dash' ? 'Cannot fork' : `can't fork: ${error.message}`, fds)
  const status = bash ? 126 | 128 : 2
  if (sh.interactive) throw new CommandAbort(status)
  throw new ShellExit(status)
}

/** Runs `body` in a subshell: a forked process when the runtime can fork, else in-process. */
export function forkShell(sh: Shell, fds: Fds, body: (sub: Shell) => Promise<number>, newGroup: boolean): Process | Promise<number> {
  const main = async (sub: Shell): Promise<number> => {
    try {
      return await withExitTrap(sub, () => body(sub))
    } catch (e) {
      if (e instanceof ShellExit || e instanceof ReturnSignal) return e.status
      if (e instanceof BreakSignal || e instanceof ContinueSignal) return 0
      if (e instanceof CommandInterrupt) return 130
      throw e
    }
  }
  if (!sh.ctx.fork) return main(sh.subshell(fds))
  return sh.ctx.fork((ctx) => main(sh.subshell(fds, ctx)), {
    stdin: fds.input(0),
    stdout: fds.output(1),
    stderr: fds.output(2),
    env: sh.state.environ(),
    cwd: sh.state.cwd,
    newGroup,
  })
}

/** Waits for a child even if the shell itself is signalled meanwhile (bash waits for its job). */
export async function waitChild(sh: Shell, child: Process): Promise<number> {
  for (;;) {
    try {
      return await sh.proc.waitFor(child.exited)
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e
      // A signal the script traps does not abandon the command line: the trap runs at the next step.
      if (!sh.state.pendingTraps.length) sh.interrupted = true
    }
  }
}

const SIGNAL_TEXT: Record<string, string> = { SIGTERM: 'Terminated', SIGKILL: 'Killed', SIGQUIT: 'Quit', SIGHUP: 'Hangup' }

/** Gives the terminal to `pgid` while waiting for `children`, then takes it back. */
export async function waitForeground(sh: Shell, children: (Process | Promise<number>)[], pgid: number | undefined): Promise<number[]> {
  const tty = sh.proc.tty
  const handOver = sh.config.jobControl && tty !== undefined && pgid !== undefined
  if (handOver) tty.foregroundPgid = pgid
  const statuses: number[] = []
  try {
    for (const c of children) statuses.push(c instanceof Promise ? await sh.guard(c) : await waitChild(sh, c))
  } finally {
    if (handOver) tty.foregroundPgid = sh.proc.pgid
  }
  for (const c of children) {
    if (c instanceof Promise || !c.killedBy) continue
    if (c.killedBy === 'SIGINT' && sh.config.jobControl) sh.interrupted = true
    const text = SIGNAL_TEXT[c.killedBy]
    if (text && sh.interactive) sh.fds.output(2).write(`${text}\n`)
  }
  return statuses
}

export async function runPipeline(sh: Shell, cmd: Pipeline, fds: Fds): Promise<number> {
  const n = cmd.commands.length
  let status: number
  if (n === 1) status = await sh.asCondition(() => sh.run(cmd.commands[0]!, fds))
  else {
    const pipes = Array.from({ length: n - 1 }, () => new Pipe())
    const children: (Process | Promise<number>)[] = []
    let pgid: number | undefined
    for (const [i, stage] of cmd.commands.entries()) {
      let stageFds = fds
      if (i > 0) stageFds = stageFds.with(0, pipes[i - 1]!.reader)
      if (i < n - 1) stageFds = stageFds.with(1, pipes[i]!.writer)
      let started: Process | Promise<number>
      try {
        const r = startChild(sh, stageFds, () => forkShell(sh, stageFds, (sub) => sub.run(stage, sub.fds), sh.config.jobControl && i === 0))
        started = r instanceof Promise ? (await r).child : r.child
      } catch (e) {
        // bash's terminate_current_pipeline: the stages already started get SIGTERM.
        for (const c of children) if (!(c instanceof Promise)) c.signal('SIGTERM')
        for (const p of pipes) p.writer.close()
        throw e
      }
      const close = (): void => {
        if (i < n - 1) pipes[i]!.writer.close()
        if (i > 0) pipes[i - 1]!.reader.close()
      }
      if (started instanceof Promise) children.push(started.finally(close))
      else {
        if (sh.config.jobControl) {
          if (pgid === undefined) pgid = started.pid
          else started.pgid = pgid
        }
        void started.exited.then(close)
        children.push(started)
      }
    }
    const statuses = await waitForeground(sh, children, pgid)
    // set -o pipefail: the last non-zero status of any stage (bash, ash).
    status = sh.state.options.pipefail ? (statuses.findLast((s) => s !== 0) ?? 0) : statuses.at(-1)!
    if (sh.interrupted) throw new CommandInterrupt()
  }
  if (cmd.negate) return status === 0 ? 1 : 0
  sh.checkErrexit(status)
  return status
}

export async function runSubshell(sh: Shell, body: List, fds: Fds): Promise<number> {
  const r = startChild(sh, fds, () => forkShell(sh, fds, (sub) => sub.runList(body, sub.fds), sh.config.jobControl))
  const started = r instanceof Promise ? (await r).child : r.child
  const pgid = started instanceof Promise ? undefined : started.pgid
  const [status] = await waitForeground(sh, [started], pgid)
  if (sh.interrupted) throw new CommandInterrupt()
  sh.checkErrexit(status!)
  return status!
}

/** `cmd &`: start without waiting; interactive shells announce "[1] 1234" (bash, on stderr). */
export async function runAsync(sh: Shell, node: Command, fds: Fds): Promise<number> {
  // Without job control an asynchronous list reads /dev/null (XCU 2.9.3.1).
  const jobFds = sh.config.jobControl ? fds : fds.with(0, NULL_INPUT)
  const r = startChild(sh, jobFds, () => forkShell(sh, jobFds, (sub) => sub.run(node, sub.fds), sh.config.jobControl))
  const started = r instanceof Promise ? (await r).child : r.child
  const state = sh.state
  const id = Math.max(0, ...state.jobs.map((j) => j.id)) + 1
  const pid = started instanceof Promise ? sh.proc.pid : started.pid
  const exited = started instanceof Promise ? started : started.exited
  const job = { id, pids: [pid], text: unparse(node), exited, status: undefined as number | undefined }
  void exited.then((s) => (job.status = s))
  state.jobs.push(job)
  state.lastBackground = pid
  if (sh.interactive) fds.output(2).write(`[${id}] ${pid}\n`)
  return 0
}

/** Before a prompt: "[1]+  Done                    sleep 1" for finished jobs (bash's notification). */
export function reportJobs(sh: Shell): void {
  const state = sh.state
  const done = state.jobs.filter((j) => j.status !== undefined)
  if (done.length === 0) return
  const last = state.jobs.at(-1)
  for (const job of done) {
    const mark = job === last ? '+' : state.jobs.at(-2) === job ? '-' : ' '
    const what = job.status === 0 ? 'Done' : `Exit ${job.status}`
    if (sh.interactive) sh.fds.output(2).write(`[${job.id}]${mark}  ${what.padEnd(24)}${job.text}\n`)
  }
  state.jobs = state.jobs.filter((j) => j.status === undefined)
}
