import { describe, expect, it } from 'vitest'
import { parseIpv4 } from '../../../lib/ipv4'
import { linkLocalFromMac } from '../../../lib/mac'
import { tutorialTopology, TestTopology } from '../../../testing/net-topology'
import { runProgram } from '../../../testing/program-harness'
import { VirtualClock } from '../../sim/clock'
import { Prng } from '../../sim/random'
import { createNetworkStack } from './stack'
import type { EchoError, EchoReply, HopEvent } from './types'

const ip = (s: string) => parseIpv4(s)!

function echo(t: TestTopology, from: string, dst: string, ttl = 64): { result?: EchoReply | EchoError } {
  const out: { result?: EchoReply | EchoError } = {}
  const ns = from === 'host' ? t.stack.host : t.containers.get(from)!.ns
  t.stack.sendEcho(ns, { dst: ip(dst), id: 7, seq: 1, ttl, payloadBytes: 56 }, (r) => (out.result = r))
  return out
}

describe('ifindex and nsid allocation', () => {
  it('registers a veth pair peer first, keeps the index across namespaces, never reuses one', () => {
    const stack = createNetworkStack(new VirtualClock(), new Prng(1))
    const ns = stack.createNamespace('c1', { ipv6: false })
    const host = stack.addVethPair(stack.host, 'vethA', 'vethB', { mac: '02:00:00:00:00:01', peerMac: '02:00:00:00:00:02' })
    expect([host.peer.ifindex, host.ifindex]).toEqual([2, 3])
    stack.moveLink(host.peer, ns, 'eth0')
    expect(ns.link('eth0')?.ifindex).toBe(2)
    stack.deleteLink(host)
    expect(stack.host.link(3)).toBeUndefined()
    expect(ns.link('eth0')).toBeUndefined()
    const next = stack.addBridge(stack.host, 'br0', '02:42:00:00:00:01')
    expect(next.ifindex).toBe(4)
  })

  it('takes the next free index in the target when the moved index is taken', () => {
    const stack = createNetworkStack(new VirtualClock(), new Prng(1))
    const ns = stack.createNamespace('c1')
    const other = stack.addBridge(ns, 'x', '02:42:00:00:00:09') // index 2 in ns
    const v = stack.addVethPair(stack.host, 'vethA', 'vethB', { mac: '02:00:00:00:00:01', peerMac: '02:00:00:00:00:02' })
    expect(v.peer.ifindex).toBe(2)
    stack.moveLink(v.peer, ns)
    expect(other.ifindex).toBe(2)
    expect(v.peer.ifindex).toBe(3)
  })

  it('gives each peer namespace the lowest free nsid and frees it with the namespace', () => {
    const t = tutorialTopology()
    t.run('a')
    t.run('b')
    const host = t.stack.host
    expect(host.nsidOf(t.containers.get('a')!.ns)).toBe(0)
    expect(host.nsidOf(t.containers.get('b')!.ns)).toBe(1)
    expect(t.containers.get('b')!.ns.nsidOf(host)).toBe(0)
    t.stop('a')
    t.run('c')
    expect(host.nsidOf(t.containers.get('c')!.ns)).toBe(0)
  })
})

describe('link state', () => {
  it('a bridge is NO-CARRIER until a port is up, gets fe80:: then and keeps it (refs/docker fact 6)', () => {
    const t = tutorialTopology()
    const docker0 = t.networks.get('bridge')!.bridge
    expect(t.stack.host.flags(docker0)).toEqual(['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'])
    expect(docker0.addresses.some((a) => a.family === 'inet6')).toBe(false)
    t.run('a')
    expect(t.stack.host.operState(docker0)).toBe('UP')
    expect(docker0.addresses.filter((a) => a.family === 'inet6').map((a) => a.local)).toEqual([linkLocalFromMac(docker0.mac)])
    t.stop('a')
    expect(t.stack.host.operState(docker0)).toBe('DOWN')
    expect(docker0.addresses.some((a) => a.family === 'inet6')).toBe(true)
  })

  it('a host veth shows its link-local tentative for 1–2 s after carrier comes up', () => {
    const t = tutorialTopology()
    const veth = t.run('a').attachments[0]!.hostVeth
    const ll = veth.addresses.find((a) => a.family === 'inet6')!
    expect(ll.tentativeUntil! - t.clock.now()).toBeGreaterThanOrEqual(1000)
    expect(ll.tentativeUntil! - t.clock.now()).toBeLessThanOrEqual(2000)
  })

  it('T9: removing a container removes both ends of its veth pair from the host', async () => {
    const t = tutorialTopology()
    const name = t.run('a').attachments[0]!.hostVeth.name
    const before = (await runProgram(t.registry, t.hostSandbox, ['ip', 'addr'], { kernel: t.kernel })).stdout
    expect(before).toContain(name)
    t.stop('a')
    const after = (await runProgram(t.registry, t.hostSandbox, ['ip', 'addr'], { kernel: t.kernel })).stdout
    expect(after).not.toContain(name)
    expect(after).toContain('3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP>')
  })
})

describe('ARP and the neighbour table', () => {
  it('INCOMPLETE while resolving, REACHABLE on the reply, STALE after reachable_time', () => {
    const t = tutorialTopology()
    t.run('a')
    t.run('b')
    const a = t.containers.get('a')!.ns
    const r = echo(t, 'a', '172.18.0.3')
    expect(a.neighbours()[0]).toMatchObject({ ip: ip('172.18.0.3'), state: 'INCOMPLETE' })
    t.advance(1)
    expect(r.result).toMatchObject({ from: ip('172.18.0.3'), ttl: 64 })
    expect(a.neighbours()[0]).toMatchObject({ state: 'REACHABLE', mac: '02:42:ac:12:00:03' })
    // The target learned the asker from its request: STALE until it uses it.
    expect(t.containers.get('b')!.ns.neighbours().find((n) => n.ip === ip('172.18.0.2'))?.mac).toBe('02:42:ac:12:00:02')
    t.advance(46_000)
    expect(a.neighbours()[0]!.state).toBe('STALE')
  })

  it('FAILED after three unanswered requests; the sender gets Destination Host Unreachable from itself', () => {
    const t = tutorialTopology()
    t.run('a')
    const r = echo(t, 'a', '172.18.0.99')
    t.advance(2999)
    expect(r.result).toBeUndefined()
    t.advance(10)
    expect(r.result).toEqual({ kind: 'unreachable', from: ip('172.18.0.2'), seq: 1 })
    expect(t.containers.get('a')!.ns.neighbours()[0]).toMatchObject({ state: 'FAILED' })
  })
})

describe('bridge forwarding', () => {
  it('learns each MAC on its port, and frames cross veth → bridge → veth', () => {
    const t = tutorialTopology()
    const a = t.run('a').attachments[0]!
    const b = t.run('b').attachments[0]!
    const hops: HopEvent[] = []
    t.stack.onHop((e) => hops.push(e))
    const r = echo(t, 'a', '172.18.0.3')
    t.advance(1)
    expect(r.result).toBeDefined()
    const docker0 = t.networks.get('bridge')!.bridge
    expect(docker0.fdb.get('02:42:ac:12:00:02')?.port).toBe(a.hostVeth.ifindex)
    expect(docker0.fdb.get('02:42:ac:12:00:03')?.port).toBe(b.hostVeth.ifindex)
    const request = hops.filter((h) => h.frame.payload.kind === 'ipv4' && h.frame.payload.protocol === 'icmp' && h.frame.payload.payload.type === 'echo-request')
    expect(request.map((h) => `${h.kind}:${h.from.name}>${h.to.name}`)).toEqual([
      `wire:eth0>${a.hostVeth.name}`,
      `bridge:${a.hostVeth.name}>${b.hostVeth.name}`,
      `wire:${b.hostVeth.name}>eth0`,
    ])
  })

  it('RTTs on one bridge print like the captures (tens of microseconds per hop)', () => {
    const t = tutorialTopology()
    t.run('a')
    t.run('b')
    echo(t, 'a', '172.18.0.3')
    t.advance(10)
    const r = echo(t, 'a', '172.18.0.3')
    t.advance(10)
    const rtt = (r.result as EchoReply).rtt
    expect(rtt).toBeGreaterThan(0.04)
    expect(rtt).toBeLessThan(0.2)
  })
})

describe('forwarding, TTL and the netfilter seam', () => {
  function twoBridges(): TestTopology {
    const t = tutorialTopology()
    t.addNetwork('mynet', 'br-0123456789ab', '192.168.0.0/16', '192.168.0.1')
    t.run('a')
    t.run('m', 'mynet')
    return t
  }

  it('Docker\'s isolation rules drop traffic between bridges, and say where', () => {
    const t = twoBridges()
    const drops: HopEvent[] = []
    t.stack.onHop((e) => e.kind === 'drop' && drops.push(e))
    const r = echo(t, 'a', '192.168.0.2')
    t.advance(10)
    expect(r.result).toBeUndefined()
    expect(drops).toHaveLength(1)
    expect(drops[0]!.drop).toEqual({ hook: 'FORWARD', table: 'filter', chain: 'DOCKER-ISOLATION-STAGE-2', rule: 1, text: 'DROP, docker0 → br-0123456789ab' })
    expect([drops[0]!.from.name, drops[0]!.to.name]).toEqual(['docker0', 'br-0123456789ab'])
  })

  it('without Docker\'s rules the host routes between bridges and decrements the TTL', () => {
    const t = twoBridges()
    t.stack.host.iptables.flush('filter')
    t.stack.host.iptables.setPolicy('filter', 'FORWARD', 'ACCEPT')
    const r = echo(t, 'a', '192.168.0.2')
    t.advance(10)
    expect(r.result).toMatchObject({ from: ip('192.168.0.2'), ttl: 63 })
  })

  it('TTL 1 through the host: Time to live exceeded from the gateway', () => {
    const t = twoBridges()
    const r = echo(t, 'a', '192.168.0.2', 1)
    t.advance(10)
    expect(r.result).toEqual({ kind: 'time-exceeded', from: ip('172.18.0.1'), seq: 1 })
  })

  it('a FORWARD rule that drops stops the packet silently', () => {
    const t = twoBridges()
    t.stack.host.netfilter.push({ hook: 'FORWARD', description: 'isolation', evaluate: (p) => (p.dst >>> 16 === 0xc0a8 ? 'DROP' : 'CONTINUE') })
    const r = echo(t, 'a', '192.168.0.2')
    t.advance(5000)
    expect(r.result).toBeUndefined()
  })

  it('no route: network-unreachable at once; the LAN gateway answers the host', () => {
    const t = tutorialTopology()
    t.run('n', 'none')
    expect(echo(t, 'n', '172.18.0.1').result).toEqual({ kind: 'network-unreachable' })
    const r = echo(t, 'host', '172.17.15.253')
    t.advance(10)
    expect(r.result).toMatchObject({ from: ip('172.17.15.253'), ttl: 64 })
  })
})
