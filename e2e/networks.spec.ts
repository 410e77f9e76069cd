// T15–T23 typed into the host terminal of the real engine: a user-defined network, two
// containers on it that ping by name, `network connect` giving tomcat01 a second interface,
// and tomcat02's ping across the two bridges dropped by Docker's isolation rules.
import { expect, test } from '@playwright/test'
import { containerNode, openApp, run, shot, terminalText, typeLine, waitForText } from './helpers'

test('T15–T23: mynet on the graph, a second interface, and the isolated ping marked as dropped', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await openApp(page)
  const containers = page.locator('.react-flow__node-container')

  // Part 1's two containers on the default bridge.
  await run(page, 'host', 'docker run -d -P --name tomcat01 tomcat', 60_000)
  await run(page, 'host', 'docker run -d -P --name tomcat02 tomcat', 60_000)
  await expect(containers).toHaveCount(2)

  // T15: the network and its bridge, drawn with the subnet and the gateway.
  const t15 = await run(page, 'host', 'docker network create --driver bridge --subnet 192.168.0.0/16 --gateway 192.168.0.1 mynet')
  const id = t15.match(/^[0-9a-f]{64}$/gm)?.at(-1)
  expect(id).toBeTruthy()
  const mynet = page.locator('.react-flow__node-bridge', { hasText: '192.168.0.0/16' })
  await expect(mynet).toBeVisible()
  await expect(mynet).toContainText(`br-${id!.slice(0, 12)}`)
  await expect(mynet).toContainText('192.168.0.1')
  await expect(mynet).toContainText('mynet')

  // T16: the empty network's inspect.
  expect(await run(page, 'host', 'docker network inspect mynet')).toContain('"Containers": {},')

  // T17: two containers on mynet ping each other by name (embedded DNS, reverse name.network).
  await run(page, 'host', 'docker run -d -P --name tomcat-mynet-01 --net mynet tomcat', 60_000)
  await run(page, 'host', 'docker run -d -P --name tomcat-mynet-02 --net mynet tomcat', 60_000)
  await expect(containers).toHaveCount(4)
  await expect(containerNode(page, 'tomcat-mynet-01')).toContainText('192.168.0.2/16')
  await expect(containerNode(page, 'tomcat-mynet-02')).toContainText('192.168.0.3/16')
  const t17 = await run(page, 'host', 'docker exec -it tomcat-mynet-01 ping -c 2 tomcat-mynet-02', 30_000)
  expect(t17).toMatch(/64 bytes from tomcat-mynet-02\.mynet \(192\.168\.0\.3\): icmp_seq=1 ttl=64/)

  // T18: inspect lists both.
  const t18 = await run(page, 'host', 'docker network inspect mynet')
  expect(t18).toContain('"IPv4Address": "192.168.0.2/16"')
  expect(t18).toContain('"IPv4Address": "192.168.0.3/16"')

  // T21: network connect gives tomcat01 eth1 on mynet: two interfaces on its node.
  await expect(containerNode(page, 'tomcat01').locator('.iface')).toHaveCount(1)
  await run(page, 'host', 'docker network connect mynet tomcat01')
  const tomcat01 = containerNode(page, 'tomcat01')
  await expect(tomcat01.locator('.iface')).toHaveCount(2)
  await expect(tomcat01).toContainText('192.168.0.4/16')
  await expect(tomcat01).toContainText('eth1')
  await shot(page, testInfo, 't21-two-interfaces')

  // T22: tomcat01 now reaches mynet's containers by name.
  const t22 = await run(page, 'host', 'docker exec -it tomcat01 ping -c 1 tomcat-mynet-01', 30_000)
  expect(t22).toMatch(/64 bytes from tomcat-mynet-01\.mynet \(192\.168\.0\.2\)/)

  // T23: tomcat02 has no name for it, and its packets by IP die between the bridges.
  const t23a = await run(page, 'host', 'docker exec -it tomcat02 ping -c 1 tomcat-mynet-01', 30_000)
  expect(t23a).toContain('ping: tomcat-mynet-01: Name or service not known')
  await typeLine(page, 'host', 'docker exec -it tomcat02 ping -c 2 -W 1 192.168.0.2')
  await waitForText(page, 'host', /2 packets transmitted, 0 received, 100% packet loss/, 30_000)
  await expect(page.getByTestId('drop-banner')).toContainText('Dropped at')
  await expect(page.getByTestId('drop-mark')).toBeVisible()
  await shot(page, testInfo, 't23-dropped')

  expect(await terminalText(page, 'host')).not.toContain('command not found')
  expect(errors).toEqual([])
})
