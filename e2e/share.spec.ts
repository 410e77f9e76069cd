// Scenarios through the browser: share a lab as a link and open it in a fresh browser context
// (same terminal text, same graph), reload mid-session (nothing lost), step through the lesson in
// presenter view, and open every hostile link of the corpus (refused, no script ran, page intact).
import { expect, test, type Page } from '@playwright/test'
import { containerNode, openApp, run, terminalText } from './helpers'
import { HOSTILE } from '../src/share/fixtures/hostile'

/** Waits until a replayed lab is ready: no progress bar, host prompt showing. */
async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-prompt-ready="true"]')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('replay-progress')).toHaveCount(0, { timeout: 60_000 })
}

const lastLines = (text: string, n: number) => text.split('\n').slice(-n).join('\n')

test('share a lab: the link replays the same terminal and graph in a fresh browser', async ({ page, browser }) => {
  test.setTimeout(120_000)
  await openApp(page)
  await run(page, 'host', 'docker run -d -P --name tomcat01 tomcat')
  await run(page, 'host', 'docker network create --subnet 192.168.0.0/16 mynet')
  await run(page, 'host', 'docker network connect mynet tomcat01')
  const ipAddr = await run(page, 'host', 'docker exec -it tomcat01 ip addr')
  expect(ipAddr).toMatch(/inet 192\.168\.0\.2\/16/)
  const original = await terminalText(page, 'host')

  await page.getByTestId('share-button').click()
  const link = await page.getByTestId('share-link').inputValue()
  expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/)
  expect(link.length).toBeLessThan(2000)
  await expect(page.locator('.qr-code')).toBeVisible()
  await page.keyboard.press('Escape')

  const other = await browser.newContext()
  const copy = await other.newPage()
  await copy.goto(link)
  await ready(copy)
  await expect.poll(() => terminalText(copy, 'host'), { timeout: 30_000 }).toContain('inet 192.168.0.2/16')
  const replayed = await terminalText(copy, 'host')
  expect(lastLines(replayed, 30)).toBe(lastLines(original, 30))
  await expect(containerNode(copy, 'tomcat01')).toBeVisible()
  await expect(containerNode(copy, 'tomcat01')).toContainText('192.168.0.2/16')
  // The link was opened into a lab of its own; the address no longer carries it.
  expect(new URL(copy.url()).hash).toBe('')
  await other.close()

  // Reload mid-session: the lab is replayed from the browser's storage.
  await page.reload()
  await ready(page)
  await expect.poll(() => terminalText(page, 'host'), { timeout: 30_000 }).toContain('inet 192.168.0.2/16')
  expect(lastLines(await terminalText(page, 'host'), 30)).toBe(lastLines(original, 30))
  await expect(containerNode(page, 'tomcat01')).toBeVisible()
  // …and typing goes on from there.
  await run(page, 'host', 'docker ps --format "{{.Names}}"')
  expect(await terminalText(page, 'host')).toMatch(/^tomcat01$/m)
})

test('T1–T12 in presenter view, checks turning green; the shared link gives the same ip addr in tomcat01', async ({ page, browser }) => {
  test.setTimeout(240_000)
  await openApp(page)
  await page.getByTestId('lesson-toggle').click()
  await page.getByTestId('presenter-toggle').click()
  const panel = page.getByTestId('lesson-panel')
  for (let n = 1; n <= 12; n++) {
    const step = panel.locator(`[data-step="T${n}"]`)
    await expect(step).toBeVisible()
    await step.getByTestId('lesson-try').click()
    await expect(step).toHaveAttribute('data-done', 'true', { timeout: 45_000 })
    await expect(page.getByTestId('lesson-try')).toBeEnabled({ timeout: 45_000 })
    await page.getByTestId('lesson-next').click()
  }
  await expect(panel.locator('[data-step="T13"]')).toBeVisible()
  await expect(panel.locator('.lesson-count')).toHaveText(/^1[2-9] \/ 31$/) // T13 holds from the start
  await page.getByTestId('presenter-toggle').click()
  await page.getByTestId('lesson-toggle').click()

  const ipAddr = async (p: Page) => {
    const text = await run(p, 'host', 'docker exec -it tomcat01 ip addr')
    return text.slice(text.lastIndexOf('docker exec -it tomcat01 ip addr'))
  }
  await page.getByTestId('share-button').click()
  const link = await page.getByTestId('share-link').inputValue()
  await page.keyboard.press('Escape')
  const mine = await ipAddr(page)
  expect(mine).toMatch(/eth0@if\d+:.*\n(.*\n)*?\s+inet 172\.18\.0\.2\/16/)

  const other = await browser.newContext()
  const copy = await other.newPage()
  await copy.goto(link)
  await ready(copy)
  for (const name of ['tomcat01', 'tomcat02', 'tomcat03']) await expect(containerNode(copy, name)).toBeVisible()
  expect(await ipAddr(copy)).toBe(mine)
  await other.close()
})

test('hostile links are refused and the page keeps working', async ({ page }) => {
  test.setTimeout(300_000)
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await openApp(page)
  await run(page, 'host', 'echo before-hostile-links')
  for (const h of HOSTILE.filter((x) => x.as === 'link')) {
    await page.goto('about:blank')
    await page.goto(`/#s=${h.payload}`)
    await expect(page.getByTestId('share-error'), h.name).toHaveAttribute('data-code', h.expect)
    await expect(page.locator('[data-prompt-ready="true"]')).toBeVisible({ timeout: 30_000 })
  }
  // A hostile link pasted into the open tab (hashchange) is refused too.
  await page.getByTestId('share-error').getByRole('button').click()
  await page.evaluate((p) => (location.hash = `s=${p}`), HOSTILE.find((h) => h.name === '__proto__ at the top')!.payload)
  await expect(page.getByTestId('share-error')).toHaveAttribute('data-code', 'forbidden-key')
  expect(dialogs).toEqual([])
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({})
  expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined()
  // Hostile files are refused the same way.
  await page.getByTestId('share-button').click()
  for (const h of HOSTILE.filter((x) => x.as === 'file')) {
    await page.getByTestId('share-upload').setInputFiles({ name: 'lab.json', mimeType: 'application/json', buffer: Buffer.from(h.payload) })
    await expect(page.getByTestId('share-error'), h.name).toHaveAttribute('data-code', h.expect)
    await page.getByTestId('share-button').click()
  }
  await page.keyboard.press('Escape')
  // The lab is as it was.
  await expect.poll(() => terminalText(page, 'host'), { timeout: 30_000 }).toContain('before-hostile-links')
  await run(page, 'host', 'echo still-works')
  expect(await terminalText(page, 'host')).toMatch(/^still-works$/m)
})

test('labs: a new lab starts empty, the old one is kept; reset asks first', async ({ page }) => {
  test.setTimeout(120_000)
  await openApp(page)
  await run(page, 'host', 'echo in-first-lab')
  page.once('dialog', (d) => void d.accept('second'))
  await page.locator('.lab-menu summary').click()
  await page.getByRole('menuitem', { name: 'New lab' }).click()
  await ready(page)
  expect(await terminalText(page, 'host')).not.toContain('in-first-lab')
  await expect(page.getByTestId('lab-select').locator('option')).toHaveText(['Lab 1', 'second'])
  // Back to the first lab: replayed.
  await page.getByTestId('lab-select').selectOption({ label: 'Lab 1' })
  await ready(page)
  await expect.poll(() => terminalText(page, 'host'), { timeout: 30_000 }).toContain('in-first-lab')
  // Reset, declined: nothing changes. Accepted: an empty host.
  page.once('dialog', (d) => void d.dismiss())
  await page.locator('.lab-menu summary').click()
  await page.getByTestId('lab-reset').click()
  expect(await terminalText(page, 'host')).toContain('in-first-lab')
  page.once('dialog', (d) => void d.accept())
  await page.getByTestId('lab-reset').click()
  await ready(page)
  await expect.poll(() => terminalText(page, 'host')).not.toContain('in-first-lab')
})
