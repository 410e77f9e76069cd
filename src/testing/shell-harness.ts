/**
 * A small world for the shell's and the coreutils' tests: a kernel on a
 * virtual clock, one filesystem with /bin entries for bash, sh (BusyBox
 * ash) and the coreutils, one terminal, and a driver that runs the
 * simulation until a command finishes or the shell waits for input. No
 * network (the kernel's stack is a stub) and no Docker.
 */
import { settle, type Drivable } from '../engine/driver'
import { FileSystem } from '../engine/kernel/fs/fs'
import { Kernel } from '../engine/kernel/kernel'
import type { NetworkStack } from '../engine/kernel/net/types'
import type { Process, Sandbox } from '../engine/kernel/proc/process'
import { NULL_INPUT, StringSink, stringSource } from '../engine/kernel/proc/streams'
import type { Tty, TtyId } from '../engine/kernel/proc/tty'
import { coreutils } from '../engine/programs/coreutils'
import { ashProgram, bashProgram } from '../engine/programs/sh'
import { isExecFailure, ProgramRegistry, ProgramRunner, type Program } from '../engine/shell/runtime'
import { VirtualClock } from '../engine/sim/clock'
import { Prng } from '../engine/sim/random'

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export interface RunResult {
  stdout: string
  stderr: string
  status: number | undefined
}

export interface ShellHarnessOptions {
  hostname?: string
  /** Extra programs, installed in /bin under their names. */
  programs?: Record<string, Program>
  /** A BusyBox system (alpine): /bin/sh and /bin/busybox run ash, so utilities print BusyBox's messages. */
  busybox?: boolean
}

export class ShellHarness {
  readonly clock = new VirtualClock()
  readonly kernel = new Kernel(this.clock, new Prng(1), {} as NetworkStack)
  readonly fs = new FileSystem(() => this.clock.now())
  readonly registry = new ProgramRegistry()
  readonly runner = new ProgramRunner(this.kernel, this.registry)
  readonly sandbox: Sandbox
  readonly tty: Tty
  private screen = ''
  private mark = 0
  readonly env: Record<string, string> = { HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', TERM: 'xterm' }
  shell: Process | undefined

  private readonly world: Drivable = {
    now: () => this.clock.now(),
    nextDeadline: () => this.clock.nextDeadline(),
    advanceTo: (t) => this.clock.advanceTo(t),
    get hasReadySlices() {
      return false
    },
    runSlice: () => this.kernel.scheduler.runSlice(),
  }

  constructor(options: ShellHarnessOptions = {}) {
    const scheduler = this.kernel.scheduler
    Object.defineProperty(this.world, 'hasReadySlices', { get: () => scheduler.hasReady })
    const programs: Record<string, Program> = { bash: bashProgram, sh: ashProgram, ...coreutils, ...options.programs }
    for (const dir of ['/bin', '/root', '/tmp', '/etc']) this.fs.mkdir(dir, { parents: true })
    for (const [name, program] of Object.entries(programs)) {
      this.registry.register(name, program)
      this.fs.attach(`/bin/${name}`, this.fs.newFile('', 0o755, name))
    }
    if (options.busybox) {
      this.registry.register('ash', ashProgram)
      this.fs.attach('/bin/sh', this.fs.newFile('', 0o755, 'ash'))
      this.fs.attach('/bin/busybox', this.fs.newFile('', 0o755, 'ash'))
    }
    this.sandbox = { net: {} as Sandbox['net'], fs: this.fs, uts: { hostname: options.hostname ?? 'docker-host' }, owner: 'host' }
    this.tty = this.kernel.openTty('test' as TtyId, { output: (d) => (this.screen += d), reading: () => {} })
  }

  /** Everything the terminal received, CRLF as LF. */
  get output(): string {
    return this.screen.replace(/\r\n/g, '\n')
  }

  /** Everything the terminal received, as sent (for a terminal emulator). */
  get rawOutput(): string {
    return this.screen
  }

  /** Terminal output since the last call. */
  take(): string {
    const out = this.output.slice(this.mark)
    this.mark = this.output.length
    return out
  }

  /**
   * Runs the simulation until `done()` or until nothing can happen within
   * `maxMs` of virtual time. A busy loop only gets `maxSlices` slices per
   * instant, so this returns even while one spins.
   */
  async runUntil(done: () => boolean, maxMs = 60_000, maxSlices = 200): Promise<boolean> {
    const limit = this.clock.now() + maxMs
    for (let rounds = 0; rounds < 100_000; rounds++) {
      await settle(this.world, turn, maxSlices)
      if (done()) return true
      if (this.kernel.scheduler.hasReady) return false
      const next = this.clock.nextDeadline()
      if (next === undefined || next > limit) return false
      this.clock.advanceTo(next)
    }
    return false
  }

  /** Advances virtual time by `ms`, running what is due. */
  async advance(ms: number, maxSlices = 200): Promise<void> {
    const target = this.clock.now() + ms
    await this.runUntil(() => false, ms, maxSlices)
    if (this.clock.now() < target) this.clock.advanceTo(target)
    await settle(this.world, turn, maxSlices)
  }

  /** Runs `shell -c script` non-interactively with its own stdout/stderr. */
  async run(script: string, options: { shell?: 'bash' | 'sh'; stdin?: string; maxMs?: number; cwd?: string } = {}): Promise<RunResult> {
    const stdout = new StringSink()
    const stderr = new StringSink()
    const proc = this.runner.spawn(undefined, [options.shell ?? 'bash', '-c', script], {
      sandbox: this.sandbox,
      env: { ...this.env },
      cwd: options.cwd ?? '/root',
      stdin: options.stdin !== undefined ? stringSource(options.stdin) : NULL_INPUT,
      stdout,
      stderr,
    })
    if (isExecFailure(proc)) throw new Error(`cannot start shell: ${proc.error}`)
    await this.runUntil(() => !proc.running, options.maxMs)
    return { stdout: stdout.text(), stderr: stderr.text(), status: proc.exitCode }
  }

  /** Starts an interactive shell on the terminal and waits for its first prompt. */
  async login(shell: 'bash' | 'sh' = 'bash', cwd = '/root', env: Record<string, string> = {}): Promise<Process> {
    const proc = this.runner.spawn(undefined, shell === 'bash' ? ['bash', '-l'] : ['sh'], { sandbox: this.sandbox, env: { ...this.env, ...env }, cwd, stdin: this.tty, stdout: this.tty, stderr: this.tty, tty: this.tty })
    if (isExecFailure(proc)) throw new Error(`cannot start shell: ${proc.error}`)
    this.shell = proc
    this.tty.foregroundPgid = proc.pgid
    await this.untilPrompt()
    return proc
  }

  /** Runs until the terminal is read from again (a prompt) or the shell exits. */
  untilPrompt(maxMs?: number, maxSlices?: number): Promise<boolean> {
    return this.runUntil(() => (this.tty.isReading && !this.kernel.scheduler.hasReady) || this.shell?.running === false, maxMs, maxSlices)
  }

  /** Types keys; Enter is "\r" as xterm sends it. */
  async keys(data: string, maxSlices = 200): Promise<void> {
    this.tty.input(data)
    await settle(this.world, turn, maxSlices)
  }

  /** Types a line and Enter, runs until the next prompt, returns what the terminal printed meanwhile. */
  async type(line: string, maxMs?: number): Promise<string> {
    this.take()
    this.tty.input(`${line}\r`)
    await this.untilPrompt(maxMs)
    return this.take()
  }
}
