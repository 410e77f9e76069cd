/**
 * Network plumbing of a container's sandbox, in the order libnetwork does
 * it (bridge driver CreateEndpoint + Join, osl sandbox): a namespace with
 * IPv6 disabled and `lo` up; per bridge network a veth pair created in the
 * host namespace with the container end registered first (so it has the
 * lower ifindex: eth0@if5 / veth…@if4, fact 5), host end mastered to the
 * bridge and up, container end moved in and renamed ethN, MAC 02:42+IP
 * (fact 4), address with broadcast, default route via the gateway.
 */
import { broadcastAddress, macFromIpv4, parseIpv4, type Ipv4 } from '../../lib/ipv4'
import { randomLocalMac } from '../../lib/mac'
import type { BridgeLink, NetNamespace, NetworkStack, VethLink } from '../kernel/net/types'
import type { Prng } from '../sim/random'

const LOOPBACK = parseIpv4('127.0.0.1')!

export function createSandboxNamespace(stack: NetworkStack, containerId: string): NetNamespace {
  const ns = stack.createNamespace(containerId, { ipv6: false })
  const lo = ns.links().find((l) => l.kind === 'loopback')
  if (lo) {
    if (!lo.adminUp) stack.setUp(lo, true)
    if (!lo.addresses.some((a) => a.family === 'inet')) stack.addAddress(lo, { family: 'inet', local: LOOPBACK, prefixLength: 8, scope: 'host' })
  }
  return ns
}

/** netutils.GenerateIfaceName(nlh, "veth", 7): a name free in the host namespace. */
export function generateVethName(stack: NetworkStack, random: Prng): string {
  for (;;) {
    const name = `veth${random.hex(7)}`
    if (!stack.host.link(name)) return name
  }
}

export interface BridgeAttachment {
  readonly hostVeth: VethLink
  readonly mac: string
}

export function attachToBridge(
  stack: NetworkStack,
  random: Prng,
  bridge: BridgeLink,
  ns: NetNamespace,
  ifName: string,
  ip: Ipv4,
  prefixLength: number,
  gateway: Ipv4 | undefined,
): BridgeAttachment {
  const hostName = generateVethName(stack, random)
  const peerName = generateVethName(stack, random)
  const mac = macFromIpv4(ip)
  const hostVeth = stack.addVethPair(stack.host, hostName, peerName, { mac: randomLocalMac(() => random.int(256)), peerMac: mac })
  stack.setMaster(hostVeth, bridge)
  stack.setUp(hostVeth, true)
  const inner = stack.moveLink(hostVeth.peer, ns, ifName)
  stack.setMac(inner, mac)
  stack.addAddress(inner, { family: 'inet', local: ip, prefixLength, broadcast: broadcastAddress({ address: ip, prefixLength }), scope: 'global' })
  stack.setUp(inner, true)
  if (gateway !== undefined) stack.addRoute(ns, { via: gateway, dev: inner.ifindex, proto: 'boot', scope: 'global' })
  return { hostVeth, mac }
}

/** Deleting the host end deletes the pair (fact 5); a namespace already gone took its end with it. */
export function detachFromBridge(stack: NetworkStack, hostVeth: VethLink): void {
  if (stack.host.link(hostVeth.ifindex) === hostVeth) stack.deleteLink(hostVeth)
}
