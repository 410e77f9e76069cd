/**
 * Packet trace state: the recent hops (for step mode and the hop list) and
 * the animation controls. A store of its own, apart from the records store,
 * because hops arrive often and only the packet layer and its controls care.
 * The animation itself reads hops through `onHops` (imperatively, per batch),
 * never through React state per frame.
 */
import { createStore } from 'zustand/vanilla'
import type { PacketHop } from '../protocol/trace'

/** Hops kept for stepping back through. */
export const KEPT_HOPS = 300

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const

export interface TraceState {
  readonly hops: readonly PacketHop[]
  readonly speed: number
  readonly paused: boolean
  /** Step mode: live animation stops; `cursor` picks the hop shown with its headers. */
  readonly stepping: boolean
  readonly cursor: number
  /** Show packets at all (off saves work during long demos of other things). */
  readonly enabled: boolean
  /** The latest drop, kept until dismissed or replaced, so a learner can read it. */
  readonly lastDrop?: PacketHop
}

export const initialTrace: TraceState = { hops: [], speed: 1, paused: false, stepping: false, cursor: -1, enabled: true }

export const traceStore = createStore<TraceState>()(() => initialTrace)

/** Folds a batch into the state (pure). While stepping, the cursor stays on its hop. */
export function addHops(state: TraceState, batch: readonly PacketHop[]): TraceState {
  if (batch.length === 0) return state
  const all = [...state.hops, ...batch]
  const hops = all.length > KEPT_HOPS ? all.slice(-KEPT_HOPS) : all
  const shift = all.length - hops.length
  const drop = [...batch].reverse().find((h) => h.drop !== undefined)
  return { ...state, hops, cursor: state.stepping ? Math.max(0, state.cursor - shift) : hops.length - 1, ...(drop ? { lastDrop: drop } : {}) }
}

type Listener = (batch: readonly PacketHop[]) => void
const listeners = new Set<Listener>()

/** The engine client calls this for each `packet.trace`. */
export function receiveHops(batch: readonly PacketHop[]): void {
  if (!traceStore.getState().enabled) return
  traceStore.setState((s) => addHops(s, batch))
  for (const l of listeners) l(batch)
}

/** The packet layer subscribes here to animate each batch as it comes. */
export function onHops(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function setSpeed(speed: number): void {
  traceStore.setState({ speed })
}
export function setPaused(paused: boolean): void {
  traceStore.setState({ paused })
}
export function setPacketsEnabled(enabled: boolean): void {
  traceStore.setState({ enabled })
}
export function setStepping(stepping: boolean): void {
  traceStore.setState((s) => ({ stepping, cursor: stepping ? (s.cursor >= 0 ? s.cursor : s.hops.length - 1) : s.hops.length - 1 }))
}
/** Moves the step cursor by `delta` hops (entering step mode). */
export function step(delta: number): void {
  traceStore.setState((s) => ({ stepping: true, cursor: Math.min(s.hops.length - 1, Math.max(0, (s.stepping ? s.cursor : s.hops.length - 1) + delta)) }))
}
export function dismissDrop(): void {
  traceStore.setState({ lastDrop: undefined })
}
export function clearTrace(): void {
  traceStore.setState({ hops: [], cursor: -1, lastDrop: undefined })
}
