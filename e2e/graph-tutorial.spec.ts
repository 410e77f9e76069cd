// T1–T9 typed into the host terminal of the real engine, with the graph checked
// after each step; then a ping between two containers, watched hop by hop.
import { expect, test } from '@playwright/test'
import { containerNode, openApp, run, shot, terminalText, typeLine, waitForText } from './helpers'

test('T1–T9: the graph follows the tutorial, step by step', async ({ page }, testInfo) => {
  test.setTimeout(150_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await openApp(page)
  const containers = page.locator('.react-flow__node-container')
  const veths = page.locator('.react-flow__edge.edge-veth')

  // T1: clean slate; nothing to remove, the graph has the host and docker0 only.
  await run(page, 'host', 'docker rm -f `docker ps -qa`')
  await run(page, 'host', 'docker rmi -f `docker images -qa`')
  await expect(containers).toHaveCount(0)
  await expect(page.locator('.react-flow__node-host')).toContainText('172.17.0.3/20')
  await shot(page, testInfo, 't1-empty')

  // T2: the host's interfaces; docker0 is drawn with its network, subnet and gateway.
  await run(page, 'host', 'ip addr')
  const docker0 = page.locator('.react-flow__node-bridge', { hasText: 'docker0' })
  await expect(docker0).toContainText('bridge')
  await expect(docker0).toContainText('172.18.0.0/16')
  await expect(docker0).toContainText('172.18.0.1')

  // T3: a container appears under docker0 with its eth0, address, MAC, and a labelled veth edge.
  await run(page, 'host', 'docker run -d -P --name tomcat01 tomcat', 60_000)
  const tomcat01 = containerNode(page, 'tomcat01')
  await expect(tomcat01).toContainText('172.18.0.2/16')
  await expect(tomcat01).toContainText('02:42:ac:12:00:02')
  await expect(veths).toHaveCount(1)
  await expect(page.locator('.veth-label')).toHaveText([/^eth0@if\d+ ↔ veth[0-9a-f]{7}@if\d+$/])
  await expect(page.locator('.react-flow__node-host')).toContainText(/0\.0\.0\.0:4915\d → 8080\/tcp/)
  // What the command changed is outlined.
  await expect(page.locator('.react-flow__node.changed').first()).toBeVisible()
  await shot(page, testInfo, 't3-tomcat01')

  // T4: the container's view of its eth0 matches the graph's label.
  const t4 = await run(page, 'host', 'docker exec -it tomcat01 ip addr')
  const [, inner, peer] = /^(\d+): eth0@if(\d+):/m.exec(t4)!
  await expect(page.locator('.veth-label')).toHaveText([new RegExp(`^eth0@if${peer} ↔ veth[0-9a-f]{7}@if${inner}$`)])

  // T5: the host pings the container; packets move along docker0 → veth → eth0.
  await typeLine(page, 'host', 'ping 172.18.0.2')
  await waitForText(page, 'host', /icmp_seq=2 /)
  await expect.poll(() => page.evaluate(() => window.__dockernet!.hops().some((h) => /^veth[0-9a-f]{7}>eth0:icmp$/.test(h)))).toBe(true)
  await page.keyboard.press('Control+C')
  await waitForText(page, 'host', /ping statistics ---\n.*\n.*\nroot@docker-host:~#$/)

  // T6: the host end of the pair is the edge's other label.
  const t6 = await run(page, 'host', 'ip addr')
  const [, vethName] = /^\d+: (veth[0-9a-f]{7})@if\d+: .* master docker0/m.exec(t6)!
  await expect(page.locator('.veth-label')).toContainText([vethName!])

  // T7: a second container, a second pair, the next address.
  await run(page, 'host', 'docker run -d -P --name tomcat02 tomcat', 60_000)
  await expect(containers).toHaveCount(2)
  await expect(containerNode(page, 'tomcat02')).toContainText('172.18.0.3/16')
  await expect(veths).toHaveCount(2)
  await shot(page, testInfo, 't7-two-containers')

  // T8: tomcat01 pings tomcat02 through docker0 (checked hop by hop in the next test).
  const t8 = await run(page, 'host', 'docker exec -it tomcat01 ping -c 2 172.18.0.3', 30_000)
  expect(t8).toMatch(/2 packets transmitted, 2 received/)

  // T9: removing a container removes its node and its veth pair; the other stays where it was.
  // Compared in graph coordinates (the node's own transform): the view may refit, the layout must not move.
  const position = () => containerNode(page, 'tomcat01').evaluate((el) => el.style.transform)
  const before = await position()
  await run(page, 'host', 'docker rm -f tomcat02')
  await expect(containers).toHaveCount(1)
  await expect(veths).toHaveCount(1)
  expect(await position()).toBe(before)
  await shot(page, testInfo, 't9-removed')
  expect(await terminalText(page, 'host')).not.toContain('command not found')
  expect(errors).toEqual([])
})

test('a ping from tomcat01 to tomcat02 animates eth0 → veth → docker0 → veth → eth0 and back; step mode shows headers', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await openApp(page)
  await run(page, 'host', 'docker run -d --name tomcat01 tomcat', 60_000)
  await run(page, 'host', 'docker run -d --name tomcat02 tomcat', 60_000)
  await typeLine(page, 'host', 'docker exec -it tomcat01 ping 172.18.0.3')
  await waitForText(page, 'host', /icmp_seq=1 /)
  // A dot is on the graph, moving.
  await expect(page.locator('.packet-layer .packet:not(.packet-step)').first()).toBeVisible({ timeout: 5000 })
  await shot(page, testInfo, 'ping-animating')
  await page.keyboard.press('Control+C')
  await waitForText(page, 'host', /ping statistics/)

  const hops = await page.evaluate(() => window.__dockernet!.hops().filter((h) => h.endsWith(':icmp')).join('\n'))
  const v = '(veth[0-9a-f]{7})'
  // Request: eth0 → vethA (wire), vethA → vethB (through docker0), vethB → eth0; then the reply back.
  const path = new RegExp(`eth0>${v}:icmp\\n\\1>${v}:icmp\\n\\2>eth0:icmp\\neth0>\\2:icmp\\n\\2>\\1:icmp\\n\\1>eth0:icmp`)
  expect(hops).toMatch(path)

  // Step mode: back one hop shows that hop's headers; the dot stands still.
  await page.getByRole('button', { name: 'Step back one hop' }).click()
  const card = page.getByTestId('hop-card')
  await expect(card).toContainText('Ethernet')
  await expect(card).toContainText(/IPv4|ARP/)
  await expect(page.getByTestId('packet-step')).toBeVisible()
  await page.getByRole('button', { name: 'Step forward one hop' }).click()
  await shot(page, testInfo, 'ping-step')
  await page.getByRole('button', { name: 'Live' }).click()
  await expect(card).toHaveCount(0)
})
