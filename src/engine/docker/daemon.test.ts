import { describe, expect, it } from 'vitest'
import { formatCidr, parseCidr, parseIpv4 } from '../../lib/ipv4'
import { Prng } from '../sim/random'
import { DockerHarness } from '../../testing/docker-harness'
import { containerResolvConf, hostsContent } from './container-files'
import { generateName, randomName } from './names'
import { choosePool, IpamPool } from './ipam'
import { PortAllocator } from './ports'
import { planPull } from './pull'
import { familiarString, fullString, parseReference, withDefaultTag } from './reference'
import { formatRfc3339Nano, parseUtc } from './time'
import { loadCapture } from '../../testing/docker-golden'

const ip = (s: string): number => parseIpv4(s)!

describe('IPAM', () => {
  it('hands out the lowest free address from .2 and reuses released ones (fact 3)', () => {
    const pool = new IpamPool(parseCidr('172.18.0.0/16')!, ip('172.18.0.1'))
    expect([pool.allocate(), pool.allocate(), pool.allocate()]).toEqual([ip('172.18.0.2'), ip('172.18.0.3'), ip('172.18.0.4')])
    pool.release(ip('172.18.0.3'))
    expect(pool.allocate()).toBe(ip('172.18.0.3'))
    expect(pool.allocate()).toBe(ip('172.18.0.5'))
  })
  it('refuses a preferred address outside the subnet or in use (fact 20)', () => {
    const pool = new IpamPool(parseCidr('192.168.0.0/16')!, ip('192.168.0.1'))
    expect(() => pool.allocate(ip('10.0.0.5'))).toThrow("Invalid address 10.0.0.5: It does not belong to any of this network's subnets")
    pool.allocate(ip('192.168.0.9'))
    expect(() => pool.allocate(ip('192.168.0.9'))).toThrow('Address already in use')
    expect(() => pool.allocate(ip('192.168.0.1'))).toThrow('Address already in use')
  })
})

describe('default pools (facts 1, 2)', () => {
  it('skips pools that overlap a host route: eth0 172.17.0.0/20 → 172.18.0.0/16', () => {
    expect(formatCidr(choosePool([parseCidr('172.17.0.0/20')!])!.pool)).toBe('172.18.0.0/16')
    expect(formatCidr(choosePool([])!.pool)).toBe('172.17.0.0/16')
  })
  it('goes on to 192.168.x.0/20 after 172.31, round-robin after a cursor', () => {
    const all172 = Array.from({ length: 15 }, (_, i) => parseCidr(`172.${17 + i}.0.0/16`)!)
    expect(formatCidr(choosePool(all172)!.pool)).toBe('192.168.0.0/20')
    const after = choosePool([], 15)! // cursor on 192.168.0.0/20
    expect(formatCidr(after.pool)).toBe('192.168.16.0/20')
    expect(choosePool([parseCidr('0.0.0.0/0')!])).toBeUndefined()
  })
})

describe('port allocator (fact 9)', () => {
  it('starts at 49153 and continues after the last port handed out', () => {
    const a = new PortAllocator()
    expect([a.request('0.0.0.0', 'tcp'), a.request('0.0.0.0', 'tcp')]).toEqual([49153, 49154])
    a.release('0.0.0.0', 'tcp', 49153)
    expect(a.request('0.0.0.0', 'tcp')).toBe(49155)
    expect(a.request('::', 'tcp')).toBe(49153) // per host IP
    expect(a.request('0.0.0.0', 'udp')).toBe(49153) // per protocol
  })
  it('refuses a fixed port already taken, with libnetwork words', () => {
    const a = new PortAllocator()
    a.request('0.0.0.0', 'tcp', 6372)
    expect(() => a.request('0.0.0.0', 'tcp', 6372)).toThrow('Bind for 0.0.0.0:6372 failed: port is already allocated')
  })
  it('wraps round when the end of the range is reached', () => {
    const a = new PortAllocator(100, 102)
    expect([a.request('x', 'tcp'), a.request('x', 'tcp'), a.request('x', 'tcp')]).toEqual([100, 101, 102])
    a.release('x', 'tcp', 101)
    expect(a.request('x', 'tcp')).toBe(101)
    expect(() => a.request('x', 'tcp')).toThrow('all ports are allocated')
  })
})

describe('names (namesgenerator)', () => {
  it('is deterministic for a seed and has the adjective_surname shape', () => {
    const a = Array.from({ length: 5 }, () => randomName(new Prng(7), 0))
    expect(new Set(a).size).toBe(1)
    expect(a[0]).toMatch(/^[a-z]+_[a-z]+$/)
    expect(randomName(new Prng(7), 1)).toMatch(/^[a-z]+_[a-z]+\d$/)
  })
  it('refuses one-letter and odd names as moby does', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'busybox'])
    const r = await h.docker(['run', '-d', '--name', 'a', 'busybox'])
    expect(r.stderr).toBe("docker: Error response from daemon: Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nSee 'docker run --help'.\n")
    expect(r.status).toBe(125)
  })
  it('retries with a digit, then falls back to the short id', () => {
    const r = new Prng(3)
    expect(generateName(r, () => true, 'abcdef0123456789')).toBe('abcdef012345')
  })
})

describe('references', () => {
  it('normalises like docker/distribution', () => {
    expect(familiarString(withDefaultTag(parseReference('tomcat')))).toBe('tomcat:latest')
    expect(fullString(withDefaultTag(parseReference('tomcat')))).toBe('docker.io/library/tomcat:latest')
    expect(familiarString(withDefaultTag(parseReference('localhost:5000/library/tomcat')))).toBe('localhost:5000/library/tomcat:latest')
    expect(familiarString(parseReference('redis:5.0.9-alpine3.11'))).toBe('redis:5.0.9-alpine3.11')
    expect(() => parseReference('Tomcat')).toThrow('invalid reference format: repository name must be lowercase')
  })
})

describe('container files (fact 14)', () => {
  it('/etc/hosts has six fixed lines and the own line, tab-separated', () => {
    const text = hostsContent([{ ip: '172.18.0.3', names: '1dc545c08059' }])
    expect(text).toBe(loadCapture('026-exec-tomcat02-cat-hosts.txt').output)
  })
  it('resolv.conf copies the host file without localhost nameservers', () => {
    expect(containerResolvConf('nameserver 127.0.0.53\noptions edns0\n')).toBe('options edns0\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n')
    expect(containerResolvConf('nameserver 100.100.2.136\n')).toBe('nameserver 100.100.2.136\n')
  })
})

describe('time', () => {
  it('round-trips RFC 3339 without Date', () => {
    const ms = parseUtc('2026-11-25T07:38:21.266Z')
    expect(formatRfc3339Nano(ms, 392627)).toBe('2026-11-25T07:38:21.266392627Z')
    expect(formatRfc3339Nano(parseUtc('2021-08-20T08:00:00Z'))).toBe('2021-08-20T08:00:00Z')
  })
})

describe('pull plan (fact 25)', () => {
  it('orders the messages of capture 181 for its four layers (no progress lines on a pipe)', () => {
    const layers = [3_606_000, 109, 3_073_000, 111].map((size, i) => ({ digest: `sha256:${String(i).repeat(64)}`, size, chainId: '' }))
    const { events } = planPull('latest', 'library/tomcat', layers, [false, false, false, false])
    const lines = events.filter((e) => !['Downloading', 'Extracting'].includes(e.message.status)).map((e) => `${e.message.id?.[0] ?? ''} ${e.message.status}`)
    const capture = loadCapture('181-pull-local-registry-no-tty.txt')
      .output.split('\n')
      .slice(1, 19)
      .map((l) => l.replace(/^([0-9a-f]{12}): /, (_, id: string) => `${['845fbed212da', '8a06e68106ea', '2c2fe09dc373', '1fbcebfd24f9'].indexOf(id)} `))
    expect(lines).toEqual(['l Pulling from library/tomcat', ...capture.slice(1)])
  })
})

describe('lifecycle on the real stack', () => {
  it('creates a veth pair per start, deletes it on stop, and releases the address (T9)', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'tomcat'])
    await h.docker(['run', '-d', '--name', 'ca', 'tomcat'])
    await h.docker(['run', '-d', '--name', 'cb', 'tomcat'])
    const veths = () => h.net.host.links().filter((l) => l.kind === 'veth').map((l) => `${l.ifindex}:${l.name}`)
    const before = veths()
    expect(before).toHaveLength(2)
    expect(before[0]).toMatch(/^5:veth[0-9a-f]{7}$/)
    await h.docker(['stop', 'ca'])
    expect(veths()).toEqual([before[1]])
    expect(h.net.namespaces().filter((n) => n.label !== 'host' && n.label !== 'lan')).toHaveLength(1)
    await h.docker(['start', 'ca'])
    const after = veths()
    expect(after).toHaveLength(2)
    expect(after[1]).not.toBe(before[0]) // new pair, new ifindex
    expect(h.daemon.listContainers()[0]!.NetworkSettings.Networks.get('bridge')!.IPAddress).toBe('172.18.0.2')
    await h.docker(['rm', '-f', 'ca', 'cb'])
    expect(veths()).toEqual([])
    expect(h.hostFs.exists('/var/lib/docker/containers')).toBe(true)
    expect(h.hostFs.readdir('/var/lib/docker/containers')).toEqual([])
  })

  it('stop sends SIGTERM; tomcat exits 143 within the grace period', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'tomcat'])
    await h.docker(['run', '-d', '--name', 'tc', 'tomcat'])
    await h.advance(3000)
    const t0 = h.clock.now()
    await h.docker(['stop', 'tc'])
    expect(h.clock.now() - t0).toBeLessThan(1000)
    expect(h.daemon.listContainers()[0]!.State).toMatchObject({ Status: 'exited', ExitCode: 143 })
  })
})
