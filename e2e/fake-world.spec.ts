// The UI against a scripted stand-in for the engine worker: the worker chunk is
// replaced (page.route) by a tiny script that publishes the records of a host
// running two containers. This checks the graph, the tabs and the container
// terminals before the real engine can produce containers.
import { expect, test, type Page } from '@playwright/test'
import { containerRecords, tutorialRecords, TOMCAT02 } from '../src/store/records-fixture'

const records = [...tutorialRecords().filter((r) => r.kind !== 'terminal'), ...containerRecords(TOMCAT02, 'tomcat02', 2, 7)]

// Runs inside the worker. Answers terminal.open with a terminal record and a prompt, and echoes input.
function fakeWorker(initial: unknown[]) {
  const post = (m: unknown) => (self as unknown as Worker).postMessage(m)
  let records = initial as { id: string }[]
  post({ type: 'world.snapshot', records })
  post({ type: 'terminal.output', terminal: 'host', data: 'root@docker-host:~# ' })
  self.addEventListener('message', (event: MessageEvent) => {
    const m = event.data
    if (m.type === 'terminal.open') {
      const rec = { kind: 'terminal', id: m.terminal, title: m.container, container: m.container, reading: true, open: true }
      records = [...records, rec]
      post({ type: 'world.diff', diff: { added: [rec], updated: [], removed: [] } })
      post({ type: 'terminal.output', terminal: m.terminal, data: `root@${String(m.container).slice(0, 12)}:/usr/local/tomcat# ` })
    } else if (m.type === 'terminal.input') {
      post({ type: 'terminal.output', terminal: m.terminal, data: m.data === '\r' ? '\r\n' : m.data })
    }
  })
}

async function openWithFakeWorld(page: Page): Promise<void> {
  await page.route(/\/assets\/main-[^/]+\.js$/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: `(${fakeWorker.toString()})(${JSON.stringify(records)})` }),
  )
  await page.goto('/')
  await expect(page.locator('.react-flow__node-container')).toHaveCount(2)
}

test('the graph draws host, docker0, the containers and their veth pairs', async ({ page }) => {
  await openWithFakeWorld(page)
  await expect(page.locator('.react-flow__node-host')).toContainText('0.0.0.0:49153 → 8080/tcp')
  await expect(page.locator('.react-flow__node-bridge')).toContainText('docker0')
  await expect(page.locator('.react-flow__node-bridge')).toContainText('172.18.0.0/16')
  const tomcat01 = page.locator('.react-flow__node-container', { hasText: 'tomcat01' })
  await expect(tomcat01).toContainText('172.18.0.2/16')
  await expect(tomcat01).toContainText('02:42:ac:12:00:02')
  await expect(page.locator('.react-flow__edge.edge-veth')).toHaveCount(2)
  await expect(page.locator('.veth-label', { hasText: /^eth0@if5 ↔ veth[0-9a-f]{7}@if4$/ })).toBeVisible()
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/graph.png` })
})

test('a container tab opens a shell in the container; the host tab keeps its output', async ({ page }) => {
  await openWithFakeWorld(page)
  await expect(page.getByRole('tab')).toHaveText(['host', 'tomcat01', 'tomcat02'])
  await page.locator('.react-flow__node-container', { hasText: 'tomcat02' }).click()
  await expect(page.getByRole('tab', { selected: true })).toHaveText('tomcat02')
  await expect.poll(() => page.evaluate(() => window.__dockernet!.terminalText('exec-1'))).toBe(`root@${TOMCAT02.slice(0, 12)}:/usr/local/tomcat#`)
  await page.locator('[data-terminal="exec-1"] .xterm').click()
  await page.keyboard.type('hostname')
  await expect.poll(() => page.evaluate(() => window.__dockernet!.terminalText('exec-1'))).toMatch(/# hostname$/)
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/tab.png` })
  await page.getByRole('tab', { name: 'host' }).click()
  await expect.poll(() => page.evaluate(() => window.__dockernet!.terminalText('host'))).toBe('root@docker-host:~#')
})
