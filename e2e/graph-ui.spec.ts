// The graph's panels against a scripted stand-in for the engine (as fake-world.spec.ts):
// inspector, reachability, a drop named by its rule, language, presenter mode, axe, export, paste.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { containerRecords, tutorialRecords, TOMCAT01, TOMCAT02 } from '../src/store/records-fixture'
import type { WorldRecord } from '../src/protocol/records'
import { containerNode, shot, terminalText } from './helpers'

const withNetworks = (r: WorldRecord): WorldRecord =>
  r.kind === 'container'
    ? { ...r, networks: [{ name: 'bridge', networkId: 'n'.repeat(64), ipAddress: r.id === TOMCAT01 ? '172.18.0.2' : '172.18.0.3', macAddress: '', aliases: [] }], hostsFile: '127.0.0.1\tlocalhost\n', resolvConf: 'nameserver 100.100.2.136\n' }
    : r
const records = [...tutorialRecords().filter((r) => r.kind !== 'terminal'), ...containerRecords(TOMCAT02, 'tomcat02', 2, 7)].map(withNetworks)
const DROP = 'DOCKER-ISOLATION-STAGE-2: DROP, br-a093d6e7dcbb → docker0'

// Runs inside the worker: records, a prompt, echo; a `drop` typed on the host sends a dropped hop.
function fakeWorker(initial: unknown[], drop: string) {
  const post = (m: unknown) => (self as unknown as Worker).postMessage(m)
  let records = initial as { id: string }[]
  post({ type: 'world.snapshot', records })
  post({ type: 'terminal.output', terminal: 'host', data: 'root@docker-host:~# ' })
  let line = ''
  self.addEventListener('message', (event: MessageEvent) => {
    const m = event.data
    if (m.type === 'terminal.open') {
      const rec = { kind: 'terminal', id: m.terminal, title: m.container, container: m.container, reading: true, open: true }
      records = [...records, rec]
      post({ type: 'world.diff', diff: { added: [rec], updated: [], removed: [] } })
      post({ type: 'terminal.output', terminal: m.terminal, data: 'root@tomcat:/usr/local/tomcat# ' })
    } else if (m.type === 'terminal.input') {
      for (const ch of String(m.data)) {
        if (ch !== '\r') {
          line += ch
          post({ type: 'terminal.output', terminal: m.terminal, data: ch })
          continue
        }
        post({ type: 'terminal.output', terminal: m.terminal, data: `\r\nran: ${line}\r\nroot@docker-host:~# ` })
        if (line === 'drop') {
          const end = (ns: string, i: number, name: string) => ({ iface: `netns:${ns}/${i}`, name })
          const base = { protocol: 'icmp', summary: '172.18.0.3 > 192.168.0.2: ICMP echo request, id 1, seq 1', headers: [['Ethernet', 'src a dst b'], ['IPv4', 'src 172.18.0.3 dst 192.168.0.2 ttl 64 proto icmp']] }
          post({
            type: 'packet.trace',
            hops: [
              { ...base, seq: 1, packet: 1, at: 1, kind: 'wire', from: end('bbbb', 6, 'eth0'), to: end('host', 7, 'veth2') },
              { ...base, seq: 2, packet: 1, at: 2, kind: 'drop', from: end('host', 7, 'veth2'), to: end('host', 3, 'docker0'), drop },
            ],
          })
        }
        line = ''
      }
    }
  })
}

async function open(page: Page): Promise<void> {
  await page.route(/\/assets\/main-[^/]+\.js$/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: `(${fakeWorker.toString()})(${JSON.stringify(records)}, ${JSON.stringify(DROP)})` }),
  )
  await page.goto('/')
  await expect(page.locator('.react-flow__node-container')).toHaveCount(2)
}

test('clicking tomcat01 opens its terminal tab and its inspector; the reachability matrix explains', async ({ page }, testInfo) => {
  await open(page)
  await containerNode(page, 'tomcat01').click()
  await expect(page.getByRole('tab', { selected: true })).toHaveText('tomcat01')
  const inspector = page.getByTestId('inspector')
  await expect(inspector).toContainText('tomcat01')
  await expect(inspector).toContainText('inet 172.18.0.2/16 scope global eth0')
  await expect(inspector).toContainText('8080/tcp -> 0.0.0.0:49153')
  await expect(inspector).toContainText('nameserver 100.100.2.136')
  await shot(page, testInfo, 'inspector-tomcat01')
  await page.getByRole('button', { name: 'Reachability matrix' }).click()
  const cell = page.locator(`.reach-cell[data-from="${TOMCAT01}"][data-to="${TOMCAT02}"]`)
  await expect(cell).toContainText('IP: 172.18.0.3')
  await expect(cell).toContainText('no DNS on the default bridge')
  await page.locator('.react-flow__node-bridge').click()
  await expect(inspector).toContainText('docker network inspect bridge')
})

test('a dropped packet stops where it was dropped and names the rule', async ({ page }, testInfo) => {
  await open(page)
  await page.locator('[data-terminal="host"] .xterm').click()
  await page.keyboard.type('drop')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('drop-banner')).toContainText(`Dropped at docker0: ${DROP}`)
  await expect(page.getByTestId('drop-mark')).toContainText(DROP)
  await shot(page, testInfo, 'drop')
  await page.getByRole('button', { name: 'Step back one hop' }).click()
  await expect(page.getByTestId('hop-card')).toContainText('Hop 1 of 2')
  await page.getByRole('button', { name: 'Step forward one hop' }).click()
  await expect(page.getByTestId('hop-card')).toContainText(`Dropped by ${DROP}`)
})

test('switching language changes the UI text and not the terminal output', async ({ page }, testInfo) => {
  await open(page)
  await page.locator('[data-terminal="host"] .xterm').click()
  await page.keyboard.type('docker ps')
  await page.keyboard.press('Enter')
  await expect.poll(() => terminalText(page, 'host')).toContain('ran: docker ps')
  const before = await terminalText(page, 'host')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await expect(page.getByRole('tab').first()).toHaveText('宿主机')
  await expect(page.locator('.react-flow__node-host')).toContainText('Docker 宿主机')
  await expect(page.getByRole('button', { name: '演示模式' })).toBeVisible()
  expect(await terminalText(page, 'host')).toBe(before)
  await shot(page, testInfo, 'zh-CN')
})

test('presenter mode enlarges the graph and the terminal', async ({ page }, testInfo) => {
  await open(page)
  const zoom = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)
  const font = () => page.evaluate(() => window.__dockernet!.terminalFontSize('host'))
  await page.waitForTimeout(600) // the graph's fit settles
  const [zoomBefore, fontBefore] = [await zoom(), await font()]
  await page.getByTestId('presenter-toggle').click()
  await expect(page.locator('html')).toHaveClass(/presenter/)
  await expect.poll(font).toBeGreaterThan(fontBefore)
  await expect.poll(zoom).toBeGreaterThan(zoomBefore)
  await expect(page.locator('.terminal-tools')).toBeHidden()
  await shot(page, testInfo, 'presenter')
  await page.keyboard.press('F2')
  await expect(page.locator('html')).not.toHaveClass(/presenter/)
})

for (const language of ['en', 'zh-CN'] as const) {
  test(`axe finds no serious or critical violation (${language})`, async ({ page }) => {
    await open(page)
    if (language === 'zh-CN') await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
    await containerNode(page, 'tomcat01').click()
    const results = await new AxeBuilder({ page }).exclude('.xterm-helper-textarea').exclude('.xterm-accessibility').analyze()
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([])
  })
}

test('the graph exports as SVG and PNG; the help dialog lists the shortcuts', async ({ page }) => {
  await open(page)
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the graph as SVG' }).click()])
  expect(svg.suggestedFilename()).toBe('dockernet-graph.svg')
  const text = await (await svg.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString())
  expect(text).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(text).toContain('tomcat01')
  expect(text).toMatch(/eth0@if5 ↔ veth[0-9a-f]{7}@if4/)
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the graph as PNG' }).click()])
  expect(png.suggestedFilename()).toBe('dockernet-graph.png')
  await page.keyboard.press('F1')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Shift+V')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
})

test('a multi-line paste runs line by line, as typed', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await open(page)
  await page.evaluate(() => navigator.clipboard.writeText('echo one\necho two\n'))
  await page.locator('[data-terminal="host"] .xterm').click()
  await page.keyboard.press('Control+Shift+V')
  await expect.poll(() => terminalText(page, 'host')).toMatch(/# echo one\nran: echo one\n.*# echo two\nran: echo two/)
})
