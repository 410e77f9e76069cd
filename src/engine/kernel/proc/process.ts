/**
 * A process: pid, argv, env, cwd, the namespaces it lives in, three streams,
 * an exit status and signal dispositions. Programs are async functions; the
 * kernel cannot preempt them, so every blocking call goes through `waitFor`,
 * which a signal can break: a fatal signal rejects it with `Terminated`, a
 * handled one with `Interrupted` (EINTR) after running the handler. A busy
 * program calls `yield()` now and then so the scheduler can run others and
 * the driver can deliver keystrokes (DESIGN.md, "Processes and terminals").
 */
import type { VirtualClock } from '../../sim/clock'
import type { NetNamespace } from '../net/types'
import type { FileSystem } from '../fs/fs'
import { Interrupted, Terminated, type SignalName } from './errors'
import type { CancelToken, InputStream, OutputStream } from './streams'
import type { Tty } from './tty'
import type { Scheduler } from './scheduler'

/** The namespaces a process sees: network, mounts (its filesystem) and UTS (hostname). */
export interface Sandbox {
  readonly net: NetNamespace
  readonly fs: FileSystem
  readonly uts: { hostname: string }
  /** Identifies the container (or 'host') for tools and the UI. */
  readonly owner: string
}

export type SignalDisposition = 'default' | 'ignore' | (() => void)

export interface ProcessInit {
  pid: number
  ppid: number
  pgid?: number
  argv: readonly string[]
  env: Record<string, string>
  cwd: string
  sandbox: Sandbox
  stdin: InputStream
  stdout: OutputStream
  stderr: OutputStream
  tty?: Tty
}

interface PendingWait {
  fail(error: Error): void
}

export class Process {
  readonly pid: number
  readonly ppid: number
  pgid: number
  argv: readonly string[]
  env: Record<string, string>
  cwd: string
  readonly sandbox: Sandbox
  stdin: InputStream
  stdout: OutputStream
  stderr: OutputStream
  /** Controlling terminal, if any. */
  readonly tty?: Tty
  exitCode: number | undefined
  /** Resolves with the exit status once the program has returned. */
  readonly exited: Promise<number>

  private resolveExit!: (code: number) => void
  private dispositions = new Map<SignalName, SignalDisposition>()
  private pending = new Set<PendingWait>()
  private fatal: SignalName | undefined

  constructor(
    init: ProcessInit,
    private readonly clock: VirtualClock,
    private readonly scheduler: Scheduler,
  ) {
    this.pid = init.pid
    this.ppid = init.ppid
    this.pgid = init.pgid ?? init.pid
    this.argv = init.argv
    this.env = init.env
    this.cwd = init.cwd
    this.sandbox = init.sandbox
    this.stdin = init.stdin
    this.stdout = init.stdout
    this.stderr = init.stderr
    this.tty = init.tty
    this.exited = new Promise((resolve) => (this.resolveExit = resolve))
  }

  get running(): boolean {
    return this.exitCode === undefined
  }

  /** The signal that is killing this process, if one is. */
  get killedBy(): SignalName | undefined {
    return this.fatal
  }

  trap(signal: SignalName, disposition: SignalDisposition): void {
    if (signal === 'SIGKILL') return // cannot be caught or ignored
    this.dispositions.set(signal, disposition)
  }

  /** Delivers a signal (kill(2)). */
  signal(signal: SignalName): void {
    if (!this.running) return
    const disposition = this.dispositions.get(signal) ?? 'default'
    if (disposition === 'ignore') return
    if (disposition === 'default') {
      if (signal === 'SIGPIPE' && this.fatal) return
      this.fatal = signal
      this.failPending(new Terminated(signal))
      return
    }
    disposition()
    this.failPending(new Interrupted(signal))
  }

  private failPending(error: Error): void {
    const waits = [...this.pending]
    this.pending.clear()
    for (const w of waits) w.fail(error)
  }

  /**
   * Waits for `promise` unless a signal comes first. `cancel` lets the source
   * withdraw (a read must not swallow input meant for the next reader).
   */
  waitFor<T>(promise: Promise<T>, cancel?: () => void): Promise<T> {
    if (this.fatal) return Promise.reject(new Terminated(this.fatal))
    return new Promise<T>((resolve, reject) => {
      const wait: PendingWait = {
        fail: (error) => {
          cancel?.()
          reject(error)
        },
      }
      this.pending.add(wait)
      promise.then(
        (value) => {
          if (!this.pending.delete(wait)) return
          resolve(value)
        },
        (error: unknown) => {
          if (!this.pending.delete(wait)) return
          reject(error instanceof Error ? error : new Error(String(error)))
        },
      )
    })
  }

  /** Reads one chunk from a stream (default: stdin); null at end of file. */
  read(stream: InputStream = this.stdin): Promise<string | null> {
    const cancels: (() => void)[] = []
    const token: CancelToken = { onCancel: (c) => cancels.push(c) }
    return this.waitFor(stream.read(token), () => cancels.forEach((c) => c()))
  }

  /** Reads a stream to its end. */
  async readAll(stream: InputStream = this.stdin): Promise<string> {
    let text = ''
    for (;;) {
      const chunk = await this.read(stream)
      if (chunk === null) return text
      text += chunk
    }
  }

  /**
   * Sleeps `ms` virtual milliseconds. Resolves true when the time is up and
   * false when a handled signal cut it short; a fatal signal rejects.
   */
  async sleep(ms: number): Promise<boolean> {
    let handle: ReturnType<VirtualClock['setTimer']> | undefined
    const done = new Promise<void>((resolve) => (handle = this.clock.setTimer(ms, resolve)))
    try {
      await this.waitFor(done, () => this.clock.cancel(handle))
      return true
    } catch (error) {
      if (error instanceof Interrupted) return false
      throw error
    }
  }

  /** Gives up the rest of this slice; busy loops call it so ^C gets through. */
  yield(): Promise<void> {
    return this.waitFor(this.scheduler.yield())
  }

  /** Writes to stdout / stderr. */
  out(text: string): void {
    // write(2) on a pipe with no reader: SIGPIPE (default: terminate, status 141), as `yes | head -1` ends.
    if (this.stdout.open === false) {
      this.signal('SIGPIPE')
      return
    }
    this.stdout.write(text)
  }
  err(text: string): void {
    this.stderr.write(text)
  }

  /** Called by the kernel when the program returns. */
  finish(code: number): void {
    if (!this.running) return
    this.exitCode = code
    this.pending.clear()
    this.resolveExit(code)
  }
}
