/**
 * Replays a scenario's steps into a fresh World (DESIGN.md "Sharing and persistence"). The
 * engine is deterministic, so a step stamped with `at` (virtual ms after the previous step, as
 * the worker recorded it live) is delivered at exactly that instant and the World ends up byte
 * for byte where the original did. A step without `at` (a hand-written lesson, a v1 link) waits
 * instead, as the headless runner does, until the previous step's terminal reads input again
 * (at most MAX_WAIT_MS of virtual time).
 *
 * Also the live recorder: `createRecorder` stamps each input the worker handles.
 */
import type { ScenarioStep, ToEngine } from '../protocol/messages'
import { runUntil, settle, type Turn } from '../engine/driver'
import type { World } from '../engine/world'

export const MAX_WAIT_MS = 60_000
/**
 * Slices per settle. A program that never blocks (`while :; do :; done` from a hostile link) must
 * not hang the replay: past this many slices at one instant, virtual time moves on, as it does
 * live (the pump yields every 50 slices). Ordinary commands settle in far fewer.
 */
export const MAX_SLICES = 2_000

/** Runs deadlines one at a time until `terminal` is read from, or `maxMs` of virtual time pass. */
export async function untilReading(world: World, terminal: string, turn: Turn, maxMs = MAX_WAIT_MS): Promise<boolean> {
  const limit = world.now() + maxMs
  await settle(world, turn, MAX_SLICES)
  while (!world.isReading(terminal)) {
    const next = world.nextDeadline()
    if (next === undefined || next > limit) {
      await runUntil(world, limit, turn, MAX_SLICES)
      break
    }
    await runUntil(world, next, turn, MAX_SLICES)
  }
  return world.isReading(terminal)
}

/** The engine message a step stands for. */
export function stepMessage(step: ScenarioStep): ToEngine {
  if (step.open !== undefined) return { type: 'terminal.open', terminal: step.terminal, container: step.open }
  if (step.close) return { type: 'terminal.close', terminal: step.terminal }
  if (step.cols !== undefined && step.rows !== undefined) return { type: 'terminal.resize', terminal: step.terminal, cols: step.cols, rows: step.rows }
  return { type: 'terminal.input', terminal: step.terminal, data: step.input ?? '' }
}

export interface ReplayOptions {
  turn: Turn
  /** Called after each step (and once at the start) with the number of steps done. */
  onProgress?: (done: number, total: number) => void
  /** Replays only the first `limit` steps (time travel). */
  limit?: number
  /** Virtual time the first step's `at` counts from (the World's start: 0). */
  since?: number
  /** Awaited between steps (the worker's step-by-step pace); virtual time does not move meanwhile. */
  between?: () => Promise<void>
}

/** Replays `steps` into `world`; returns the virtual time of the last delivered step. */
export async function replaySteps(world: World, steps: readonly ScenarioStep[], options: ReplayOptions): Promise<number> {
  const total = Math.min(steps.length, options.limit ?? steps.length)
  let last = options.since ?? world.now()
  let previous: string | undefined
  options.onProgress?.(0, total)
  for (let i = 0; i < total; i++) {
    const step = steps[i]!
    if (step.at !== undefined) await runUntil(world, last + step.at, options.turn, MAX_SLICES)
    else if (previous !== undefined) await untilReading(world, previous, options.turn)
    last = world.now()
    world.handle(stepMessage(step))
    if (step.input !== undefined) previous = step.terminal
    world.flush()
    options.onProgress?.(i + 1, total)
    if (options.between && i + 1 < total) await options.between()
  }
  await settle(world, options.turn, MAX_SLICES)
  world.flush()
  return last
}

/**
 * Stamps live input with virtual time. `since` is the virtual time of the previous step (the end
 * of a replay, or the World's start). Resizes repeating a terminal's size are not steps.
 */
export function createRecorder(world: World, since: number): (message: ToEngine) => ScenarioStep | undefined {
  let last = since
  const sizes = new Map<string, string>()
  return (message) => {
    let step: ScenarioStep
    const at = Math.max(0, world.now() - last)
    if (message.type === 'terminal.input') step = { terminal: message.terminal, at, input: message.data }
    else if (message.type === 'terminal.open') step = { terminal: message.terminal, at, open: message.container }
    else if (message.type === 'terminal.close') step = { terminal: message.terminal, at, close: true }
    else if (message.type === 'terminal.resize') {
      const size = `${message.cols}x${message.rows}`
      if (sizes.get(message.terminal) === size) return undefined
      sizes.set(message.terminal, size)
      step = { terminal: message.terminal, at, cols: message.cols, rows: message.rows }
    } else return undefined
    last = world.now()
    return step
  }
}
