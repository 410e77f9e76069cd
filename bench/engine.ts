/**
 * Engine benchmark (issue 2): prints
 *  - T1–T9 replayed through the headless runner (wall ms, median of 5),
 *  - 1,000 `docker run`s on one host: wall ms for the 10th and the 1,000th run
 *    (median of the 5 runs around each), and the JS heap at the end.
 * Run: npx tsx bench/engine.ts   (add --expose-gc via NODE_OPTIONS for a settled heap figure)
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { runScript } from '../src/cli/sim'
import { Session } from '../src/testing/session'

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const fmt = (ms: number): string => `${ms.toFixed(2)} ms`

async function replayPart1(): Promise<void> {
  const script = readFileSync(new URL('../src/testing/scripts/part1.sh', import.meta.url), 'utf8')
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    await runScript(script, { seed: 1 + i, cols: 200 })
    times.push(performance.now() - t0)
  }
  console.log(`T1–T9 replay (runner, wall): median ${fmt(median(times))}  runs: ${times.map((t) => t.toFixed(1)).join(', ')}`)
}

async function thousandRuns(): Promise<void> {
  const session = await new Session({ seed: 7, cols: 200 }).start()
  await session.typeLine('docker pull tomcat')
  const perRun: number[] = []
  for (let i = 1; i <= 1000; i++) {
    const t0 = performance.now()
    await session.typeLine(`docker run -d -P --name c${i} tomcat`)
    perRun.push(performance.now() - t0)
  }
  const around = (n: number): number => median(perRun.slice(Math.max(0, n - 3), n + 2))
  const check = (await session.render()).split('\n').filter((l) => /^[0-9a-f]{64}$/.test(l)).length
  ;(globalThis as { gc?: () => void }).gc?.()
  const heap = process.memoryUsage().heapUsed / 2 ** 20
  console.log(`docker run #10: ${fmt(around(9))}   #1000: ${fmt(around(999))}   (ratio ${(around(999) / around(9)).toFixed(2)})`)
  console.log(`containers started: ${check}   heap after 1,000 runs: ${heap.toFixed(1)} MiB`)
}

await replayPart1()
await thousandRuns()
