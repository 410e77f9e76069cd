/**
 * Pumps a World in real time. Virtual time follows wall time times `rate`
 * (1 = real time, 0 = paused, 10 = ten times faster); the pump runs the world
 * up to "now", flushes its record diff, then sleeps until the world's next
 * deadline (mapped back to wall time) or the next incoming message, whichever
 * comes first. No polling: an idle world costs no CPU.
 *
 * Wall time and timers are injected, so this file is testable in Node; only
 * src/worker/main.ts touches the real ones.
 */
import type { ToEngine } from '../protocol/messages'
import { runUntil, type Turn } from '../engine/driver'
import type { World } from '../engine/world'

export interface PumpOptions {
  world: World
  /** Wall clock in ms (performance.now in the worker). */
  wallNow: () => number
  /** One macrotask turn of the event loop (a MessageChannel round trip in the worker). */
  turn: Turn
  setTimer: (fire: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
  /** Slices per settle before the pump yields to let messages (^C) in. */
  maxSlices?: number
}

export interface Pump {
  /** Handles one message from the UI and wakes the loop so its effect shows at once. */
  receive(message: ToEngine): void
  /** Starts the loop; resolves only if `stop` is called. */
  run(): Promise<void>
  stop(): void
  readonly rate: number
}

export function createPump(options: PumpOptions): Pump {
  const { world, wallNow, turn, setTimer, clearTimer } = options
  const maxSlices = options.maxSlices ?? 50
  // Virtual time = baseVirtual + (wall - baseWall) * rate; rebased on every rate change.
  let rate = 1
  let baseWall = wallNow()
  let baseVirtual = world.now()
  let dirty = false // a message arrived since the loop last looked
  let stopped = false
  let wake: (() => void) | undefined

  // Whole milliseconds: input then lands at an integer virtual time, which keeps the recorded
  // scenario's `at` stamps short (src/worker/replay.ts) and its replay exact.
  const target = (): number => Math.max(world.now(), Math.floor(baseVirtual + (wallNow() - baseWall) * rate))

  const sleep = (): Promise<void> =>
    new Promise<void>((resolve) => {
      let timer: unknown
      wake = () => {
        wake = undefined
        if (timer !== undefined) clearTimer(timer)
        resolve()
      }
      const deadline = world.nextDeadline()
      if (deadline !== undefined && rate > 0) {
        // Round up: waking a hair early would only cost one more empty pass.
        const ms = Math.max(0, Math.ceil((deadline - target()) / rate))
        timer = setTimer(() => wake?.(), ms)
      }
    })

  return {
    get rate() {
      return rate
    },
    receive(message) {
      if (message.type === 'clock.rate') {
        baseVirtual = target()
        baseWall = wallNow()
        rate = Math.max(0, message.rate)
      } else {
        world.handle(message)
      }
      dirty = true
      wake?.()
    },
    async run() {
      while (!stopped) {
        dirty = false
        await runUntil(world, target(), turn, maxSlices)
        world.flush()
        // Busy (a program still has slices to run) or a message came in while running: go again.
        if (world.hasReadySlices || dirty) continue
        await sleep()
      }
    },
    stop() {
      stopped = true
      wake?.()
    },
  }
}
