import { describe, expect, it } from 'vitest'
import { formatCidr, parseCidr, parseIpv4 } from '../../lib/ipv4'
import { DockerHarness } from '../../testing/docker-harness'
import type { RuleSpec } from '../kernel/net/iptables-types'
import { IpamPool, PredefinedPools } from './ipam'
import { deleteHostsLines, embeddedResolvConf } from './container-files'
import { linkEnv } from './links'

const ip = (s: string): number => parseIpv4(s)!

/** A rule as `iptables -S` writes it (enough of it to check Docker's order). */
function spec(chain: string, r: RuleSpec): string {
  const neg = (x: { negate?: boolean } | undefined): string => (x?.negate ? '! ' : '')
  const parts = [`-A ${chain}`]
  if (r.source) parts.push(`${neg(r.source)}-s ${r.source.cidr}`)
  if (r.destination) parts.push(`${neg(r.destination)}-d ${r.destination.cidr}`)
  if (r.inInterface) parts.push(`${neg(r.inInterface)}-i ${r.inInterface.name}`)
  if (r.outInterface) parts.push(`${neg(r.outInterface)}-o ${r.outInterface.name}`)
  if (r.protocol) parts.push(`-p ${r.protocol}`)
  if (r.dstTypeLocal) parts.push('-m addrtype --dst-type LOCAL')
  if (r.destinationPort !== undefined) parts.push(`-m ${r.protocol} --dport ${r.destinationPort}`)
  if (r.ctstate) parts.push(`-m conntrack --ctstate ${r.ctstate.join(',')}`)
  const t = r.target
  parts.push(t.kind === 'jump' ? `-j ${t.chain}` : t.kind === 'DNAT' ? `-j DNAT --to-destination ${t.toAddress}:${t.toPort}` : `-j ${t.kind}`)
  return parts.join(' ')
}

function rules(h: DockerHarness, table: 'filter' | 'nat'): string[] {
  return h.net.host.iptables.chains(table).flatMap((c) => c.rules.map((r) => spec(c.name, r)))
}

async function withTomcat(): Promise<DockerHarness> {
  const h = new DockerHarness()
  expect((await h.docker(['pull', 'tomcat'])).status).toBe(0)
  return h
}

describe('default pools, round-robin (fact 2)', () => {
  it('continues after the last pool handed out, even when earlier ones were freed', () => {
    const pools = new PredefinedPools()
    const host = [parseCidr('172.17.0.0/20')!, parseCidr('172.18.0.0/16')!]
    const got = [pools.next(host)!, pools.next(host)!]
    expect(got.map(formatCidr)).toEqual(['172.19.0.0/16', '172.20.0.0/16'])
    // both freed: the next one is still after the cursor
    expect(formatCidr(pools.next(host)!)).toBe('172.21.0.0/16')
  })

  it('through the daemon: 13 auto networks, removed, then the next ones follow on (192.168.x.0/20)', async () => {
    const h = new DockerHarness()
    for (let i = 1; i <= 14; i++) expect((await h.docker(['network', 'create', `auto${i}`])).status).toBe(0)
    const subnets = h.daemon.listNetworks().flatMap((n) => n.IPAM.Config.map((c) => c.Subnet))
    expect(subnets.slice(-2)).toEqual(['172.31.0.0/16', '192.168.0.0/20'])
    await h.docker(['network', 'rm', ...Array.from({ length: 14 }, (_, i) => `auto${i + 1}`)])
    await h.docker(['network', 'create', 'next'])
    const r = await h.docker(['network', 'inspect', '-f', '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}', 'next'])
    expect(r.stdout).toBe('192.168.16.0/20 192.168.16.1\n')
  })
})

describe('IPAM with --ip-range', () => {
  it('hands out dynamic addresses from the range only; --ip may be anywhere in the subnet', () => {
    const pool = new IpamPool(parseCidr('10.1.0.0/16')!, ip('10.1.0.1'), parseCidr('10.1.5.0/24')!)
    expect(pool.allocate()).toBe(ip('10.1.5.0'))
    expect(pool.allocate(ip('10.1.0.9'))).toBe(ip('10.1.0.9'))
  })
})

describe('files', () => {
  it('resolv.conf with the embedded DNS keeps search and options, adds ndots:0', () => {
    expect(embeddedResolvConf('nameserver 100.100.2.136\nsearch example.com\noptions timeout:2\n')).toBe('search example.com\nnameserver 127.0.0.11\noptions timeout:2 ndots:0\n')
  })
  it('disconnect drops every line of the hostname, whatever its address (20.10 quirk)', () => {
    expect(deleteHostsLines('127.0.0.1\tlocalhost\n172.18.0.2\tabc\n192.168.0.4\tabc\n172.18.0.9\tdb abc x\n', 'abc')).toBe('127.0.0.1\tlocalhost\n172.18.0.9\tdb abc x\n')
  })
})

describe("Docker's iptables rules (libnetwork 20.10 order)", () => {
  it('installs the chains at start, a block per bridge (newest first), DNAT per published port, and removes them', async () => {
    const h = await withTomcat()
    expect(h.net.host.iptables.chains('filter').find((c) => c.name === 'FORWARD')!.policy).toBe('DROP')
    await h.docker(['network', 'create', '--subnet', '192.168.0.0/16', 'mynet'])
    const br = `br-${h.daemon.listNetworks().find((n) => n.Name === 'mynet')!.Id.slice(0, 12)}`
    await h.docker(['run', '-d', '-p', '8080:8080', '--name', 'web', 'tomcat'])
    const filter = rules(h, 'filter')
    const forward = filter.filter((r) => r.startsWith('-A FORWARD'))
    expect(forward).toEqual([
      '-A FORWARD -j DOCKER-USER',
      '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
      `-A FORWARD -o ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
      `-A FORWARD -o ${br} -j DOCKER`,
      `-A FORWARD -i ${br} ! -o ${br} -j ACCEPT`,
      `-A FORWARD -i ${br} -o ${br} -j ACCEPT`,
      '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A FORWARD -o docker0 -j DOCKER',
      '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
      '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
    ])
    expect(filter).toContain('-A DOCKER -d 172.18.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 8080 -j ACCEPT')
    expect(filter.filter((r) => r.includes('STAGE-'))).toEqual(
      expect.arrayContaining([`-A DOCKER-ISOLATION-STAGE-1 -i ${br} ! -o ${br} -j DOCKER-ISOLATION-STAGE-2`, '-A DOCKER-ISOLATION-STAGE-1 -j RETURN', `-A DOCKER-ISOLATION-STAGE-2 -o ${br} -j DROP`, '-A DOCKER-ISOLATION-STAGE-2 -j RETURN']),
    )
    const nat = rules(h, 'nat')
    expect(nat).toEqual(
      expect.arrayContaining([
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        `-A POSTROUTING -s 192.168.0.0/16 ! -o ${br} -j MASQUERADE`,
        '-A POSTROUTING -s 172.18.0.0/16 ! -o docker0 -j MASQUERADE',
        '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:8080',
      ]),
    )
    await h.docker(['rm', '-f', 'web'])
    await h.docker(['network', 'rm', 'mynet'])
    expect(rules(h, 'nat').some((r) => r.includes('DNAT') || r.includes('192.168'))).toBe(false)
    expect(rules(h, 'filter').some((r) => r.includes('br-') || r.includes('--dport'))).toBe(false)
  })
})

describe('network modes (fact 23)', () => {
  it('none has only lo; host shares the host; container:X shares X’s interfaces and hostname', async () => {
    const h = await withTomcat()
    await h.docker(['run', '-d', '--name', 'base', 'tomcat'])
    expect((await h.docker(['run', '--rm', '--net', 'none', 'tomcat', 'ip', '-br', 'addr'])).stdout).toMatch(/^lo +UNKNOWN +127\.0\.0\.1\/8 \n$/)
    const shared = await h.docker(['run', '--rm', '--net', 'container:base', 'tomcat', 'hostname'])
    expect(shared.stdout).toBe(`${h.daemon.listContainers()[0]!.Id.slice(0, 12)}\n`)
    expect((await h.docker(['run', '--rm', '--net', 'host', 'tomcat', 'hostname'])).stdout).toBe('docker-host\n')
    const p = await h.docker(['run', '-d', '-P', '--net', 'container:base', 'tomcat'])
    expect(p.stderr).toBe("docker: Error response from daemon: conflicting options: port publishing and the container type network mode.\nSee 'docker run --help'.\n")
    const c = await h.docker(['network', 'connect', 'bridge', 'base'])
    expect(c.stderr).toBe('Error response from daemon: endpoint with name base already exists in network bridge\n')
  })

  it('host-mode members show in `network inspect host` with empty addresses', async () => {
    const h = await withTomcat()
    await h.docker(['run', '-d', '-P', '--net', 'host', '--name', 'onhost', 'tomcat'])
    const [net] = JSON.parse((await h.docker(['network', 'inspect', 'host'])).stdout) as { Containers: Record<string, Record<string, string>>; IPAM: { Config: unknown[] } }[]
    expect(Object.values(net!.Containers)[0]).toMatchObject({ Name: 'onhost', MacAddress: '', IPv4Address: '', IPv6Address: '' })
    expect(net!.IPAM.Config).toEqual([])
    expect((await h.docker(['ps', '--format', '{{.Ports}}'])).stdout).toBe('\n') // -P is ignored
  })
})

describe('lifecycle effects (facts 3, 5)', () => {
  it('a stopped container frees its address; --ip addresses come back; new veths on start', async () => {
    const h = await withTomcat()
    for (const n of ['t1', 't2', 't3']) await h.docker(['run', '-d', '--name', n, 'tomcat'])
    const veth = (): string[] => h.net.host.links().filter((l) => l.kind === 'veth').map((l) => `${l.name}/${l.ifindex}`)
    const before = veth()
    await h.docker(['stop', 't2'])
    await h.docker(['run', '-d', '--name', 't4', 'tomcat'])
    await h.docker(['start', 't2'])
    const addr = (n: string): string => h.daemon.listContainers().find((c) => c.Name === `/${n}`)!.NetworkSettings.Networks.get('bridge')!.IPAddress
    expect([addr('t4'), addr('t2')]).toEqual(['172.18.0.3', '172.18.0.5'])
    expect(veth().filter((v) => before.includes(v))).toHaveLength(2) // t2's old pair is gone for good
    await h.docker(['network', 'create', '--subnet', '10.9.0.0/16', 'fixed'])
    await h.docker(['run', '-d', '--name', 'f1', '--net', 'fixed', '--ip', '10.9.0.77', 'tomcat'])
    await h.docker(['restart', 'f1'])
    expect(h.daemon.listContainers().find((c) => c.Name === '/f1')!.NetworkSettings.Networks.get('fixed')!.IPAddress).toBe('10.9.0.77')
  })
})

describe('links', () => {
  it('variables for each exposed port, the name, the child env without HOME and PATH', async () => {
    const h = await withTomcat()
    await h.docker(['run', '-d', '--name', 'db-1', '-e', 'HOME=/x', '-e', 'MODE=fast', 'tomcat'])
    const child = h.daemon.listContainers()[0]!
    expect(linkEnv('web', child, 'db-1', '172.18.0.2').filter((e) => !e.includes('_ENV_') || e.includes('MODE'))).toEqual([
      'DB_1_PORT=tcp://172.18.0.2:8080',
      'DB_1_PORT_8080_TCP=tcp://172.18.0.2:8080',
      'DB_1_PORT_8080_TCP_ADDR=172.18.0.2',
      'DB_1_PORT_8080_TCP_PORT=8080',
      'DB_1_PORT_8080_TCP_PROTO=tcp',
      'DB_1_NAME=/web/db-1',
      'DB_1_ENV_MODE=fast',
    ])
  })
})

describe('network ls options and create flags', () => {
  it('--filter, -q, --no-trunc, --format; --internal, --label, -o, --ip-range in inspect', async () => {
    const h = new DockerHarness()
    await h.docker(['network', 'create', '--internal', '--attachable', '--label', 'team=blue', '-o', 'com.docker.network.bridge.name=blue0', '--subnet', '10.5.0.0/16', '--ip-range', '10.5.1.0/24', 'blue'])
    expect((await h.docker(['network', 'ls', '--filter', 'name=blu', '--format', '{{.Name}} {{.Driver}} {{.Internal}} {{.Labels}}'])).stdout).toBe('blue bridge true team=blue\n')
    expect((await h.docker(['network', 'ls', '-f', 'driver=null', '-q'])).stdout).toMatch(/^[0-9a-f]{12}\n$/)
    expect((await h.docker(['network', 'ls', '-f', 'type=custom', '--no-trunc', '-q'])).stdout).toMatch(/^[0-9a-f]{64}\n$/)
    const [net] = JSON.parse((await h.docker(['network', 'inspect', 'blue'])).stdout) as Record<string, unknown>[]
    expect(net).toMatchObject({ Internal: true, Attachable: true, Labels: { team: 'blue' }, Options: { 'com.docker.network.bridge.name': 'blue0' } })
    expect((net!.IPAM as { Config: unknown[] }).Config).toEqual([{ Subnet: '10.5.0.0/16', IPRange: '10.5.1.0/24' }])
    expect(h.net.host.link('blue0')?.kind).toBe('bridge')
    expect((await h.docker(['network', 'ls', '--format', 'table {{.Name}}\t{{.Scope}}', '-f', 'name=blue'])).stdout).toBe('NAME      SCOPE\nblue      local\n')
  })

  it('usage errors and help of the subcommands', async () => {
    const h = new DockerHarness()
    const r = await h.docker(['network', 'connect', 'x'])
    expect(r.stderr).toBe('"docker network connect" requires exactly 2 arguments.\nSee \'docker network connect --help\'.\n\nUsage:  docker network connect [OPTIONS] NETWORK CONTAINER\n\nConnect a container to a network\n')
    expect(r.status).toBe(1)
    expect((await h.docker(['network', 'ls', '--help'])).stdout).toBe(
      "\nUsage:  docker network ls [OPTIONS]\n\nList networks\n\nAliases:\n  ls, list\n\nOptions:\n  -f, --filter filter   Provide filter values (e.g. 'driver=bridge')\n      --format string   Pretty-print networks using a Go template\n      --no-trunc        Do not truncate the output\n  -q, --quiet           Only display network IDs\n",
    )
    expect((await h.docker(['network', 'create', '--bogus', 'x'])).stderr).toBe("unknown flag: --bogus\nSee 'docker network create --help'.\n")
    expect((await h.docker(['network', 'create', 'host'])).stderr).toBe('Error response from daemon: operation is not permitted on predefined host network \n')
  })
})

describe('embedded DNS', () => {
  it('answers names, aliases, short ids and name.network in the asker’s networks only; PTR gives name.network', async () => {
    const h = await withTomcat()
    await h.docker(['network', 'create', 'front'])
    await h.docker(['network', 'create', 'back'])
    await h.docker(['run', '-d', '--name', 'web', '--net', 'front', '--network-alias', 'www', 'tomcat'])
    await h.docker(['run', '-d', '--name', 'api', '--net', 'back', 'tomcat'])
    await h.docker(['run', '-d', '--name', 'lone', 'tomcat'])
    const id = (n: string): string => h.daemon.listContainers().find((c) => c.Name === `/${n}`)!.Id
    const dns = h.daemon.dns
    const a = (asker: string, name: string) => dns.answerLocally(id(asker), { name, type: 'A' })
    expect(a('web', 'www')).toEqual({ rcode: 'NOERROR', answers: ['172.19.0.2'] })
    expect(a('web', 'web.front')).toEqual({ rcode: 'NOERROR', answers: ['172.19.0.2'] })
    expect(a('web', id('web').slice(0, 12))).toEqual({ rcode: 'NOERROR', answers: ['172.19.0.2'] })
    expect(a('web', 'api')).toBeUndefined() // another network: forwarded upstream
    expect(a('lone', 'web')).toBeUndefined() // the default bridge has no names
    expect(dns.answerLocally(id('web'), { name: '2.0.19.172.in-addr.arpa', type: 'PTR' })).toEqual({ rcode: 'NOERROR', answers: ['web.front'] })
    expect(dns.answerLocally(id('web'), { name: 'web', type: 'AAAA' })).toEqual({ rcode: 'NOERROR', answers: [] })
    expect((await h.docker(['exec', 'web', 'getent', 'hosts', 'api'])).status).toBe(2)
    await h.docker(['network', 'connect', 'back', 'web'])
    expect((await h.docker(['exec', 'web', 'getent', 'hosts', 'api'])).stdout).toBe('172.20.0.2      api\n')
  })
})

describe('--ip needs a configured subnet', () => {
  it('refuses --ip on a network with a default pool (validateNetworkingConfig)', async () => {
    const h = await withTomcat()
    await h.docker(['network', 'create', 'auto'])
    const r = await h.docker(['run', '-d', '--net', 'auto', '--ip', '172.19.0.9', 'tomcat'])
    expect(r.stderr).toBe('docker: Error response from daemon: user specified IP address is supported only when connecting to networks with user configured subnets.\n')
    expect(r.status).toBe(125)
  })
})


describe('rename', () => {
  it('the embedded DNS answers the new name', async () => {
    const h = await withTomcat()
    await h.docker(['network', 'create', 'front'])
    await h.docker(['run', '-d', '--name', 'old-name', '--net', 'front', 'tomcat'])
    await h.docker(['run', '-d', '--name', 'asker', '--net', 'front', 'tomcat'])
    await h.docker(['rename', 'old-name', 'new-name'])
    expect((await h.docker(['exec', 'asker', 'getent', 'hosts', 'new-name'])).stdout).toBe('172.19.0.2      new-name\n')
    expect((await h.docker(['exec', 'asker', 'getent', 'hosts', 'old-name'])).status).toBe(2)
  })
})

describe('--link on a user network', () => {
  it('is a name only the linking container resolves', async () => {
    const h = await withTomcat()
    await h.docker(['network', 'create', 'front'])
    await h.docker(['run', '-d', '--name', 'db1', '--net', 'front', 'tomcat'])
    await h.docker(['run', '-d', '--name', 'app', '--net', 'front', '--link', 'db1:database', 'tomcat'])
    await h.docker(['run', '-d', '--name', 'other', '--net', 'front', 'tomcat'])
    expect((await h.docker(['exec', 'app', 'getent', 'hosts', 'database'])).stdout).toBe('172.19.0.2      database\n')
    expect((await h.docker(['exec', 'other', 'getent', 'hosts', 'database'])).status).toBe(2)
  })
})

describe('published ports through DNAT', () => {
  it('a connection to the host port reaches the container port, from the host and from the LAN', async () => {
    const h = await withTomcat()
    await h.docker(['run', '-d', '-p', '8080:8080', '--name', 'web', 'tomcat'])
    const web = h.daemon.listContainers()[0]!
    const listener = h.net.sockets.tcpListen(web.sandbox!.net, { port: 8080 })
    const seen: string[] = []
    listener.onConnection((c) => c.onData((d) => seen.push(`${d} from ${c.remote.address === parseIpv4('172.18.0.1') ? 'gateway' : 'elsewhere'}`)))
    const lan = h.net.namespaces().find((ns) => ns !== h.net.host && ns.links().some((l) => l.kind === 'ether'))!
    for (const from of [h.net.host, lan]) {
      const pending = h.net.sockets.tcpConnect(from, { address: ip('172.17.0.3'), port: 8080 }, { timeoutMs: 3000 })
      await h.advance(100)
      const conn = await pending
      conn.send('GET /')
      await h.advance(100)
    }
    expect(seen).toHaveLength(2)
  })
})
