/**
 * The Web Worker: owns one World and pumps it in real time (src/worker/pump.ts).
 * It is the only place that reads wall time. The seed comes from the worker's
 * name (`seed=N`, set by src/ui/engine-worker.ts from the page URL), default 1.
 */
import { createWorld } from '../engine/world'
import { createWorkerEndpoint, type MessageTarget } from '../protocol/port'
import { createPump } from './pump'

function seedFromName(name: string): number {
  const m = /(?:^|\s)seed=(\d+)/.exec(name)
  return m ? Number(m[1]) : 1
}

const scope = self as unknown as MessageTarget & { name?: string }
const endpoint = createWorkerEndpoint(scope)

// A turn is one macrotask: a MessageChannel round trip, which, unlike
// setTimeout(0), is not clamped to 4 ms after a few nested calls.
const channel = new MessageChannel()
const turnQueue: (() => void)[] = []
channel.port1.onmessage = () => turnQueue.shift()?.()
const turn = (): Promise<void> =>
  new Promise((resolve) => {
    turnQueue.push(resolve)
    channel.port2.postMessage(null)
  })

const world = createWorld({ seed: seedFromName(scope.name ?? ''), send: (m) => endpoint.send(m) })
const pump = createPump({
  world,
  wallNow: () => performance.now(),
  turn,
  setTimer: (fire, ms) => setTimeout(fire, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
})
endpoint.onMessage((m) => pump.receive(m))
void pump.run()
