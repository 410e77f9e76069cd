// Passes against the placeholder world: the app boots, the host prompt comes up,
// typed keys reach the simulated shell, and the graph shows the host.
import { expect, test } from '@playwright/test'
import { openApp, terminalText, typeLine, waitForText } from './helpers'

test('the host prompt comes up and runs what is typed', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await openApp(page)
  await expect.poll(() => terminalText(page, 'host')).toMatch(/root@docker-host:~#$/) // the hook trims trailing blanks

  await typeLine(page, 'host', 'foo')
  const text = await waitForText(page, 'host', /bash: foo: command not found/)
  // The echo of the typed line, then the error, then a new prompt.
  expect(text).toMatch(/# foo\nbash: foo: command not found\nroot@docker-host:~#$/)
  expect(errors).toEqual([])
})

test('the graph shows the host node', async ({ page }) => {
  await openApp(page)
  const host = page.locator('.react-flow__node-host')
  await expect(host).toBeVisible()
  await expect(host).toContainText('Docker host')
})

test('the host tab is first and selected', async ({ page }) => {
  await openApp(page)
  const tabs = page.getByRole('tab')
  await expect(tabs.first()).toHaveAttribute('data-tab', 'host')
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true')
})
