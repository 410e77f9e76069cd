/**
 * The graph under load: 200 containers on 10 bridge networks, drawn from a
 * scripted stand-in for the engine worker (as e2e/graph-ui.spec.ts does), in
 * Debian's Chromium, headless, no GPU. Prints, as the median of the runs:
 *   - first render: navigation start → the first container node is on screen;
 *   - fps while panning (mouse drags over the graph for 3 s);
 *   - fps while 50 pings animate (a batch of 50 ARP-less ping exchanges each second, 3 s);
 *   - the longest main-thread task seen during both (PerformanceObserver 'longtask').
 * Run `npm run build` first, then `npx tsx bench/graph.ts [runs]`.
 */
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS, freePort, median, startPreview } from './browser'
import type { WorldRecord } from '../src/protocol/records'
import { baseRecords } from '../src/store/records-fixture'

const RUNS = Math.max(3, Number(process.argv[2] ?? 3) || 3)
const NETWORKS = 10
const PER_NETWORK = 20

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')

/** The host, docker0 and 9 more bridges, 20 containers on each. Interface ids follow the engine's shape. */
function bigWorld(): WorldRecord[] {
  const records = baseRecords().filter((r) => r.kind !== 'terminal')
  const H = 'netns:host'
  let ifindex = 10
  for (let n = 0; n < NETWORKS; n++) {
    const bridge = n === 0 ? `${H}/3` : `${H}/${ifindex++}`
    if (n > 0) {
      records.push({ kind: 'interface', id: bridge, netns: H, ifindex: Number(bridge.split('/')[1]), name: `br-${hex(n, 12)}`, type: 'bridge', mac: `02:42:00:00:${hex(n, 2)}:01`, addresses: [`172.${20 + n}.0.1/16`], state: 'UP' })
      records.push({ kind: 'network', id: hex(n, 64), name: `net${n}`, driver: 'bridge', bridge, subnet: `172.${20 + n}.0.0/16`, gateway: `172.${20 + n}.0.1` })
    }
    const prefix = n === 0 ? '172.18' : `172.${20 + n}`
    for (let i = 0; i < PER_NETWORK; i++) {
      const id = hex(n * 1000 + i + 1, 64)
      const ns = `netns:${id}`
      const outer = ifindex++
      records.push({ kind: 'container', id, name: `c${n}-${i}`, image: 'tomcat', state: 'running', netns: ns, networkMode: n === 0 ? 'bridge' : `net${n}`, ports: [], shell: 'bash' })
      records.push({ kind: 'netns', id: ns, owner: id })
      records.push({ kind: 'interface', id: `${ns}/2`, netns: ns, ifindex: 2, name: 'eth0', type: 'veth', mac: `02:42:ac:${hex(n, 2)}:00:${hex(i + 2, 2)}`, addresses: [`${prefix}.0.${i + 2}/16`], state: 'UP', peer: `${H}/${outer}` })
      records.push({ kind: 'interface', id: `${H}/${outer}`, netns: H, ifindex: outer, name: `veth${hex(outer, 7)}`, type: 'veth', mac: '7a:00:00:00:00:01', addresses: [], state: 'UP', peer: `${ns}/2`, master: bridge })
    }
  }
  return records
}

// Runs inside the worker: the snapshot, a prompt, then on `ping` 50 ping exchanges a second.
function fakeWorker(records: { kind: string; id: string; netns?: string; peer?: string; master?: string; name?: string }[]) {
  const post = (m: unknown) => (self as unknown as Worker).postMessage(m)
  post({ type: 'world.snapshot', records })
  post({ type: 'terminal.output', terminal: 'host', data: 'root@docker-host:~# ' })
  const inner = records.filter((r) => r.kind === 'interface' && r.netns !== 'netns:host' && r.peer)
  const byId = new Map(records.map((r) => [r.id, r]))
  let seq = 0
  let packet = 0
  const hop = (from: string, to: string, kind: string) => {
    const end = (id: string) => ({ iface: id, name: byId.get(id)?.name ?? id })
    return { seq: ++seq, packet, at: seq * 0.01, kind, from: end(from), to: end(to), protocol: 'icmp', summary: 'ICMP echo', headers: [] }
  }
  self.addEventListener('message', (event: MessageEvent) => {
    if (event.data.type !== 'terminal.input' || event.data.data !== 'p') return
    let round = 0
    setInterval(() => {
      const hops = []
      for (let k = 0; k < 50; k++) {
        // Pairs of neighbours on the same bridge: eth0 → veth → (bridge) → veth → eth0, and back.
        const a = inner[(round * 50 + k * 2) % inner.length]!
        const b = inner[(round * 50 + k * 2 + 1) % inner.length]!
        if (byId.get(a.peer!)?.master !== byId.get(b.peer!)?.master) continue
        packet++
        hops.push(hop(a.id, a.peer!, 'wire'), hop(a.peer!, b.peer!, 'bridge'), hop(b.peer!, b.id, 'wire'))
        packet++
        hops.push(hop(b.id, b.peer!, 'wire'), hop(b.peer!, a.peer!, 'bridge'), hop(a.peer!, a.id, 'wire'))
      }
      round++
      post({ type: 'packet.trace', hops })
    }, 1000)
  })
}

/** Frames per second over `ms`, counted with requestAnimationFrame in the page. */
const fps = (page: Page, ms: number) =>
  page.evaluate(
    (ms) =>
      new Promise<number>((ok) => {
        let frames = 0
        const start = performance.now()
        const tick = (now: number) => {
          frames++
          if (now - start < ms) requestAnimationFrame(tick)
          else ok((frames * 1000) / (now - start))
        }
        requestAnimationFrame(tick)
      }),
    ms,
  )

async function main(): Promise<void> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const server = await startPreview(port)
  // tsx (esbuild, keepNames) wraps functions in __name(...) calls; the worker has no such helper.
  const body = `var __name = (f) => f;\n(${fakeWorker.toString()})(${JSON.stringify(bigWorld())})`
  const results = { first: [] as number[], pan: [] as number[], pings: [] as number[], longest: [] as number[] }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  try {
    for (let run = 1; run <= RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await page.route(/\/assets\/main-[^/]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body }))
      await page.addInitScript({ content: 'window.__name = (f) => f' }) // see `body` above
      await page.addInitScript(() => {
        const w = window as unknown as { __longest: number }
        w.__longest = 0
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__longest = Math.max(w.__longest, e.duration)))).observe({ type: 'longtask', buffered: true })
      })
      page.on('pageerror', (e) => console.error('page error:', e.message))
      await page.goto(url)
      await page.locator('.react-flow__node-container').first().waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
        console.error(await page.evaluate(() => ({ nodes: document.querySelectorAll('.react-flow__node').length, html: document.querySelector('.react-flow__viewport')?.getAttribute('style') })))
        throw e
      })
      const first = await page.evaluate(() => performance.now())
      await page.waitForTimeout(1000) // let the fit settle before measuring
      await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0))

      const pane = (await page.getByTestId('graph').boundingBox())!
      const [cx, cy] = [pane.x + pane.width / 2, pane.y + pane.height / 2]
      const panning = fps(page, 3000)
      await page.mouse.move(cx, cy)
      await page.mouse.down()
      for (let i = 0; i < 90; i++) await page.mouse.move(cx + Math.sin(i / 8) * 200, cy + Math.cos(i / 8) * 150, { steps: 1 })
      await page.mouse.up()
      const pan = await panning

      await page.locator('[data-terminal="host"] .xterm').click()
      await page.keyboard.type('p')
      await page.waitForTimeout(1200)
      const pings = await fps(page, 3000)
      const dots = await page.locator('.packet-layer .packet').count()
      const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest)
      console.log(`run ${run}: first render ${first.toFixed(0)} ms, panning ${pan.toFixed(1)} fps, 50 pings ${pings.toFixed(1)} fps (${dots} dots), longest task ${longest.toFixed(0)} ms`)
      results.first.push(first)
      results.pan.push(pan)
      results.pings.push(pings)
      results.longest.push(longest)
      await page.close()
    }
  } finally {
    await browser.close()
    server.kill()
  }
  console.log(`\ngraph, ${NETWORKS * PER_NETWORK} containers on ${NETWORKS} networks, median of ${RUNS} runs (Chromium headless, no GPU):`)
  console.log(`  first render            ${median(results.first).toFixed(0)} ms`)
  console.log(`  fps while panning       ${median(results.pan).toFixed(1)}`)
  console.log(`  fps while 50 pings      ${median(results.pings).toFixed(1)}`)
  console.log(`  longest main-thread task ${median(results.longest).toFixed(0)} ms`)
}

void main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
