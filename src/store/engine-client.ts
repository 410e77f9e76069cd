/**
 * The engine client: the UI's one connection to the engine. It routes
 * `terminal.output` straight to the writer each terminal registers (xterm's
 * `write`), never through React state, and folds record messages into the
 * store.
 *
 * Where the Worker is created: DESIGN.md wants the single
 * `new Worker(new URL('../worker/main.ts', …))` in "the engine client", but
 * its dependency table lets only ui/ (not store/) reference worker/. So the
 * client is split: this file takes any EnginePort (the in-memory one in
 * tests), and src/ui/engine-worker.ts makes the Worker port and hands it to
 * `connectEngine`. That file holds the only reference to the worker.
 */
import type { EnginePort } from '../protocol/port'
import type { FromEngine, ToEngine } from '../protocol/messages'
import { applyEngineEvent, store } from './store'
import { receiveHops } from './trace'

export type TerminalWriter = (data: string) => void

/** Output kept for a terminal with no writer yet; beyond this, the oldest is dropped. */
const MAX_PENDING_CHARS = 1 << 20

let port: EnginePort | undefined
let unsubscribe: (() => void) | undefined
const outbox: ToEngine[] = [] // messages posted before a port is connected
const writers = new Map<string, TerminalWriter>()
const pending = new Map<string, string>()
let nextTerminal = 1

const listeners = new Set<(message: FromEngine) => void>()

/** Sees every engine message (the scenario recorder, replay progress, lesson typing). Returns the unsubscribe function. */
export function addEngineListener(listener: (message: FromEngine) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function receive(message: FromEngine): void {
  for (const l of listeners) l(message)
  if (message.type === 'terminal.output') {
    const write = writers.get(message.terminal)
    if (write) write(message.data)
    else {
      const kept = (pending.get(message.terminal) ?? '') + message.data
      pending.set(message.terminal, kept.length > MAX_PENDING_CHARS ? kept.slice(-MAX_PENDING_CHARS) : kept)
    }
    return
  }
  if (message.type === 'packet.trace') {
    receiveHops(message.hops)
    return
  }
  store.setState((state) => applyEngineEvent(state, message))
}

/** Connects the store to an engine; returns the disconnect function. */
export function connectEngine(enginePort: EnginePort): () => void {
  unsubscribe?.()
  port = enginePort
  unsubscribe = enginePort.subscribe(receive)
  for (const m of outbox.splice(0)) enginePort.post(m)
  return () => {
    unsubscribe?.()
    unsubscribe = undefined
    port = undefined
  }
}

export function postToEngine(message: ToEngine): void {
  if (port) port.post(message)
  else outbox.push(message)
}

/**
 * Registers where a terminal's output goes; output that arrived earlier is
 * written at once. Returns the unregister function.
 */
export function registerTerminalWriter(terminal: string, write: TerminalWriter): () => void {
  writers.set(terminal, write)
  const early = pending.get(terminal)
  if (early !== undefined) {
    pending.delete(terminal)
    write(early)
  }
  return () => {
    if (writers.get(terminal) === write) writers.delete(terminal)
  }
}

/** Opens (or reopens, if its shell ended) a terminal in a container and shows its tab. */
export function openContainerTerminal(containerId: string): string {
  const state = store.getState()
  const existing = state.containerTerminals[containerId]
  if (existing !== undefined) postToEngine({ type: 'terminal.close', terminal: existing })
  const terminal = `exec-${nextTerminal++}`
  store.setState({ containerTerminals: { ...state.containerTerminals, [containerId]: terminal }, activeTab: containerId })
  postToEngine({ type: 'terminal.open', terminal, container: containerId })
  return terminal
}

/** Closes a container's terminal; its tab stays (unopened) while the container runs. */
export function closeContainerTerminal(containerId: string): void {
  const state = store.getState()
  const terminal = state.containerTerminals[containerId]
  if (terminal === undefined) return
  const { [containerId]: _closed, ...rest } = state.containerTerminals
  const c = state.records.get(containerId)
  const tabStays = c?.kind === 'container' && c.state === 'running'
  store.setState({ containerTerminals: rest, activeTab: tabStays ? state.activeTab : 'host' })
  pending.delete(terminal)
  postToEngine({ type: 'terminal.close', terminal })
}

/** After a replay restored tabs `exec-1…exec-N`, new terminals are numbered after them. */
export function reserveTerminalIds(upTo: number): void {
  nextTerminal = Math.max(nextTerminal, upTo + 1)
}

export function setClockRate(rate: number): void {
  postToEngine({ type: 'clock.rate', rate })
}

/** Test helper: forgets writers, buffers and the port. */
export function resetEngineClient(): void {
  unsubscribe?.()
  unsubscribe = undefined
  port = undefined
  outbox.length = 0
  writers.clear()
  pending.clear()
  nextTerminal = 1
}
