import { describe, expect, it } from 'vitest'
import type { ToEngine } from '../protocol/messages'
import type { World } from '../engine/world'
import { createPump } from './pump'

/** A world with one timer queue, enough to see how the pump maps and waits. */
function fakeWorld() {
  let now = 0
  const deadlines: number[] = []
  const handled: ToEngine[] = []
  let flushes = 0
  const world = {
    now: () => now,
    nextDeadline: () => deadlines[0],
    advanceTo: (t: number) => {
      while (deadlines.length && deadlines[0]! <= t) deadlines.shift()
      now = t
    },
    hasReadySlices: false,
    runSlice: () => {},
    handle: (m: ToEngine) => handled.push(m),
    flush: () => void flushes++,
    records: () => [],
    isReading: () => false,
  } satisfies World
  return { world, deadlines, handled, flushes: () => flushes }
}

describe('pump', () => {
  it('sleeps until the next deadline in wall time, scaled by the rate, and wakes on a message', async () => {
    const { world, deadlines, handled } = fakeWorld()
    deadlines.push(1000)
    let wall = 0
    const timers: { ms: number; fire: () => void }[] = []
    const pump = createPump({
      world,
      wallNow: () => wall,
      turn: () => Promise.resolve(),
      setTimer: (fire, ms) => timers.push({ ms, fire }),
      clearTimer: () => {},
    })
    void pump.run()
    await new Promise((r) => setTimeout(r, 0))
    expect(timers.map((t) => t.ms)).toEqual([1000]) // no busy loop: one timer for the deadline

    pump.receive({ type: 'clock.rate', rate: 4 })
    await new Promise((r) => setTimeout(r, 0))
    expect(timers.at(-1)!.ms).toBe(250) // 1000 virtual ms at 4× = 250 wall ms

    wall = 250
    timers.at(-1)!.fire()
    await new Promise((r) => setTimeout(r, 0))
    expect(world.now()).toBe(1000)

    pump.receive({ type: 'terminal.input', terminal: 'host', data: 'x' })
    expect(handled).toEqual([{ type: 'terminal.input', terminal: 'host', data: 'x' }])
    pump.stop()
  })
})
