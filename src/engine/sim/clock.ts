/**
 * Virtual clock with a timer queue. The engine never reads wall time: drivers
 * (the worker, tests, the CLI) move this clock with `advanceTo`, and look at
 * `nextDeadline` to know when something is due.
 */
export type Millis = number

export interface TimerHandle {
  readonly id: number
}

interface Timer {
  id: number
  at: Millis
  seq: number
  fire: () => void
}

export class VirtualClock {
  private current: Millis = 0
  private seq = 0
  private timers: Timer[] = [] // kept sorted by (at, seq)

  /** Milliseconds since the World was created. */
  now(): Millis {
    return this.current
  }

  /** Runs `fire` once `delay` ms from now (0 = at the next `advanceTo` of the current instant). */
  setTimer(delay: Millis, fire: () => void): TimerHandle {
    const timer: Timer = { id: ++this.seq, at: this.current + Math.max(0, delay), seq: this.seq, fire }
    // Binary search for the insertion point keeps equal deadlines in FIFO order.
    let lo = 0
    let hi = this.timers.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const t = this.timers[mid]!
      if (t.at < timer.at || (t.at === timer.at && t.seq < timer.seq)) lo = mid + 1
      else hi = mid
    }
    this.timers.splice(lo, 0, timer)
    return { id: timer.id }
  }

  cancel(handle: TimerHandle | undefined): void {
    if (!handle) return
    const i = this.timers.findIndex((t) => t.id === handle.id)
    if (i >= 0) this.timers.splice(i, 1)
  }

  /** Virtual time of the earliest pending timer, if any. */
  nextDeadline(): Millis | undefined {
    return this.timers[0]?.at
  }

  /**
   * Moves time forward to `t`, firing every timer due by then in deadline order.
   * Timers scheduled by a callback for a time ≤ t fire in the same call.
   */
  advanceTo(t: Millis): void {
    for (;;) {
      const next = this.timers[0]
      if (!next || next.at > t) break
      this.timers.shift()
      this.current = Math.max(this.current, next.at)
      next.fire()
    }
    this.current = Math.max(this.current, t)
  }
}
