/**
 * The Docker host's own network: one NIC (eth0) cabled to a small "lan"
 * namespace that plays the cloud VPC's gateway, so the host's default route
 * leads somewhere that answers ARP and ping, and the cloud's DNS resolvers
 * behind it (the host's resolv.conf nameservers), which answer NXDOMAIN for
 * every name: the simulation's names are unknown on the Internet, so a
 * lookup fails at once, as on a connected host. Defaults are the tutorial's
 * host: 172.17.0.3/20 on an Alibaba-Cloud-style VPC (gateway .253, whose MAC
 * on that cloud is ee:ff:ff:ff:ff:ff). `ip` on the host never sees "lan".
 */
import { broadcastAddress, parseCidr, parseIpv4, type Cidr, type Ipv4 } from '../../../lib/ipv4'
import type { MacAddress } from '../../../lib/mac'
import type { Prng } from '../../sim/random'
import { nxdomainHandler, serveDns } from './dns'
import type { EtherLink, NetNamespace, NetworkStack } from './types'

export interface HostNicOptions {
  readonly mac: MacAddress
  readonly address: Cidr
  readonly gateway: Ipv4
  readonly gatewayMac: MacAddress
  /** A DHCP lease (`scope global dynamic`, `metric`, `proto dhcp` default route) instead of a static address. */
  readonly dhcp?: { readonly metric: number; readonly leaseSeconds: number }
  /** The upstream DNS resolvers reachable through the gateway (the host's resolv.conf nameservers). */
  readonly nameservers?: readonly Ipv4[]
}

export const TUTORIAL_HOST_NIC: HostNicOptions = {
  mac: '52:54:00:cc:34:ff',
  address: parseCidr('172.17.0.3/20')!,
  gateway: parseIpv4('172.17.15.253')!,
  gatewayMac: 'ee:ff:ff:ff:ff:ff',
  nameservers: [parseIpv4('100.100.2.136')!, parseIpv4('100.100.2.138')!],
}

export interface HostNetwork {
  readonly eth0: EtherLink
  readonly lan: NetNamespace
  readonly gateway: EtherLink
}

/**
 * Gives the host its NIC, address, default route and LAN router, and turns
 * on forwarding (dockerd sets net.ipv4.ip_forward=1 when it starts; our host
 * is always a Docker host).
 */
export function setupHostNetwork(stack: NetworkStack, _random: Prng, nic: HostNicOptions = TUTORIAL_HOST_NIC): HostNetwork {
  const host = stack.host
  const eth0 = stack.addEther(host, 'eth0', nic.mac, { qdisc: 'pfifo_fast', txqueuelen: 1000 })
  const lan = stack.createNamespace('lan', { ipv6: false })
  const gateway = stack.addEther(lan, 'eth0', nic.gatewayMac, { qdisc: 'pfifo_fast', txqueuelen: 1000 })
  stack.connectEther(eth0, gateway)
  stack.setUp(gateway, true)
  stack.addAddress(gateway, { family: 'inet', local: nic.gateway, prefixLength: nic.address.prefixLength, broadcast: broadcastAddress(nic.address), scope: 'global' })

  stack.setUp(eth0, true)
  // The host booted long ago: duplicate address detection on eth0 is over.
  for (const a of eth0.addresses) delete a.tentativeUntil
  const dhcp = nic.dhcp
  stack.addAddress(eth0, {
    family: 'inet',
    local: nic.address.address,
    prefixLength: nic.address.prefixLength,
    broadcast: broadcastAddress(nic.address),
    scope: 'global',
    ...(dhcp ? { dynamic: true, metric: dhcp.metric, validLft: dhcp.leaseSeconds, preferredLft: dhcp.leaseSeconds } : {}),
  })
  stack.addRoute(host, {
    via: nic.gateway,
    dev: eth0.ifindex,
    proto: dhcp ? 'dhcp' : 'boot',
    scope: 'global',
    ...(dhcp ? { src: nic.address.address, metric: dhcp.metric } : {}),
  })
  host.forwarding = true
  // The resolvers are addresses of the LAN side (on its lo, answered like any local address).
  const lo = lan.link('lo')!
  for (const server of nic.nameservers ?? []) {
    stack.addAddress(lo, { family: 'inet', local: server, prefixLength: 32, scope: 'global' })
    serveDns(stack.sockets, lan, server, nxdomainHandler)
  }
  return { eth0, lan, gateway }
}
