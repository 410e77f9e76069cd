/**
 * Drives a World forward: runs ready process slices and due timers until
 * nothing more can happen before a target virtual time. The engine has no
 * ambient time, so the caller supplies `turn`, a promise that resolves after
 * one turn of its own event loop (setImmediate in Node, a MessageChannel
 * post in the worker): by then every microtask of the engine has run.
 */
import type { Millis } from './sim/clock'

export interface Drivable {
  now(): Millis
  nextDeadline(): Millis | undefined
  advanceTo(t: Millis): void
  readonly hasReadySlices: boolean
  runSlice(): void
}

export type Turn = () => Promise<void>

/**
 * Lets everything that can happen at the current instant happen: microtasks,
 * then yielded slices, until quiet. `maxSlices` bounds a busy loop, so the
 * caller gets control back (to deliver ^C) even while a program spins.
 */
export async function settle(world: Drivable, turn: Turn, maxSlices = Infinity): Promise<boolean> {
  await turn()
  for (let i = 0; world.hasReadySlices && i < maxSlices; i++) {
    world.runSlice()
    await turn()
  }
  return !world.hasReadySlices
}

/** Runs until virtual time `target`, firing each due timer at its own instant. */
export async function runUntil(world: Drivable, target: Millis, turn: Turn, maxSlices = Infinity): Promise<void> {
  await settle(world, turn, maxSlices)
  for (let deadline = world.nextDeadline(); deadline !== undefined && deadline <= target; deadline = world.nextDeadline()) {
    world.advanceTo(deadline)
    await settle(world, turn, maxSlices)
  }
  if (world.now() < target) world.advanceTo(target)
  await settle(world, turn, maxSlices)
}
