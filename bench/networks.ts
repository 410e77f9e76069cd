/**
 * Networking benchmark (issue 4): prints
 *  - 1,000 `docker run`s across 20 user-defined networks (200 on the first, the
 *    other 800 round-robin over the remaining 19): wall ms for the 10th and the
 *    1,000th run (median of the 5 runs around each),
 *  - `docker network inspect` of the 200-member network (median of 5),
 *  - the JS heap at the end.
 * Run: npx tsx bench/networks.ts   (NODE_OPTIONS=--expose-gc for a settled heap figure)
 */
import { performance } from 'node:perf_hooks'
import { Session } from '../src/testing/session'

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const fmt = (ms: number): string => `${ms.toFixed(2)} ms`
const NETWORKS = 20
const CONTAINERS = 1000
const BIG = 200

const session = await new Session({ seed: 11, cols: 200 }).start()
await session.typeLine('docker pull tomcat')
for (let n = 1; n <= NETWORKS; n++) await session.typeLine(`docker network create net${n}`)
const networkOf = (i: number): number => (i <= BIG ? 1 : 2 + (i % (NETWORKS - 1)))
const perRun: number[] = []
for (let i = 1; i <= CONTAINERS; i++) {
  const t0 = performance.now()
  await session.typeLine(`docker run -d --net net${networkOf(i)} --name c${i} tomcat`)
  perRun.push(performance.now() - t0)
}
const around = (n: number): number => median(perRun.slice(Math.max(0, n - 3), n + 2))

const before = session.rawOutput().length
const inspect: number[] = []
for (let k = 0; k < 5; k++) {
  const t0 = performance.now()
  await session.typeLine('docker network inspect net1')
  inspect.push(performance.now() - t0)
}
const inspected = session.rawOutput().slice(before)
const members = (inspected.match(/"IPv4Address": /g) ?? []).length / 5
const running = (await (async () => {
  const mark = session.rawOutput().length
  await session.typeLine('docker ps -q | wc -l')
  return session.rawOutput().slice(mark).split('\r\n')[1]
})())

;(globalThis as { gc?: () => void }).gc?.()
const heap = process.memoryUsage().heapUsed / 2 ** 20
console.log(`docker run #10: ${fmt(around(9))}   #1000: ${fmt(around(999))}   (ratio ${(around(999) / around(9)).toFixed(2)})`)
console.log(`docker network inspect net1 (${members} members): median ${fmt(median(inspect))}   runs: ${inspect.map((t) => t.toFixed(1)).join(', ')}`)
console.log(`containers running: ${running?.trim()}   networks: ${NETWORKS}   heap at the end: ${heap.toFixed(1)} MiB`)
