/**
 * Cold start: navigation start → the host prompt is ready and a typed key is
 * echoed. Run `npm run build` first, then `npx tsx bench/cold-start.ts [runs]`.
 *
 * Serves dist/ with `vite preview` on a free loopback port, launches Debian's
 * Chromium (fresh profile each run, so nothing is cached), and reads the
 * timings from the page's own clock (performance.now() counts from navigation
 * start). Also prints the JS chunk sizes in dist/, raw and gzip.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS, freePort, median, root, startPreview } from './browser'

const RUNS = Math.max(5, Number(process.argv[2] ?? 5) || 5)

function chunkSizes(): void {
  const dir = join(root, 'dist', 'assets')
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  console.log('\nchunks in dist/assets (raw / gzip):')
  for (const f of files.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)) {
    const data = readFileSync(join(dir, f))
    console.log(`  ${f.padEnd(34)} ${(data.length / 1024).toFixed(1).padStart(7)} KiB  ${(gzipSync(data).length / 1024).toFixed(1).padStart(6)} KiB gzip`)
  }
}

async function main(): Promise<void> {
  try {
    statSync(join(root, 'dist', 'index.html'))
  } catch {
    throw new Error('dist/ is missing: run `npm run build` first')
  }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const server = await startPreview(port)
  try {
    const ready: number[] = []
    const echoed: number[] = []
    for (let run = 1; run <= RUNS; run++) {
      const profile = mkdtempSync(join(tmpdir(), 'dockernet-bench-'))
      const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1440, height: 900 } })
      try {
        const page = context.pages()[0] ?? (await context.newPage())
        await page.goto(url, { waitUntil: 'commit' })
        await page.locator('[data-prompt-ready="true"]').waitFor({ state: 'visible', timeout: 30_000 })
        const tReady = await page.evaluate(() => performance.now())
        await page.locator('[data-terminal="host"] .xterm').click()
        await page.keyboard.type('x')
        await page.waitForFunction(() => /# x$/.test(window.__dockernet?.terminalText('host') ?? ''), null, { polling: 'raf', timeout: 10_000 })
        const tEcho = await page.evaluate(() => performance.now())
        ready.push(tReady)
        echoed.push(tEcho)
        console.log(`run ${run}: prompt ready ${tReady.toFixed(0)} ms, key echoed ${tEcho.toFixed(0)} ms`)
      } finally {
        await context.close()
        rmSync(profile, { recursive: true, force: true })
      }
    }
    console.log(`median over ${RUNS} runs: prompt ready ${median(ready).toFixed(0)} ms, key echoed ${median(echoed).toFixed(0)} ms (from navigation start)`)
  } finally {
    if (server.pid !== undefined) process.kill(server.pid, 'SIGTERM')
  }
  chunkSizes()
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
