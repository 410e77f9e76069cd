/**
 * Golden test against the real-dockerd captures in shared/refs/docker
 * (copies in src/testing/refs/docker), on the tutorial's host (eth0
 * 172.17.0.3/20, docker0 172.18.0.1/16), built with the stack API.
 * Normalised: veth names and MACs, docker0's MAC and the link-locals made
 * from them, RTTs, ping's elapsed time, and link-netnsid (see DEVIATIONS).
 * Not normalised: `tentative`, which capture 021 shows on the veth made a
 * moment before and which the simulator must show too.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tutorialTopology } from '../../../testing/net-topology'
import { Normaliser, readCapture, type Field } from '../../../testing/normalise'
import { runProgram } from '../../../testing/program-harness'
import { standInEmbeddedDns } from '../../../testing/embedded-dns'

const REFS = join(__dirname, '../../../testing/refs/docker')
const BASE: Field[] = ['veth-name', 'veth-mac', 'bridge-mac', 'link-local', 'rtt', 'elapsed', 'lifetime']

/**
 * Deviations from the captures, each with its reason (refs/docker README, "Artefacts of this setup").
 * 1. Host eth0: the capture host's eth0 was a veth to a namespace `dockuplink`, so it printed
 *    `eth0@if2 … qdisc noqueue … link-netns dockuplink`; the tutorial's host (and ours) has a plain
 *    NIC: `2: eth0: … qdisc pfifo_fast …` with no link-netns. The capture is rewritten to that form.
 * 2. Host-side link-netnsid: the uplink namespace took id 0 on the capture host, so its containers
 *    got 1, 2; ours get 0, 1 (lowest free, as on a real host and in the tutorial). Normalised
 *    (the numbering by first appearance still checks that two containers get distinct ids).
 * 3. 241 (`docker run --rm`): interface numbers 103/104 come from the capture session's history;
 *    normalised.
 */
function plainNic(text: string): string {
  return text
    .replace(/^2: eth0@if2: (<[^>]+>) mtu 1500 qdisc noqueue /m, '2: eth0: $1 mtu 1500 qdisc pfifo_fast ')
    .replace(/ link-netns dockuplink$/m, '')
}

const t = tutorialTopology({ seed: 11 })
const run = (ns: string, argv: string[]) => runProgram(t.registry, ns === 'host' ? t.hostSandbox : t.containers.get(ns)!.sandbox, argv, { kernel: t.kernel })

async function check(file: string, ns: string, extra: Field[] = []): Promise<void> {
  const c = readCapture(join(REFS, file))
  const argv = c.command.replace(/^docker exec (-it )?\S+ /, '').replace(/^docker run --rm tomcat /, '').split(' ')
  const r = await run(ns, argv)
  const fields = new Set([...BASE, ...extra])
  expect(new Normaliser(fields).normalise(r.output)).toBe(new Normaliser(fields).normalise(plainNic(c.output)))
  expect(r.exitCode).toBe(c.exitCode)
}

describe.sequential('refs/docker captures on the tutorial host', () => {
  it('003 host ip addr on a fresh host (deviation 1)', async () => {
    t.advance(5000)
    await check('003-host-ip-addr-fresh.txt', 'host')
  })
  it('011/012 tomcat01 ip addr', async () => {
    t.run('tomcat01')
    t.advance(5000)
    await check('011-exec-it-tomcat01-ip-addr.txt', 'tomcat01')
    await check('012-exec-tomcat01-ip-addr-no-tty-flag.txt', 'tomcat01')
  })
  it('014 host pings the container', async () => {
    await check('014-host-ping-container.txt', 'host')
  })
  it('015 host ip addr with one container (deviation 2)', async () => {
    await check('015-host-ip-addr-one-container.txt', 'host', ['netnsid'])
  })
  it('021 host ip addr right after the second run: its veth link-local is still tentative', async () => {
    t.run('tomcat02')
    t.advance(200)
    await check('021-host-ip-addr-two-containers.txt', 'host', ['netnsid'])
  })
  it('022 tomcat02 ip addr, 023 tomcat01 pings tomcat02', async () => {
    t.advance(5000)
    await check('022-exec-it-tomcat02-ip-addr.txt', 'tomcat02')
    await check('023-exec-it-tomcat01-ping-tomcat02-ip.txt', 'tomcat01')
  })
  it('067 tomcat02 (default bridge) pings a mynet name: the host\'s upstream DNS says NXDOMAIN', async () => {
    t.addNetwork('mynet', 'br-0123456789ab', '192.168.0.0/16', '192.168.0.1')
    const m1 = t.run('tomcat-mynet-01', 'mynet')
    t.run('tomcat-mynet-02', 'mynet')
    standInEmbeddedDns(t, m1, { 'tomcat-mynet-02': '192.168.0.3' })
    t.advance(3000)
    await check('067-exec-it-tomcat02-ping-mynet01-name.txt', 'tomcat02')
  })
  it('068 isolation: tomcat02 pings mynet01 by IP, DOCKER-ISOLATION-STAGE-2 drops it (100% loss, no error)', async () => {
    await check('068-exec-tomcat02-ping-mynet01-ip-isolated.txt', 'tomcat02')
  })
  it('055/056 names unknown to the embedded DNS (and to the upstream) fail as "Name or service not known"', async () => {
    await check('055-exec-mynet01-ping-unknown.txt', 'tomcat-mynet-01')
    await check('056-exec-mynet01-ping-tomcat01-default-bridge.txt', 'tomcat-mynet-01')
  })
  it('241 a --rm container takes the freed address (deviation 3)', async () => {
    t.stop('tomcat02')
    t.run('rm-test')
    t.advance(3000)
    await check('241-run-rm-foreground.txt', 'rm-test', ['ifindex'])
  })
})
