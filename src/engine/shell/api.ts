/**
 * The interpreter as its parts see it. simple.ts, jobs.ts and the builtins
 * are written against this interface rather than the Shell class, so the
 * modules form no import cycle (interpreter.ts → simple.ts → api.ts).
 */
import type { Process } from '../kernel/proc/process'
import type { Command, List } from './ast'
import type { ExpansionContext } from './expand'
import type { Flavor } from './flavor'
import type { Fds } from './io'
import type { ProgramContext } from './runtime'
import type { ShellState } from './state'

export type ShellMode = 'interactive' | 'command' | 'script'

export interface ShellConfig {
  readonly flavor: Flavor
  /** Name used in messages: "bash", "sh", or the script's path. */
  readonly name: string
  readonly mode: ShellMode
  /**
   * The mode messages are written in. bash keeps `interactive_shell` set in the
   * subshells of an interactive shell (pipeline stages, `( )`), so `foo | cat` at
   * the prompt says `bash: foo: command not found`, without `line 1:`.
   */
  readonly messageMode?: ShellMode
  /** Top-level interactive shell: foreground jobs get their own process group and the terminal. */
  readonly jobControl: boolean
}

export interface ShellApi {
  readonly ctx: ProgramContext
  readonly state: ShellState
  readonly fds: Fds
  readonly config: ShellConfig
  readonly proc: Process
  readonly interactive: boolean
  interrupted: boolean
  currentLine: number
  loopDepth: number
  sourceDepth: number
  substStatus: number
  error(message: string, fds?: Fds): void
  subshell(fds: Fds, ctx?: ProgramContext): ShellApi
  tick(): Promise<void>
  guard<T>(promise: Promise<T>): Promise<T>
  expansion(fds: Fds): ExpansionContext
  run(cmd: Command, fds: Fds): Promise<number>
  runList(list: List, fds: Fds): Promise<number>
  asCondition(f: () => Promise<number>): Promise<number>
  checkErrexit(status: number): void
  /** Runs argv as a function, builtin or external command (`command` skips functions). */
  runCommand(argv: string[], assigns: [string, string][], fds: Fds, skipFunctions?: boolean): Promise<number>
  isBuiltin(name: string): boolean
}

export type Builtin = (sh: ShellApi, argv: string[], fds: Fds) => Promise<number> | number
