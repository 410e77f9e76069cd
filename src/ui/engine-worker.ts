/**
 * Starts the engine in its Web Worker and connects the store to it. This is
 * the one place the UI refers to src/worker (DESIGN.md's dependency rules);
 * the rest of the engine client lives in src/store/engine-client.ts, which
 * may not reference the worker itself.
 */
import { createWorkerPort } from '../protocol/port'
import { connectEngine } from '../store/engine-client'

/** `?seed=N` in the page URL picks the World's seed (default 1, chosen in the worker). */
export function startEngineWorker(search: string, workerName?: string): Worker {
  const seed = new URLSearchParams(search).get('seed')
  // The lab (src/store/lab.ts) names the worker when it replays a scenario or has its own seed.
  const name = workerName ?? (seed !== null && /^\d+$/.test(seed) ? `dockernet seed=${seed}` : 'dockernet')
  const worker = new Worker(new URL('../worker/main.ts', import.meta.url), { type: 'module', name })
  connectEngine(createWorkerPort(worker))
  return worker
}
