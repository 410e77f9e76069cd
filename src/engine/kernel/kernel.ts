/**
 * The kernel: the process table, terminals and the network stack, on one
 * virtual clock and one seeded PRNG. It knows nothing of programs or Docker:
 * `spawn` takes the function to run, and the layers above decide which.
 */
import type { VirtualClock } from '../sim/clock'
import type { Prng } from '../sim/random'
import { FsError } from './fs/fs'
import type { NetworkStack } from './net/types'
import { ExitRequest, ForkError, SIGNAL_NUMBERS, Terminated, type SignalName } from './proc/errors'
import { Process, type ProcessInit } from './proc/process'
import { Scheduler } from './proc/scheduler'
import { Tty, type TtyId, type TtyObserver } from './proc/tty'

/**
 * Live processes one kernel holds at most; past it spawn fails as fork(2)
 * does with EAGAIN. Linux's default pid_max is 32768 and a desktop's
 * RLIMIT_NPROC some tens of thousands; 4096 is far above anything the
 * tutorial runs (a few hundred) and low enough that a fork bomb fills the
 * table in a few milliseconds of engine time and a few MiB of memory.
 */
export const MAX_PROCESSES = 4096

export type ProcessMain = (proc: Process) => Promise<number>

export interface SpawnOptions extends Omit<ProcessInit, 'pid' | 'ppid'> {
  parent?: Process
}

export class Kernel {
  readonly scheduler = new Scheduler()
  private processes = new Map<number, Process>()
  private ttys = new Map<TtyId, Tty>()
  private lastPid = 0
  /** The process table's size limit (tests lower it). */
  maxProcesses = MAX_PROCESSES

  constructor(
    readonly clock: VirtualClock,
    readonly random: Prng,
    readonly net: NetworkStack,
  ) {}

  /**
   * Starts `main` as a new process; its promise settles into an exit status,
   * never a throw. Throws ForkError (EAGAIN) when the process table is full.
   */
  spawn(options: SpawnOptions, main: ProcessMain): Process {
    if (this.processes.size >= this.maxProcesses) throw new ForkError()
    const pid = ++this.lastPid
    const proc = new Process({ ...options, pid, ppid: options.parent?.pid ?? 0 }, this.clock, this.scheduler)
    this.processes.set(pid, proc)
    // Start on a microtask so the caller can finish wiring (pgid, foreground) first.
    void Promise.resolve()
      .then(() => main(proc))
      .then(
        (code) => code,
        (error: unknown) => exitStatusOf(proc, error),
      )
      .then((code) => {
        proc.finish(code)
        this.processes.delete(pid)
      })
    return proc
  }

  process(pid: number): Process | undefined {
    return this.processes.get(pid)
  }

  list(): Process[] {
    return [...this.processes.values()]
  }

  /** kill(2) on a process group. */
  signalGroup(pgid: number, signal: SignalName): void {
    for (const p of this.processes.values()) if (p.pgid === pgid) p.signal(signal)
  }

  openTty(id: TtyId, observer: TtyObserver): Tty {
    const tty = new Tty(id, observer, (pgid, signal) => this.signalGroup(pgid, signal))
    this.ttys.set(id, tty)
    return tty
  }

  tty(id: TtyId): Tty | undefined {
    return this.ttys.get(id)
  }

  closeTty(id: TtyId): void {
    const tty = this.ttys.get(id)
    if (!tty) return
    this.ttys.delete(id)
    for (const p of this.processes.values()) if (p.tty === tty) p.signal('SIGHUP')
  }
}

function exitStatusOf(proc: Process, error: unknown): number {
  if (error instanceof ExitRequest) return error.code
  if (error instanceof Terminated) return 128 + SIGNAL_NUMBERS[error.signal]
  const name = proc.argv[0] ?? '?'
  // The report goes to stderr, which may itself be the full file: never let it throw here.
  const report = (text: string): void => {
    try {
      proc.stderr.write(text)
    } catch {
      /* nowhere to report it */
    }
  }
  // A program that does not handle a failed fork(2) itself: report it as perror("fork") would.
  if (error instanceof ForkError) {
    report(`${name}: fork: ${error.message}\n`)
    return 1
  }
  // A write to a full file that the program did not handle: GNU's close_stdout says "write error".
  if (error instanceof FsError && error.code === 'ENOSPC') {
    report(`${name}: write error: ${error.message}\n`)
    return 1
  }
  // A bug in a program must not take the engine down: report it like a crash.
  const message = error instanceof Error ? error.message : String(error)
  report(`${name}: internal error: ${message}\n`)
  return 70
}
