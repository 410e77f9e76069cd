/**
 * The shell's speed, in Node through the ShellHarness (no worker, no UI):
 * the tutorial's T25 block (Part 5: six redis.conf files written by a
 * `for port in $(seq 1 6)` loop with a here-document) pasted into an
 * interactive bash as one chunk, timed from the paste until the prompt is
 * back; the same block parsed only; and keystroke → echo inside the engine
 * (one key at the prompt until the line editor has echoed it). Median of
 * RUNS runs.
 *
 *   npx tsx bench/shell.ts [runs]
 */
import { performance } from 'node:perf_hooks'
import { parse } from '../src/engine/shell/parser'
import { ShellHarness } from '../src/testing/shell-harness'
import { REDIS_CONFIG_BLOCK } from '../src/share/lessons/tutorial-blocks'

export const T25 = `${REDIS_CONFIG_BLOCK}\n`

const RUNS = Math.max(5, Number(process.argv[2] ?? 9) || 9)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!

async function main(): Promise<void> {
  const parseTimes: number[] = []
  for (let i = 0; i < RUNS * 10; i++) {
    const t0 = performance.now()
    parse(T25)
    parseTimes.push(performance.now() - t0)
  }
  const runTimes: number[] = []
  const keyTimes: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const h = new ShellHarness()
    await h.login()
    const t0 = performance.now()
    h.tty.input(T25.replace(/\n/g, '\r'))
    // Each pasted line is read at its own prompt (PS2); run until the last one has been handled.
    for (let i = 0; i < 40 && !h.output.endsWith('\nroot@docker-host:~# '); i++) await h.untilPrompt()
    runTimes.push(performance.now() - t0)
    const conf = h.fs.readFile('/mydata/redis/node-6/conf/redis.conf')
    if (h.fs.readdir('/mydata/redis').length !== 6 || !conf.includes('cluster-announce-ip 172.38.0.16')) throw new Error(`T25 did not write six files:\n${h.output}`)
    for (const ch of 'echo hello') {
      const before = h.rawOutput.length
      const k0 = performance.now()
      await h.keys(ch, 1)
      if (h.rawOutput.length === before) throw new Error('no echo')
      keyTimes.push(performance.now() - k0)
    }
  }
  console.log(`T25 parse only: median ${median(parseTimes).toFixed(3)} ms over ${parseTimes.length} parses`)
  console.log(`T25 pasted into bash until the prompt returns: median ${median(runTimes).toFixed(1)} ms over ${RUNS} runs (min ${Math.min(...runTimes).toFixed(1)}, max ${Math.max(...runTimes).toFixed(1)})`)
  console.log(`keystroke -> echo in the engine (Node): p50 ${quantile(keyTimes, 0.5).toFixed(3)} ms, p95 ${quantile(keyTimes, 0.95).toFixed(3)} ms over ${keyTimes.length} keys`)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
