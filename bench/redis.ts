/**
 * Redis benchmark (issue 5): prints
 *  - T24–T30 (network, configs, six nodes, cluster create answered yes, CLUSTER NODES, -c set/get)
 *    typed into a headless World: wall ms, median of 5;
 *  - simulated `redis-benchmark -q -n 20000 -t set,get` against one node: the requests the engine
 *    serves per wall second (each request crosses the simulated network as a TCP message).
 * Run: npx tsx bench/redis.ts
 */
import { REDIS_CONFIG_BLOCK, redisRunBlock } from '../src/share/lessons/tutorial-blocks'
import { performance } from 'node:perf_hooks'
import { createTestHost } from '../src/testing/host'

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const CONFIG = REDIS_CONFIG_BLOCK
const run = redisRunBlock

async function tutorial(): Promise<number> {
  const start = performance.now()
  const host = await createTestHost({ seed: 2021 })
  await host.run('docker network create redis --subnet 172.38.0.0/16')
  for (const line of CONFIG.split('\n')) await host.run(line)
  for (let n = 1; n <= 6; n++) for (const line of run(n).split('\n')) await host.run(line)
  await host.run('docker exec -it redis-1 /bin/sh')
  await host.run('ls')
  await host.start('redis-cli --cluster create 172.38.0.11:6379 172.38.0.12:6379 172.38.0.13:6379 172.38.0.14:6379 172.38.0.15:6379 172.38.0.16:6379 --cluster-replicas 1')
  await host.run('yes', { maxMs: 60_000 })
  await host.advance(5000)
  await host.run('redis-cli')
  await host.run('CLUSTER nodes')
  await host.run('quit')
  await host.run('redis-cli -c')
  const set = await host.run('set k1 v1')
  if (!set.output.includes('OK')) throw new Error(`unexpected: ${set.output}`)
  await host.run('get k1')
  return performance.now() - start
}

async function throughput(n: number): Promise<{ wallMs: number; line: string }> {
  const host = await createTestHost({ seed: 7 })
  await host.run('docker run -d --name bench-redis redis:5.0.9-alpine3.11')
  const start = performance.now()
  const out = await host.run(`docker exec bench-redis redis-benchmark -q -n ${n} -t set,get`, { maxMs: 3_600_000 })
  return { wallMs: performance.now() - start, line: out.output.trim().replace(/\n+/g, ' | ') }
}

const times: number[] = []
for (let i = 0; i < 5; i++) times.push(await tutorial())
console.log(`T24–T30 headless: ${median(times).toFixed(0)} ms (median of 5; runs ${times.map((t) => t.toFixed(0)).join(', ')})`)
const N = 20_000
const t = await throughput(N)
console.log(`redis-benchmark -n ${N} -t set,get: ${((2 * N * 1000) / t.wallMs).toFixed(0)} requests per wall second (${t.wallMs.toFixed(0)} ms); it printed: ${t.line}`)
