/**
 * The tutorial's Part 1 (WALKTHROUGH.md T1–T9) typed into the host terminal
 * of a fresh World, one `it` per step, as a learner would. Values that vary
 * run to run (ids, MACs, ifindexes, times) are checked for shape and for
 * consistency with each other, never for a fixed value.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, type TestHost } from '../testing/host'

const ID64 = /^[0-9a-f]{64}$/

interface LinkLine {
  index: number
  name: string
  peerIndex?: number
  rest: string
}

/** The `N: name[@ifM]: <…>` header lines of `ip addr` output. */
function links(output: string): LinkLine[] {
  return [...output.matchAll(/^(\d+): ([^:@\s]+)(?:@if(\d+))?: (.*)$/gm)].map((m) => ({
    index: Number(m[1]),
    name: m[2]!,
    ...(m[3] ? { peerIndex: Number(m[3]) } : {}),
    rest: m[4]!,
  }))
}

describe('tutorial Part 1: docker0 and veth pairs', () => {
  let host: TestHost
  let tomcat01Id = ''
  let container01Eth0: LinkLine | undefined

  beforeAll(async () => {
    host = await createTestHost({ seed: 2021 })
  })

  it('T1 clears an empty host with Docker’s own usage errors', async () => {
    const rm = await host.run('docker rm -f `docker ps -qa`')
    expect(rm.output).toBe(
      ['"docker rm" requires at least 1 argument.', "See 'docker rm --help'.", '', 'Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]', '', 'Remove one or more containers', ''].join('\n'),
    )
    const rmi = await host.run('docker rmi -f `docker images -qa`')
    expect(rmi.output).toContain('"docker rmi" requires at least 1 argument.')
    expect((await host.run('echo $?')).output).toBe('1\n')
  })

  it('T2 shows lo, eth0 and a docker0 that is down while empty', async () => {
    const { output } = await host.run('ip addr')
    expect(links(output).map((l) => `${l.index}:${l.name}`)).toEqual(['1:lo', '2:eth0', '3:docker0'])
    expect(output).toContain('    inet 172.17.0.3/20 brd 172.17.15.255 scope global eth0\n')
    expect(output).toContain('3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default \n')
    expect(output).toContain('    inet 172.18.0.1/16 brd 172.18.255.255 scope global docker0\n')
  })

  it('T3 runs tomcat01: pulls the image, prints the id', async () => {
    const { output } = await host.run('docker run -d -P --name tomcat01 tomcat')
    const lines = output.trimEnd().split('\n')
    expect(lines[0]).toBe("Unable to find image 'tomcat:latest' locally")
    expect(lines).toContain('Status: Downloaded newer image for tomcat:latest')
    tomcat01Id = lines.at(-1)!
    expect(tomcat01Id).toMatch(ID64)
    const ps = await host.run('docker ps')
    expect(ps.output).toMatch(/0\.0\.0\.0:(\d+)->8080\/tcp, :::\1->8080\/tcp +tomcat01\n$/)
    expect(Number(/0\.0\.0\.0:(\d+)/.exec(ps.output)![1])).toBeGreaterThanOrEqual(49153)
    expect(ps.output.split('\n')[1]!.slice(0, 12)).toBe(tomcat01Id.slice(0, 12))
  })

  it('T4 shows eth0@ifN with 172.18.0.2 and 02:42:ac:12:00:02 inside tomcat01', async () => {
    const { output } = await host.run('docker exec -it tomcat01 ip addr')
    const ls = links(output)
    expect(ls.map((l) => l.name)).toEqual(['lo', 'eth0'])
    container01Eth0 = ls[1]
    expect(container01Eth0!.peerIndex).toBe(container01Eth0!.index + 1)
    expect(output).toContain('    link/ether 02:42:ac:12:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n')
    expect(output).toContain('    inet 172.18.0.2/16 brd 172.18.255.255 scope global eth0\n')
    expect(output).not.toContain('inet6')
  })

  it('T5 pings the container from the host until ^C, then prints statistics', async () => {
    await host.start('ping 172.18.0.2')
    await host.advance(3500)
    const { output } = await host.ctrlC()
    const raw = host.session.rawOutput().replace(/\r\n/g, '\n')
    expect(raw).toContain('PING 172.18.0.2 (172.18.0.2) 56(84) bytes of data.\n')
    const replies = [...raw.matchAll(/^64 bytes from 172\.18\.0\.2: icmp_seq=(\d+) ttl=64 time=(\d+\.\d{2,3}) ms$/gm)]
    expect(replies.map((m) => Number(m[1]))).toEqual([1, 2, 3, 4])
    expect(output).toMatch(/\^C\n--- 172\.18\.0\.2 ping statistics ---\n4 packets transmitted, 4 received, 0% packet loss, time \d+ms\nrtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms\n/)
  })

  it('T6 shows docker0 up and the host end of the pair, cross-referencing eth0', async () => {
    const { output } = await host.run('ip addr')
    const ls = links(output)
    expect(ls.find((l) => l.name === 'docker0')!.rest).toMatch(/^<BROADCAST,MULTICAST,UP,LOWER_UP> .* state UP /)
    const veth = ls.find((l) => l.name.startsWith('veth'))!
    expect(veth.name).toMatch(/^veth[0-9a-f]{7}$/)
    expect(veth.index).toBe(container01Eth0!.peerIndex)
    expect(veth.peerIndex).toBe(container01Eth0!.index)
    expect(veth.rest).toContain('master docker0 state UP')
    expect(output).toMatch(new RegExp(`${veth.name}@if\\d+: .*\\n    link/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff link-netnsid 0\\n    inet6 fe80::`))
  })

  it('T7 runs tomcat02 on 172.18.0.3 with a second veth pair', async () => {
    const run = await host.run('docker run -d -P --name tomcat02 tomcat')
    expect(run.output.trim()).toMatch(ID64)
    const inside = await host.run('docker exec -it tomcat02 ip addr')
    expect(inside.output).toContain('inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0')
    const eth0 = links(inside.output).find((l) => l.name === 'eth0')!
    const onHost = links((await host.run('ip addr')).output).filter((l) => l.name.startsWith('veth'))
    expect(onHost).toHaveLength(2)
    expect(onHost[1]!.index).toBe(eth0.peerIndex)
    expect(onHost[1]!.peerIndex).toBe(eth0.index)
  })

  it('T8 pings tomcat02 from tomcat01 through docker0', async () => {
    const { output } = await host.run('docker exec -it tomcat01 ping -c 2 172.18.0.3')
    expect(output).toMatch(/^PING 172\.18\.0\.3 \(172\.18\.0\.3\) 56\(84\) bytes of data\.\n64 bytes from 172\.18\.0\.3: icmp_seq=1 ttl=64 time=[\d.]+ ms\n64 bytes from 172\.18\.0\.3: icmp_seq=2 ttl=64 time=[\d.]+ ms\n\n--- 172\.18\.0\.3 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time \d+ms\n/)
  })

  it('T9 removing a container removes its veth pair', async () => {
    const before = links((await host.run('ip addr')).output).filter((l) => l.name.startsWith('veth'))
    expect((await host.run('docker rm -f tomcat02')).output).toBe('tomcat02\n')
    const after = links((await host.run('ip addr')).output).filter((l) => l.name.startsWith('veth'))
    expect(after).toEqual(before.slice(0, 1))
    expect((await host.run('docker ps -q')).output).toBe(tomcat01Id.slice(0, 12) + '\n')
  })
})
