// The shell through the browser: the tutorial's T25 block pasted in one piece
// into the host terminal (as a learner pastes it), and Ctrl+C stopping a
// streaming ping and a busy loop.
import { expect, test } from '@playwright/test'
import { openApp, terminalText, typeLine, waitForText } from './helpers'
import { REDIS_CONFIG_BLOCK } from '../src/share/lessons/tutorial-blocks'

// Part 5 of the tutorial, verbatim (one copy, in the lesson's data).
// The test hook trims trailing spaces, so a prompt reads as `…#` at the end of the text.
const T25 = `${REDIS_CONFIG_BLOCK}\n`

test('T25 pasted as one block writes six redis.conf files', async ({ page, context }) => {
  test.setTimeout(60_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openApp(page)
  // Pasted as a learner pastes it: through the clipboard into xterm, which turns newlines into Enter.
  await page.evaluate((block) => navigator.clipboard.writeText(block), T25)
  await page.locator('[data-terminal="host"] .xterm').click()
  await page.keyboard.press('Control+Shift+V')
  await waitForText(page, 'host', /^> done\n.*# ?$/m)
  const text = await terminalText(page, 'host')
  expect(text).toContain('> cat << EOF >/mydata/redis/node-${port}/conf/redis.conf')

  await typeLine(page, 'host', 'ls -l /mydata/redis/*/conf')
  const listing = await waitForText(page, 'host', /\/mydata\/redis\/node-6\/conf:\ntotal \d+\n.* redis\.conf\n/)
  expect(listing.match(/^-rw-r--r-- 1 root root +\d+ .* redis\.conf$/gm)?.length).toBe(6)

  await typeLine(page, 'host', 'cat /mydata/redis/node-3/conf/redis.conf | grep announce-ip')
  await waitForText(page, 'host', /^cluster-announce-ip 172\.38\.0\.13$/m)
})

test('Ctrl+C stops ping and a busy while loop', async ({ page }) => {
  test.setTimeout(60_000)
  await openApp(page)
  await typeLine(page, 'host', 'ping 172.17.0.3')
  await waitForText(page, 'host', /64 bytes from 172\.17\.0\.3: icmp_seq=2 /)
  await page.keyboard.press('Control+C')
  await waitForText(page, 'host', /--- 172\.17\.0\.3 ping statistics ---\n(.*\n)+.*# ?$/)

  await typeLine(page, 'host', 'while true; do :; done')
  await page.waitForTimeout(1000)
  await page.keyboard.press('Control+C')
  await waitForText(page, 'host', /while true; do :; done\n\^C\n.*# ?$/)
  await typeLine(page, 'host', 'echo back $?')
  await waitForText(page, 'host', /^back 130$/m)
})
