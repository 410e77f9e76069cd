/**
 * The interpreter: walks the syntax tree on the process model. Builtins and
 * compound commands run inside the shell's own process; external commands,
 * pipeline stages, `( … )` and background jobs run as child processes, so
 * output streams through pipes as it is produced and a signal reaches the
 * right process group (DESIGN.md, "Processes and terminals").
 */
import { Interrupted, Terminated } from '../kernel/proc/errors'
import { StringSink } from '../kernel/proc/streams'
import type { Process } from '../kernel/proc/process'
import type { ProgramContext } from './runtime'
import type { CaseClause, Command, ForClause, IfClause, List, LoopClause } from './ast'
import { BreakSignal, CommandInterrupt, ContinueSignal, ShellExit } from './control'
import { expandPattern, expandString, expandWords, type ExpansionContext } from './expand'
import type { ShellApi, ShellConfig, ShellMode } from './api'
import { BUILTINS } from './builtins'
import { matchPattern } from './glob'
import { Fds } from './io'
import { ShellState } from './state'
import { applyRedirects, runCommand, runSimple } from './simple'
import { runAsync, runPipeline, runSubshell } from './jobs'
import { runPendingTraps } from './traps'

/** A busy loop gives up the thread this often, so ^C and other processes get through. */
const YIELD_EVERY = 200

export type { ShellConfig, ShellMode }

export class Shell implements ShellApi {
  private interruptedFlag = false
  currentLine = 0
  loopDepth = 0
  /** Inside an `if`/`while` condition or a non-final `&&`/`||` operand: `set -e` does not apply. */
  conditionDepth = 0
  /** Exit status of the last command substitution (the status of `x=$(false)`). */
  substStatus = 0
  private steps = 0

  constructor(
    readonly ctx: ProgramContext,
    readonly state: ShellState,
    readonly fds: Fds,
    readonly config: ShellConfig,
    /** The shell whose ^C flag this one obeys (itself, or the parent of an in-process `$(…)`). */
    private readonly root?: Shell,
  ) {}

  /** ^C arrived (interactive shells): unwind to the prompt at the next step. Shared with in-process `$(…)`. */
  get interrupted(): boolean {
    return this.root ? this.root.interrupted : this.interruptedFlag
  }
  set interrupted(value: boolean) {
    if (this.root) this.root.interrupted = value
    else this.interruptedFlag = value
  }

  /** Depth of `.`/`source` (where `return` is allowed outside a function). */
  sourceDepth = 0

  get proc(): Process {
    return this.ctx.proc
  }

  get interactive(): boolean {
    return this.config.mode === 'interactive'
  }

  /** Prints "bash: [line N: ]message" on stderr. */
  error(message: string, fds: Fds = this.fds): void {
    fds.output(2).write(`${this.config.flavor.prefix(this.config.name, this.config.messageMode ?? this.config.mode, this.currentLine)}${message}\n`)
  }

  /** A copy of this shell's environment for a subshell running in `ctx` (fork) or in-process. */
  subshell(fds: Fds, ctx: ProgramContext = this.ctx): Shell {
    const config = { ...this.config, messageMode: this.config.messageMode ?? this.config.mode, mode: this.config.mode === 'interactive' ? ('command' as const) : this.config.mode, jobControl: false }
    const sub = new Shell(ctx, this.state.clone(), fds, config, ctx === this.ctx ? (this.root ?? this) : undefined)
    sub.currentLine = this.currentLine
    return sub
  }

  runCommand(argv: string[], assigns: [string, string][], fds: Fds, skipFunctions = false): Promise<number> {
    return runCommand(this, argv, assigns, fds, skipFunctions)
  }

  isBuiltin(name: string): boolean {
    return BUILTINS[name] !== undefined
  }

  /** Called at every step: honours signals and yields now and then. */
  async tick(): Promise<void> {
    if (this.proc.killedBy) throw new Terminated(this.proc.killedBy)
    if (this.interrupted) throw new CommandInterrupt()
    if (this.state.pendingTraps.length > 0) await runPendingTraps(this)
    if (++this.steps % YIELD_EVERY === 0) await this.guard(this.proc.yield())
  }

  /** Awaits a kernel wait; a handled signal (the interactive shell's ^C) becomes a CommandInterrupt. */
  async guard<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise
    } catch (e) {
      if (e instanceof Interrupted) {
        this.interrupted = true
        throw new CommandInterrupt()
      }
      throw e
    }
  }

  expansion(fds: Fds): ExpansionContext {
    const state = this.state
    return {
      param: (name) => this.param(name),
      positional: () => state.positional,
      assign: (name, value) => {
        if (!state.set(name, value)) this.error(`${name}: readonly variable`, fds)
      },
      substitute: (body) => this.substitute(body, fds),
      fs: this.proc.sandbox.fs,
      cwd: state.cwd,
      noglob: state.options.noglob,
      nounset: state.options.nounset,
    }
  }

  param(name: string): string | undefined {
    const s = this.state
    if (/^[0-9]+$/.test(name)) return name === '0' ? s.arg0 : s.positional[Number(name) - 1]
    switch (name) {
      case '?':
        return String(s.lastStatus)
      case '#':
        return String(s.positional.length)
      case '$':
        return String(s.pid || this.proc.pid)
      case '!':
        return s.lastBackground === undefined ? '' : String(s.lastBackground)
      case '-':
        return (s.options.errexit ? 'e' : '') + (s.options.noglob ? 'f' : '') + (this.interactive ? 'i' : '') + (s.options.nounset ? 'u' : '') + (s.options.xtrace ? 'x' : '')
      case 'LINENO':
        return String(this.currentLine)
      case 'RANDOM':
        return String(this.ctx.kernel.random.int(32768))
    }
    return s.get(name)
  }

  async substitute(body: List, fds: Fds): Promise<string> {
    const sink = new StringSink()
    const sub = this.subshell(fds.with(1, sink))
    let status: number
    try {
      status = await sub.runList(body, sub.fds)
    } catch (e) {
      if (!(e instanceof ShellExit)) throw e
      status = e.status
    }
    this.substStatus = status
    return sink.text()
  }

  async runList(list: List, fds: Fds): Promise<number> {
    let status = this.state.lastStatus
    for (const item of list.items) {
      if (item.async) status = await runAsync(this, item.node, fds)
      else status = await this.run(item.node, fds)
      this.state.lastStatus = status
    }
    return status
  }

  /** Runs one command and records its status in $?. */
  async run(cmd: Command, fds: Fds): Promise<number> {
    await this.tick()
    const status = await this.dispatch(cmd, fds)
    this.state.lastStatus = status
    return status
  }

  /** `set -e`: a failing command outside a condition ends the shell. */
  checkErrexit(status: number): void {
    if (status !== 0 && this.state.options.errexit && this.conditionDepth === 0) throw new ShellExit(status)
  }

  async asCondition(f: () => Promise<number>): Promise<number> {
    this.conditionDepth++
    try {
      return await f()
    } finally {
      this.conditionDepth--
    }
  }

  private async dispatch(cmd: Command, fds: Fds): Promise<number> {
    switch (cmd.kind) {
      case 'simple':
        return runSimple(this, cmd, fds)
      case 'pipeline':
        return runPipeline(this, cmd, fds)
      case 'andor': {
        let status = await this.asCondition(() => this.run(cmd.first, fds))
        for (let i = 0; i < cmd.rest.length; i++) {
          const { op, node } = cmd.rest[i]!
          if ((op === '&&') !== (status === 0)) continue
          const last = i === cmd.rest.length - 1
          status = last ? await this.run(node, fds) : await this.asCondition(() => this.run(node, fds))
        }
        return status
      }
      case 'list':
        return this.runList(cmd, fds)
      case 'if':
        return this.runIf(cmd, fds)
      case 'for':
        return this.runFor(cmd, fds)
      case 'while':
      case 'until':
        return this.runLoop(cmd, fds)
      case 'case':
        return this.runCase(cmd, fds)
      case 'group':
        return this.runList(cmd.body, fds)
      case 'subshell':
        return runSubshell(this, cmd.body, fds)
      case 'function':
        this.state.functions.set(cmd.name, cmd.body)
        return 0
      case 'redirected': {
        const redirected = await applyRedirects(this, cmd.redirs, fds)
        if (!redirected) return 1
        return this.run(cmd.body, redirected)
      }
    }
  }

  private async runIf(cmd: IfClause, fds: Fds): Promise<number> {
    for (const clause of cmd.clauses) {
      if ((await this.asCondition(() => this.runList(clause.cond, fds))) === 0) return this.runList(clause.body, fds)
    }
    return cmd.otherwise ? this.runList(cmd.otherwise, fds) : 0
  }

  /** Runs a loop body; returns 'break' or 'continue' when one reached this loop. */
  private async loopBody(body: List, fds: Fds): Promise<number | 'break'> {
    try {
      return await this.runList(body, fds)
    } catch (e) {
      if (e instanceof BreakSignal) {
        if (--e.levels > 0) throw e
        return 'break'
      }
      if (e instanceof ContinueSignal) {
        if (--e.levels > 0) throw e
        return this.state.lastStatus
      }
      throw e
    }
  }

  private async runFor(cmd: ForClause, fds: Fds): Promise<number> {
    const items = cmd.items ? await expandWords(cmd.items, this.expansion(fds)) : [...this.state.positional]
    let status = 0
    this.loopDepth++
    try {
      for (const item of items) {
        await this.tick()
        if (!this.state.set(cmd.name, item)) {
          this.error(`${cmd.name}: readonly variable`, fds)
          return 1
        }
        const r = await this.loopBody(cmd.body, fds)
        if (r === 'break') break
        status = r
      }
    } finally {
      this.loopDepth--
    }
    return status
  }

  private async runLoop(cmd: LoopClause, fds: Fds): Promise<number> {
    let status = 0
    this.loopDepth++
    try {
      for (;;) {
        await this.tick()
        const cond = await this.asCondition(() => this.runList(cmd.cond, fds))
        if ((cond === 0) !== (cmd.kind === 'while')) break
        const r = await this.loopBody(cmd.body, fds)
        if (r === 'break') break
        status = r
      }
    } finally {
      this.loopDepth--
    }
    return status
  }

  private async runCase(cmd: CaseClause, fds: Fds): Promise<number> {
    const ctx = this.expansion(fds)
    const subject = await expandString(cmd.word, ctx)
    for (const arm of cmd.arms) {
      for (const p of arm.patterns) {
        if (matchPattern(await expandPattern(p, ctx), subject)) return this.runList(arm.body, fds)
      }
    }
    return 0
  }
}

export { Fds, ShellState }
