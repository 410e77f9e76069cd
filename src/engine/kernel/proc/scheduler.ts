/**
 * Cooperative scheduling in slices. Processes that have been computing for a
 * while call `yield()`; the driver (worker, test harness, CLI) calls
 * `runSlice()` between turns of its own event loop, so a `while true` loop
 * shares the thread with keystrokes and ^C.
 */
export class Scheduler {
  private ready: (() => void)[] = []

  yield(): Promise<void> {
    return new Promise((resolve) => this.ready.push(resolve))
  }

  get hasReady(): boolean {
    return this.ready.length > 0
  }

  /** Resumes every process that yielded before this call. */
  runSlice(): void {
    const batch = this.ready
    this.ready = []
    for (const resume of batch) resume()
  }
}
