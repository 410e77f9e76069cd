/**
 * The tutorial's Parts 2–4 (WALKTHROUGH.md T10–T23) typed into the host
 * terminal of a fresh World, one `it` per step, after Part 1's two
 * containers. Values that vary run to run (ids, MACs, ifindexes, times,
 * host ports) are checked for shape and for consistency with each other;
 * help texts and the empty `network inspect` are compared with the captures.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, type TestHost } from '../testing/host'
import { loadCapture, Normaliser } from '../testing/docker-golden'

const ID64 = /^[0-9a-f]{64}$/
const PING_REPLY = (name: string, ip: string): RegExp => new RegExp(`^64 bytes from ${name.replace(/\./g, '\\.')} \\(${ip.replace(/\./g, '\\.')}\\): icmp_seq=\\d+ ttl=64 time=[\\d.]+ ms$`, 'm')

describe('tutorial Parts 2–4: --link, user-defined networks, network connect', () => {
  let host: TestHost
  const ids = new Map<string, string>()
  const id = async (name: string): Promise<string> => {
    const known = ids.get(name)
    if (known) return known
    const out = (await host.run(`docker inspect -f '{{.Id}}' ${name}`)).output.trim()
    ids.set(name, out)
    return out
  }

  beforeAll(async () => {
    host = await createTestHost({ seed: 2021 })
    for (const name of ['tomcat01', 'tomcat02']) {
      const lines = (await host.run(`docker run -d -P --name ${name} tomcat`)).output.trimEnd().split('\n')
      ids.set(name, lines.at(-1)!)
    }
  })

  it('T10 the default bridge has no names: tomcat02 cannot ping tomcat01', async () => {
    expect((await host.run('docker exec -it tomcat02 ping tomcat01')).output).toBe('ping: tomcat01: Name or service not known\n')
    expect((await host.run('echo $?')).output).toBe('2\n')
  })

  it('T11 --link: tomcat03 pings tomcat01 by name', async () => {
    const run = await host.run('docker run -d -P --name tomcat03 --link tomcat01 tomcat')
    expect(run.output.trim()).toMatch(ID64)
    ids.set('tomcat03', run.output.trim())
    await host.start('docker exec -it tomcat03 ping tomcat01')
    await host.advance(1500)
    const { output } = await host.ctrlC()
    const raw = host.session.rawOutput().replace(/\r\n/g, '\n')
    expect(raw).toContain('PING tomcat01 (172.18.0.2) 56(84) bytes of data.\n')
    expect(raw).toMatch(PING_REPLY('tomcat01', '172.18.0.2'))
    expect(output).toMatch(/--- tomcat01 ping statistics ---\n\d+ packets transmitted, \d+ received, 0% packet loss/)
  })

  it('T12 tomcat03’s /etc/hosts has the link line; the link is one-way', async () => {
    const { output } = await host.run('docker exec -it tomcat03 cat /etc/hosts')
    const t01 = ids.get('tomcat01')!.slice(0, 12)
    const t03 = ids.get('tomcat03')!.slice(0, 12)
    expect(output.split('\n').slice(-3)).toEqual([`172.18.0.2\ttomcat01 ${t01}`, `172.18.0.4\t${t03}`, ''])
    expect((await host.run('docker exec -it tomcat01 ping tomcat03')).output).toBe('ping: tomcat03: Name or service not known\n')
  })

  it('T13 docker network ls: bridge, host, none', async () => {
    const { output } = await host.run('docker network ls')
    const lines = output.trimEnd().split('\n')
    expect(lines[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE')
    expect(lines.slice(1).map((l) => l.replace(/^[0-9a-f]{12} {3}/, '<id>   '))).toEqual(['<id>   bridge    bridge    local', '<id>   host      host      local', '<id>   none      null      local'])
  })

  it('T14 --net bridge is the default: tomcat04 and tomcat05 both on docker0', async () => {
    await host.run('docker run -d -P --name tomcat04 tomcat')
    await host.run('docker run -d -P --name tomcat05 --net bridge tomcat')
    const { output } = await host.run('docker network inspect bridge')
    const members = Object.values((JSON.parse(output) as { Containers: Record<string, { Name: string; IPv4Address: string }> }[])[0]!.Containers)
    expect(members.map((m) => `${m.Name} ${m.IPv4Address}`).sort()).toEqual(['tomcat01 172.18.0.2/16', 'tomcat02 172.18.0.3/16', 'tomcat03 172.18.0.4/16', 'tomcat04 172.18.0.5/16', 'tomcat05 172.18.0.6/16'])
  })

  it('T15 network create prints the id; ls lists mynet; its bridge waits NO-CARRIER', async () => {
    const { output } = await host.run('docker network create --driver bridge --subnet 192.168.0.0/16 --gateway 192.168.0.1 mynet')
    const netId = output.trim()
    expect(netId).toMatch(ID64)
    ids.set('mynet', netId)
    expect((await host.run('docker network ls')).output).toContain(`${netId.slice(0, 12)}   mynet     bridge    local\n`)
    const ipAddr = (await host.run('ip addr')).output
    expect(ipAddr).toMatch(new RegExp(`\\d+: br-${netId.slice(0, 12)}: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default \\n    link/ether 02:42(:[0-9a-f]{2}){4} brd ff:ff:ff:ff:ff:ff\\n    inet 192\\.168\\.0\\.1/16 brd 192\\.168\\.255\\.255 scope global br-${netId.slice(0, 12)}\\n`))
  })

  it('T16 network inspect mynet: the JSON exactly as Docker prints it, Containers {}', async () => {
    const { output } = await host.run('docker network inspect mynet')
    const stamp = (s: string): string => s.replace(/"Created": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}Z"/, '"Created": "<t>"')
    expect(stamp(new Normaliser().apply(output))).toBe(stamp(new Normaliser().apply(loadCapture('044-network-inspect-mynet-empty.txt').output)))
  })

  it('T17 tomcat-mynet-01 and -02 ping each other by name (embedded DNS, reverse name.network)', async () => {
    await host.run('docker run -d -P --name tomcat-mynet-01 --net mynet tomcat')
    await host.run('docker run -d -P --name tomcat-mynet-02 --net mynet tomcat')
    const a = await host.run('docker exec -it tomcat-mynet-01 ping -c 2 tomcat-mynet-02')
    expect(a.output).toMatch(/^PING tomcat-mynet-02 \(192\.168\.0\.3\) 56\(84\) bytes of data\.\n/)
    expect(a.output).toMatch(PING_REPLY('tomcat-mynet-02.mynet', '192.168.0.3'))
    const b = await host.run('docker exec -it tomcat-mynet-02 ping -c 1 tomcat-mynet-01')
    expect(b.output).toMatch(PING_REPLY('tomcat-mynet-01.mynet', '192.168.0.2'))
  })

  it('T18 network inspect mynet lists both containers', async () => {
    const [net] = JSON.parse((await host.run('docker network inspect mynet')).output) as { Containers: Record<string, Record<string, string>> }[]
    const entries = Object.entries(net!.Containers)
    expect(entries.map(([k]) => k)).toEqual(entries.map(([k]) => k).sort())
    const byName: Record<string, Record<string, string>> = Object.fromEntries(entries.map(([cid, c]) => [c.Name!, { cid, ...c }]))
    expect(byName['tomcat-mynet-01']).toMatchObject({ MacAddress: '02:42:c0:a8:00:02', IPv4Address: '192.168.0.2/16', IPv6Address: '' })
    expect(byName['tomcat-mynet-02']).toMatchObject({ MacAddress: '02:42:c0:a8:00:03', IPv4Address: '192.168.0.3/16', IPv6Address: '' })
    expect(byName['tomcat-mynet-01']!.cid).toBe(await id('tomcat-mynet-01'))
    expect(byName['tomcat-mynet-01']!.EndpointID).toMatch(ID64)
  })

  it('T19 network --help and network connect --help are Docker’s texts', async () => {
    expect((await host.run('docker network --help')).output).toBe(loadCapture('060-network-help.txt').output)
    expect((await host.run('docker network connect --help')).output).toBe(loadCapture('061-network-connect-help.txt').output)
  })

  it('T20 docker ps: seven containers, PORTS 0.0.0.0:N->8080/tcp, :::N->8080/tcp', async () => {
    const lines = (await host.run('docker ps')).output.trimEnd().split('\n')
    expect(lines).toHaveLength(8)
    const names = lines.slice(1).map((l) => l.split(/\s+/).at(-1))
    expect(names).toEqual(['tomcat-mynet-02', 'tomcat-mynet-01', 'tomcat05', 'tomcat04', 'tomcat03', 'tomcat02', 'tomcat01'])
    for (const l of lines.slice(1)) expect(l).toMatch(/ 0\.0\.0\.0:(49\d{3})->8080\/tcp, :::\1->8080\/tcp {3}\S+$/)
  })

  it('T21 network connect mynet tomcat01: 192.168.0.4 on eth1 beside eth0', async () => {
    expect((await host.run('docker network connect mynet tomcat01')).output).toBe('')
    const [net] = JSON.parse((await host.run('docker network inspect mynet')).output) as { Containers: Record<string, Record<string, string>> }[]
    expect(net!.Containers[await id('tomcat01')]).toMatchObject({ Name: 'tomcat01', IPv4Address: '192.168.0.4/16', MacAddress: '02:42:c0:a8:00:04' })
    const { output } = await host.run('docker exec -it tomcat01 ip addr')
    const links = [...output.matchAll(/^\d+: (\w+)@if\d+: /gm)].map((m) => m[1])
    expect(links).toEqual(['eth0', 'eth1'])
    expect(output).toContain('    inet 172.18.0.2/16 brd 172.18.255.255 scope global eth0\n')
    expect(output).toContain('    inet 192.168.0.4/16 brd 192.168.255.255 scope global eth1\n')
  })

  it('T22 tomcat01 now pings tomcat-mynet-01 and -02 by name', async () => {
    expect((await host.run('docker exec -it tomcat01 ping -c 1 tomcat-mynet-01')).output).toMatch(PING_REPLY('tomcat-mynet-01.mynet', '192.168.0.2'))
    expect((await host.run('docker exec -it tomcat01 ping -c 1 tomcat-mynet-02')).output).toMatch(PING_REPLY('tomcat-mynet-02.mynet', '192.168.0.3'))
  })

  it('T23 tomcat02 still cannot: no name, and by IP 100% loss between the bridges', async () => {
    expect((await host.run('docker exec -it tomcat02 ping tomcat-mynet-01')).output).toBe('ping: tomcat-mynet-01: Name or service not known\n')
    const { output } = await host.run('docker exec tomcat02 ping -c 2 -W 1 192.168.0.2')
    expect(output).toMatch(/^PING 192\.168\.0\.2 \(192\.168\.0\.2\) 56\(84\) bytes of data\.\n\n--- 192\.168\.0\.2 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time \d+ms\n\n$/)
    const rules = (await host.run('iptables -S DOCKER-ISOLATION-STAGE-2')).output
    if (!rules.includes('not found')) expect(rules).toContain(`-A DOCKER-ISOLATION-STAGE-2 -o br-${ids.get('mynet')!.slice(0, 12)} -j DROP`)
  })
})
