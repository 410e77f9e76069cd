/** Shared steps: wait for the host prompt, type into a terminal, read a terminal's whole buffer. */
import { expect, type Page } from '@playwright/test'

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
