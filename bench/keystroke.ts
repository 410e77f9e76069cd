/**
 * Keystroke-to-echo latency in the page with 20 container terminals open
 * (issue #3). Run `npm run build` first (or `npx vite build --outDir DIR`
 * and pass `--dist DIR`), then `npx tsx bench/keystroke.ts [loads] [keys]`.
 *
 * Serves the build with `vite preview` on 127.0.0.1:4192 (or the next free
 * port), launches Debian's Chromium (flags as bench/cold-start.ts, a fresh
 * browser per load), starts 20 busybox containers from the host terminal,
 * opens all 20 container tabs (a click on each tab runs `docker exec -it`),
 * switches back to the host tab and types single keys into the host
 * terminal. Each key is timed inside the page: from just before the
 * keydown is dispatched (xterm's textarea gets it as a real key press) to
 * the first animation frame whose xterm buffer holds the character, polled
 * with requestAnimationFrame. Prints p50/p95 per load and the median of
 * each over the loads. The server and the browser are ended by PID.
 */
import { statSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS, median, root, startPreview } from './browser'

const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--dist')
const LOADS = Math.max(1, Number(positional[0] ?? 3) || 3)
const KEYS = Math.max(10, Number(positional[1] ?? 100) || 100)
const CONTAINERS = 20
const PREFERRED_PORT = 4192
const distFlag = process.argv.indexOf('--dist')
const dist = distFlag > 0 ? resolve(process.argv[distFlag + 1]!) : join(root, 'dist')

function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const server = createServer()
    server.once('error', () => ok(false))
    server.listen(port, '127.0.0.1', () => server.close(() => ok(true)))
  })
}

async function pickPort(): Promise<number> {
  for (let p = PREFERRED_PORT; p < PREFERRED_PORT + 50; p++) if (await portFree(p)) return p
  throw new Error('no free port near 4192')
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!
}
const hostText = (page: Page): Promise<string> => page.evaluate(() => window.__dockernet?.terminalText('host') ?? '')
const prompts = (text: string): number => (text.match(/^root@docker-host:[^\n]*# ?/gm) ?? []).length

/** Types a command into the host terminal and waits for the next host prompt. */
async function hostRun(page: Page, line: string, timeout = 120_000): Promise<void> {
  const before = prompts(await hostText(page))
  await page.locator('[data-terminal="host"] .xterm').click()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  await page.waitForFunction((n) => ((window.__dockernet?.terminalText('host') ?? '').match(/^root@docker-host:[^\n]*# ?/gm) ?? []).length > n, before, { polling: 100, timeout })
}

/** Opens every container tab; returns how many terminals are open (host included). */
async function openContainerTabs(page: Page): Promise<number> {
  const tabs = page.locator('[role="tab"][data-tab]:not([data-tab="host"])')
  await page.waitForFunction((n) => document.querySelectorAll('[role="tab"][data-tab]:not([data-tab="host"])').length >= n, CONTAINERS, { timeout: 30_000 })
  const count = await tabs.count()
  for (let i = 0; i < count; i++) {
    await tabs.nth(i).click()
    await page.waitForFunction((n) => (window.__dockernet?.terminalIds().length ?? 0) >= n, i + 2, { timeout: 30_000 })
  }
  // Each container's shell shows its prompt before we measure: all 20 terminals are live.
  await page.waitForFunction(
    () => {
      const ids = window.__dockernet?.terminalIds() ?? []
      return ids.filter((id) => id !== 'host').every((id) => /# ?$/.test(window.__dockernet?.terminalText(id) ?? ''))
    },
    null,
    { timeout: 60_000, polling: 200 },
  )
  return page.evaluate(() => window.__dockernet?.terminalIds().length ?? 0)
}

/**
 * Presses one key and times it in the page: the clock starts in a capturing
 * keydown listener (the key's dispatch, before xterm sees it) and stops at
 * the first animation frame where the host buffer ends with the expected text.
 */
async function timeKey(page: Page, key: string, expected: string): Promise<number> {
  // A string, not a function: tsx (esbuild keepNames) would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const expected = ${JSON.stringify(expected)}
    window.__kbDone = new Promise((done) => {
      const onKey = () => {
        window.removeEventListener('keydown', onKey, true)
        const t0 = performance.now()
        const poll = () => {
          if ((window.__dockernet?.terminalText('host') ?? '').endsWith(expected)) done(performance.now() - t0)
          else requestAnimationFrame(poll)
        }
        requestAnimationFrame(poll)
      }
      window.addEventListener('keydown', onKey, true)
    })
  })()`)
  await page.keyboard.press(key)
  return page.evaluate<number>('window.__kbDone')
}

async function oneLoad(url: string, load: number): Promise<{ p50: number; p95: number; n: number }> {
  // launchServer gives the browser's own process, so it is ended by PID whatever happens to the connection.
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  const browserPid = server.process().pid
  const browser = await chromium.connect(server.wsEndpoint())
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    await page.locator('[data-prompt-ready="true"]').waitFor({ state: 'visible', timeout: 30_000 })
    await hostRun(page, 'docker pull busybox')
    await hostRun(page, `for i in $(seq 1 ${CONTAINERS}); do docker run -d --name c$i busybox sleep 1000; done`)
    const terminals = await openContainerTabs(page)
    await page.locator('[role="tab"][data-tab="host"]').click()
    await page.locator('[data-terminal="host"] .xterm').click()
    await page.waitForTimeout(500)
    const times: number[] = []
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    let typed = ''
    for (let k = 0; k < KEYS; k++) {
      // Keep the line short: ^U clears it every 40 keys (not timed).
      if (k > 0 && k % 40 === 0) {
        await page.keyboard.press('Control+U')
        await page.waitForFunction(() => /# ?$/.test(window.__dockernet?.terminalText('host') ?? ''), null, { polling: 'raf' })
        typed = ''
      }
      const ch = letters[k % letters.length]!
      typed += ch
      times.push(await timeKey(page, ch, typed))
    }
    const p50 = quantile(times, 0.5)
    const p95 = quantile(times, 0.95)
    console.log(`load ${load}: ${terminals - 1} container terminals + host open, ${times.length} keys: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`)
    return { p50, p95, n: times.length }
  } finally {
    await browser.close().catch(() => {})
    await server.close().catch(() => {})
    if (browserPid !== undefined) {
      try {
        process.kill(browserPid, 'SIGKILL')
      } catch {
        /* already gone */
      }
    }
  }
}

async function main(): Promise<void> {
  try {
    statSync(join(dist, 'index.html'))
  } catch {
    throw new Error(`${dist} has no build: run \`npm run build\` first`)
  }
  const port = await pickPort()
  const url = `http://127.0.0.1:${port}/`
  const server = await startPreview(port, dist)
  try {
    const results = []
    for (let load = 1; load <= LOADS; load++) results.push(await oneLoad(url, load))
    const n = results.reduce((a, r) => a + r.n, 0)
    console.log(
      `keystroke-to-echo with ${CONTAINERS} container terminals open, median over ${LOADS} page loads (${n} keys in all): p50 ${median(results.map((r) => r.p50)).toFixed(1)} ms, p95 ${median(results.map((r) => r.p95)).toFixed(1)} ms`,
    )
  } finally {
    if (server.pid !== undefined) process.kill(server.pid, 'SIGTERM')
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
