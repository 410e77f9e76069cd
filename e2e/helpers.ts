/** Shared steps: wait for the host prompt, type into a terminal, read a terminal's whole buffer. */
import { expect, type Page, type TestInfo } from '@playwright/test'

export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`)
  await expect(page.locator('[data-prompt-ready="true"]')).toBeVisible({ timeout: 20_000 })
}

export function terminalText(page: Page, id: string): Promise<string> {
  return page.evaluate((terminal) => window.__dockernet?.terminalText(terminal) ?? '', id)
}

/** Focuses a terminal (its xterm), then types a line and Enter. */
export async function typeLine(page: Page, terminal: string, line: string): Promise<void> {
  await page.locator(`[data-terminal="${terminal}"] .xterm`).click()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
}

/** Waits until the terminal's text matches, and returns it. */
export async function waitForText(page: Page, terminal: string, pattern: RegExp, timeout = 15_000): Promise<string> {
  await expect.poll(() => terminalText(page, terminal), { timeout }).toMatch(pattern)
  return terminalText(page, terminal)
}

/** Counts shell prompts in the terminal (host `…:~# `, a container's `root@<id>:…# `). */
const prompts = (text: string) => (text.match(/^root@[^\n]*[#$] ?/gm) ?? []).length

/** Types a line and waits until the shell shows its next prompt; returns the terminal's text. */
export async function run(page: Page, terminal: string, line: string, timeout = 30_000): Promise<string> {
  const before = prompts(await terminalText(page, terminal))
  await typeLine(page, terminal, line)
  await expect.poll(async () => prompts(await terminalText(page, terminal)), { timeout }).toBeGreaterThan(before)
  return terminalText(page, terminal)
}

/** A screenshot kept with the test's results (test-results/…) and attached to its report. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png` })
}

export const containerNode = (page: Page, name: string) => page.locator('.react-flow__node-container').filter({ has: page.locator('.node-title', { hasText: new RegExp(`^${name}\\b`) }) })
