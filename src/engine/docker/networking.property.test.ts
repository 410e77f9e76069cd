/**
 * Property test: random sequences of run/stop/start/rm, network
 * create/connect/disconnect/rm keep the model's networking invariants
 * (no address twice in a network, every veth has its peer, each
 * `eth0@ifN` has an `N:` on the other side, every bridge port belongs to a
 * live endpoint, every endpoint of a user network answers in the embedded DNS).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatIpv4 } from '../../lib/ipv4'
import { DockerHarness } from '../../testing/docker-harness'
import { isUserDefined } from './network'

const CONTAINERS = ['c1', 'c2', 'c3', 'c4']
const NETWORKS = ['n1', 'n2', 'bridge']

const command = fc.oneof(
  fc.record({ op: fc.constant('run'), c: fc.constantFrom(...CONTAINERS), n: fc.constantFrom(...NETWORKS) }),
  fc.record({ op: fc.constantFrom('stop', 'start', 'rm'), c: fc.constantFrom(...CONTAINERS) }),
  fc.record({ op: fc.constantFrom('create', 'netrm'), n: fc.constantFrom('n1', 'n2') }),
  fc.record({ op: fc.constantFrom('connect', 'disconnect'), c: fc.constantFrom(...CONTAINERS), n: fc.constantFrom(...NETWORKS) }),
)
type Command = { op: string; c?: string; n?: string }

function argv(cmd: Command): string[] {
  switch (cmd.op) {
    case 'run':
      return ['run', '-d', '-P', '--name', cmd.c!, '--net', cmd.n!, 'tomcat']
    case 'stop':
      return ['stop', '-t', '1', cmd.c!]
    case 'start':
      return ['start', cmd.c!]
    case 'rm':
      return ['rm', '-f', cmd.c!]
    case 'create':
      return ['network', 'create', cmd.n!]
    case 'netrm':
      return ['network', 'rm', cmd.n!]
    case 'connect':
      return ['network', 'connect', cmd.n!, cmd.c!]
    default:
      return ['network', 'disconnect', cmd.n!, cmd.c!]
  }
}

function checkInvariants(h: DockerHarness): void {
  const networks = h.daemon.listNetworks()
  for (const net of networks) {
    const ips = [...net.endpoints.values()].flatMap((e) => (e.ip === undefined ? [] : [e.ip]))
    expect(new Set(ips).size, `addresses of ${net.Name}`).toBe(ips.length)
  }
  const hostVeths = new Set(h.daemon.listEndpoints().flatMap((e) => (e.hostVeth ? [e.hostVeth] : [])))
  for (const ns of h.net.namespaces()) {
    for (const link of ns.links()) {
      if (link.kind !== 'veth') continue
      const peer = link.peer
      expect(peer.peer, `${link.name}'s peer points back`).toBe(link)
      expect(peer.ns.alive, `${link.name}'s peer namespace lives`).toBe(true)
      expect(peer.ns.link(peer.ifindex), `${link.name}@if${peer.ifindex} exists on the other side`).toBe(peer)
      if (link.master !== undefined) expect(hostVeths.has(link), `bridge port ${link.name} belongs to an endpoint`).toBe(true)
    }
  }
  for (const net of networks.filter(isUserDefined)) {
    for (const ep of net.endpoints.values()) {
      const answer = h.daemon.dns.answerLocally(ep.containerId, { name: ep.name, type: 'A' })
      expect(answer, `${ep.name} in ${net.Name}`).toEqual({ rcode: 'NOERROR', answers: [formatIpv4(ep.ip!)] })
    }
  }
  for (const c of h.daemon.listContainers()) {
    const running = c.State.Status === 'running'
    for (const [name, s] of c.NetworkSettings.Networks) {
      const net = networks.find((n) => n.Name === name)
      if (!net) continue
      expect(net.endpoints.has(c.Id), `${c.Name} endpoint on ${name} iff running`).toBe(running)
      if (!running) expect(s.IPAddress).toBe('')
    }
  }
}

describe('networking invariants under random command sequences', () => {
  it('hold after every command', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 1000 }), async (cmds, seed) => {
        const h = new DockerHarness({ seed })
        await h.docker(['pull', 'tomcat'])
        for (const cmd of cmds) {
          await h.docker(argv(cmd))
          checkInvariants(h)
        }
      }),
      { numRuns: 25, seed: 4 },
    )
  }, 120_000)
})
