/** Messages between the UI and the engine. Discriminated by `type`; never built from strings at run time. */
import type { RecordsDiff } from './diff'
import type { WorldRecord } from './records'
import type { PacketHop } from './trace'

export type ToEngine =
  /** Keys typed (or pasted) into a terminal, as xterm's onData gives them. */
  | { readonly type: 'terminal.input'; readonly terminal: string; readonly data: string }
  | { readonly type: 'terminal.resize'; readonly terminal: string; readonly cols: number; readonly rows: number }
  /** Opens a terminal running a shell inside a container (`docker exec -it <c> sh`). */
  | { readonly type: 'terminal.open'; readonly terminal: string; readonly container: string }
  | { readonly type: 'terminal.close'; readonly terminal: string }
  /** Clock control: real time, paused, or faster than real time. */
  | { readonly type: 'clock.rate'; readonly rate: number }
  /**
   * Replays a scenario (already validated by src/share) into a fresh World with its seed. Only
   * honoured as the first message of a worker started to wait for it (src/worker/main.ts).
   */
  | { readonly type: 'scenario.load'; readonly seed: number; readonly steps: readonly ScenarioStep[] }
  /** While a scenario replays: wall milliseconds to wait between steps (0 = as fast as possible). */
  | { readonly type: 'scenario.pace'; readonly stepMs: number }

export type FromEngine =
  | { readonly type: 'world.snapshot'; readonly records: readonly WorldRecord[] }
  | { readonly type: 'world.diff'; readonly diff: RecordsDiff }
  | { readonly type: 'terminal.output'; readonly terminal: string; readonly data: string }
  /** Frames that crossed a link since the last flush, in order (the graph animates them). */
  | { readonly type: 'packet.trace'; readonly hops: readonly PacketHop[] }
  /** One live input the engine handled, stamped with virtual time: the scenario recorder's source. */
  | { readonly type: 'scenario.step'; readonly step: ScenarioStep }
  /** Replay progress of a `scenario.load`: `done` of `total` steps; `done === total` when ready. */
  | { readonly type: 'scenario.progress'; readonly done: number; readonly total: number }

/**
 * One recorded input of a scenario (DESIGN.md "Sharing and persistence"). `at` is virtual
 * milliseconds after the previous step; absent, the replay waits (as the headless runner does)
 * until the previous step's terminal reads input again. Exactly one of `input`, `open`, `close`,
 * `cols` (with `rows`) says what the step does.
 */
export interface ScenarioStep {
  readonly terminal: string
  readonly at?: number
  /** Keys typed into the terminal. */
  readonly input?: string
  /** Opens the terminal as a shell in this container (its id or name). */
  readonly open?: string
  readonly close?: true
  readonly cols?: number
  readonly rows?: number
}

/** The host's terminal always exists and has this id. */
export const HOST_TERMINAL = 'host'
