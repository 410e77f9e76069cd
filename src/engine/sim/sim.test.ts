import { describe, expect, it } from 'vitest'
import { VirtualClock } from './clock'
import { Prng } from './random'

describe('VirtualClock', () => {
  it('fires timers in deadline order, FIFO among equals, and moves now to each deadline', () => {
    const clock = new VirtualClock()
    const fired: string[] = []
    clock.setTimer(20, () => fired.push(`b@${clock.now()}`))
    clock.setTimer(10, () => fired.push(`a@${clock.now()}`))
    clock.setTimer(20, () => fired.push(`c@${clock.now()}`))
    expect(clock.nextDeadline()).toBe(10)
    clock.advanceTo(15)
    expect(fired).toEqual(['a@10'])
    expect(clock.now()).toBe(15)
    clock.advanceTo(100)
    expect(fired).toEqual(['a@10', 'b@20', 'c@20'])
    expect(clock.nextDeadline()).toBeUndefined()
  })

  it('runs timers a callback schedules within the same advance, and cancels', () => {
    const clock = new VirtualClock()
    const fired: number[] = []
    const dropped = clock.setTimer(5, () => fired.push(-1))
    clock.setTimer(1, () => clock.setTimer(1, () => fired.push(clock.now())))
    clock.cancel(dropped)
    clock.advanceTo(10)
    expect(fired).toEqual([2])
  })

  it('never moves backwards', () => {
    const clock = new VirtualClock()
    clock.advanceTo(50)
    clock.advanceTo(10)
    expect(clock.now()).toBe(50)
  })
})

describe('Prng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = new Prng(42)
    const b = new Prng(42)
    const c = new Prng(43)
    const seq = (p: Prng) => Array.from({ length: 5 }, () => p.hex(8))
    const first = seq(a)
    expect(seq(b)).toEqual(first)
    expect(seq(c)).not.toEqual(first)
    expect(first.every((h) => /^[0-9a-f]{8}$/.test(h))).toBe(true)
  })

  it('keeps int() within range', () => {
    const p = new Prng(1)
    const seen = new Set<number>()
    for (let i = 0; i < 1000; i++) {
      const n = p.int(7)
      expect(n).toBeGreaterThanOrEqual(0)
      expect(n).toBeLessThan(7)
      seen.add(n)
    }
    expect(seen.size).toBe(7)
  })
})
