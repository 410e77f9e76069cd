/**
 * Everything a subshell copies from its parent (XCU 2.12, "Shell Execution
 * Environment"): variables with their export flags, positional parameters,
 * functions, aliases, options, the working directory and the last status.
 * `clone()` is what `( … )`, pipeline stages and `$(…)` get.
 */
import type { Command } from './ast'

export interface Variable {
  value: string
  exported: boolean
  readonly?: boolean
}

export interface ShellOptions {
  errexit: boolean // set -e
  xtrace: boolean // set -x
  noglob: boolean // set -f
  nounset: boolean // set -u
  pipefail: boolean // set -o pipefail
  /** bash: interactive shells and `shopt -s expand_aliases`; ash: always. */
  expandAliases: boolean
}

export interface Job {
  id: number
  pids: number[]
  /** The command text as `jobs` prints it. */
  text: string
  exited: Promise<number>
  status?: number
}

export class ShellState {
  vars = new Map<string, Variable>()
  functions = new Map<string, Command>()
  aliases = new Map<string, string>()
  options: ShellOptions = { errexit: false, xtrace: false, noglob: false, nounset: false, pipefail: false, expandAliases: false }
  positional: string[] = []
  /** $0 */
  arg0 = 'sh'
  cwd = '/'
  lastStatus = 0
  /** $$: the pid of the shell itself, unchanged in subshells. */
  pid = 0
  lastBackground: number | undefined
  /** Saved values for `local`, one frame per function call (bash's dynamic scoping). */
  localFrames: Map<string, Variable | undefined>[] = []
  jobs: Job[] = []
  history: string[] = []
  /** trap actions by signal name without SIG (EXIT, INT, TERM …). */
  traps = new Map<string, string>()
  /** Trapped signals that arrived and whose actions have not run yet. */
  pendingTraps: string[] = []

  static fromEnv(env: Record<string, string>, cwd: string): ShellState {
    const s = new ShellState()
    for (const [k, v] of Object.entries(env)) s.vars.set(k, { value: v, exported: true })
    s.cwd = cwd
    return s
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value
  }

  /** Assigns; returns false for a readonly variable. */
  set(name: string, value: string, exported?: boolean): boolean {
    const v = this.vars.get(name)
    if (v?.readonly) return false
    this.vars.set(name, { value, exported: exported ?? v?.exported ?? false, ...(v?.readonly ? { readonly: true } : {}) })
    return true
  }

  unset(name: string): boolean {
    if (this.vars.get(name)?.readonly) return false
    this.vars.delete(name)
    return true
  }

  /** Declares a function-local variable (bash `local`): its old value comes back on return. */
  makeLocal(name: string): void {
    const frame = this.localFrames.at(-1)
    if (!frame || frame.has(name)) return
    const old = this.vars.get(name)
    frame.set(name, old ? { ...old } : undefined)
  }

  popLocals(): void {
    const frame = this.localFrames.pop()
    if (!frame) return
    for (const [name, old] of frame) {
      if (old) this.vars.set(name, old)
      else this.vars.delete(name)
    }
  }

  /** The environment passed to a child (exported variables). */
  environ(): Record<string, string> {
    const env: Record<string, string> = {}
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value
    return env
  }

  clone(): ShellState {
    const s = new ShellState()
    for (const [k, v] of this.vars) s.vars.set(k, { ...v })
    s.functions = new Map(this.functions)
    s.aliases = new Map(this.aliases)
    s.options = { ...this.options }
    s.positional = [...this.positional]
    s.arg0 = this.arg0
    s.cwd = this.cwd
    s.lastStatus = this.lastStatus
    s.pid = this.pid
    s.lastBackground = this.lastBackground
    s.history = this.history
    // Traps are reset in a subshell, except that ignored signals stay ignored (XCU 2.12).
    for (const [k, v] of this.traps) if (v === '') s.traps.set(k, v)
    return s
  }
}
