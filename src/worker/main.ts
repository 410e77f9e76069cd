/**
 * The Web Worker: owns one World and pumps it in real time (src/worker/pump.ts).
 * It is the only place that reads wall time. The seed comes from the worker's
 * name (`seed=N`, set by src/ui/engine-worker.ts from the page URL), default 1.
 *
 * A worker named with `replay` waits for a `scenario.load` (a shared link, a
 * saved lab) before it makes its World: the scenario's steps are replayed into
 * a fresh World (src/worker/replay.ts), with progress reports, and only then
 * does the pump start. Messages that arrive meanwhile wait their turn. Every
 * live input the World handles is echoed back as a `scenario.step` stamped
 * with virtual time: that is what the store records and saves.
 */
import { createWorld, type World } from '../engine/world'
import type { ToEngine } from '../protocol/messages'
import { createWorkerEndpoint, type MessageTarget } from '../protocol/port'
import { createPump, type Pump } from './pump'
import { createRecorder, replaySteps } from './replay'

function seedFromName(name: string): number {
  const m = /(?:^|\s)seed=(\d+)/.exec(name)
  return m ? Number(m[1]) : 1
}

const scope = self as unknown as MessageTarget & { name?: string }
const endpoint = createWorkerEndpoint(scope)
const workerName = scope.name ?? ''

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

let pump: Pump | undefined
let record: ((m: ToEngine) => void) | undefined
const waiting: ToEngine[] = []

function start(world: World, since: number): void {
  const stamp = createRecorder(world, since)
  record = (m) => {
    const step = stamp(m)
    if (step) endpoint.send({ type: 'scenario.step', step })
  }
  pump = createPump({
    world,
    wallNow: () => performance.now(),
    turn,
    setTimer: (fire, ms) => setTimeout(fire, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  })
  for (const m of waiting.splice(0)) receive(m)
  void pump.run()
}

function receive(m: ToEngine): void {
  if (!pump) {
    waiting.push(m)
    return
  }
  if (m.type === 'scenario.load' || m.type === 'scenario.pace') return // only while a waiting worker replays
  record?.(m)
  pump.receive(m)
}

let loading = /(?:^|\s)replay(?:\s|$)/.test(workerName)
/** Step-by-step replay: wall ms between steps, changeable while the replay runs. */
let paceMs = 0
const between = (): Promise<void> => (paceMs > 0 ? new Promise((resolve) => setTimeout(resolve, paceMs)) : Promise.resolve())

endpoint.onMessage((m) => {
  if (m.type === 'scenario.pace') {
    paceMs = Math.max(0, Math.min(10_000, m.stepMs))
    return
  }
  if (m.type === 'scenario.load' && loading) {
    loading = false
    const world = createWorld({ seed: m.seed, send: (msg) => endpoint.send(msg) })
    replaySteps(world, m.steps, { turn, between, onProgress: (done, total) => endpoint.send({ type: 'scenario.progress', done, total }) })
      .then((last) => start(world, last))
      .catch(() => start(world, world.now()))
    return
  }
  receive(m)
})

if (!loading) {
  const world = createWorld({ seed: seedFromName(workerName), send: (m) => endpoint.send(m) })
  start(world, world.now())
}
