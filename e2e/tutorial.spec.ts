// The tutorial's first steps (T3–T6) through the browser: run a container,
// look at its interfaces, ping it, and find the host end of its veth pair.
// Fails against the placeholder world until the real engine lands.
import { expect, test } from '@playwright/test'
import { openApp, typeLine, waitForText } from './helpers'

test('T3–T6: a container on docker0, its veth pair, a ping', async ({ page }) => {
  test.setTimeout(90_000)
  await openApp(page)

  // T3: docker run prints the new container's full id.
  await typeLine(page, 'host', 'docker run -d -P --name tomcat01 tomcat')
  await waitForText(page, 'host', /^[0-9a-f]{64}$/m, 30_000)

  // T4: inside the container, eth0 is one end of a veth pair: eth0@ifN.
  await typeLine(page, 'host', 'docker exec -it tomcat01 ip addr')
  let text = await waitForText(page, 'host', /^\d+: eth0@if(\d+):.*\n(.*\n)*?\s+inet 172\.18\.0\.2\/16/m)
  const inner = /^(\d+): eth0@if(\d+):/m.exec(text)!
  const [containerIfindex, peerIfindex] = [Number(inner[1]), Number(inner[2])]

  // T5: the host reaches the container over docker0; Ctrl+C prints the statistics.
  await typeLine(page, 'host', 'ping 172.18.0.2')
  await waitForText(page, 'host', /64 bytes from 172\.18\.0\.2: icmp_seq=1 /)
  await page.waitForTimeout(3000)
  await page.keyboard.press('Control+C')
  text = await waitForText(page, 'host', /--- 172\.18\.0\.2 ping statistics ---\n\d+ packets transmitted, \d+ received/)
  expect(text.match(/64 bytes from 172\.18\.0\.2/g)!.length).toBeGreaterThanOrEqual(2)

  // T6: the host end, vethXXXXXXX@ifM, enslaved to docker0; the indices point at each other.
  await typeLine(page, 'host', 'ip addr')
  text = await waitForText(page, 'host', /^\d+: veth[0-9a-f]{7}@if\d+: .* master docker0/m)
  const outer = /^(\d+): (veth[0-9a-f]{7})@if(\d+): .* master docker0/m.exec(text)!
  expect(Number(outer[1])).toBe(peerIfindex)
  expect(Number(outer[3])).toBe(containerIfindex)

  // The graph: a tomcat01 node, and a veth edge labelled with both ends.
  const node = page.locator('.react-flow__node-container', { hasText: 'tomcat01' })
  await expect(node).toBeVisible()
  await expect(node).toContainText('172.18.0.2/16')
  const label = `eth0@if${peerIfindex} ↔ ${outer[2]}@if${containerIfindex}`
  await expect(page.locator('.react-flow__edge.edge-veth')).toHaveCount(1)
  await expect(page.locator('.veth-label', { hasText: label })).toBeVisible()
})
