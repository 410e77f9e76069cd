/**
 * One interface for talking to the engine, with an in-memory implementation
 * (tests, Node) and a postMessage one (the Web Worker), like v86's Bus and
 * worker_bus.
 */
import type { FromEngine, ToEngine } from './messages'

export interface EnginePort {
  post(message: ToEngine): void
  /** Subscribes to engine messages; returns the unsubscribe function. */
  subscribe(listener: (message: FromEngine) => void): () => void
}

/** The engine side of a port. */
export interface EngineEndpoint {
  send(message: FromEngine): void
  onMessage(handler: (message: ToEngine) => void): void
}

/** A connected pair in one thread: what the UI posts, the engine receives, and back. */
export function createInMemoryPort(): { port: EnginePort; endpoint: EngineEndpoint } {
  const listeners = new Set<(m: FromEngine) => void>()
  let handler: ((m: ToEngine) => void) | undefined
  return {
    port: {
      post: (m) => handler?.(m),
      subscribe: (l) => {
        listeners.add(l)
        return () => listeners.delete(l)
      },
    },
    endpoint: {
      send: (m) => listeners.forEach((l) => l(m)),
      onMessage: (h) => (handler = h),
    },
  }
}

/** Minimal view of `Worker` / `DedicatedWorkerGlobalScope`, so this file needs no DOM lib. */
export interface MessageTarget {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}

export function createWorkerPort(worker: MessageTarget): EnginePort {
  return {
    post: (m) => worker.postMessage(m),
    subscribe: (l) => {
      const listener = (event: { data: unknown }) => l(event.data as FromEngine)
      worker.addEventListener('message', listener)
      return () => worker.removeEventListener('message', listener)
    },
  }
}

export function createWorkerEndpoint(scope: MessageTarget): EngineEndpoint {
  return {
    send: (m) => scope.postMessage(m),
    onMessage: (h) => scope.addEventListener('message', (event) => h(event.data as ToEngine)),
  }
}
