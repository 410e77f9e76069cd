/**
 * The network controller: the three networks a fresh daemon has (`bridge`
 * on docker0, `host`, `none`; fact 7, capture 001) and joining/leaving a
 * container's sandbox. The default bridge takes the first predefined pool
 * that overlaps no host route (fact 1: host eth0 172.17.0.3/20 → docker0
 * 172.18.0.1/16), with a random 02:42:… MAC (fact 4).
 */
import { broadcastAddress, formatCidr, formatIpv4, networkAddress, type Cidr } from '../../lib/ipv4'
import type { NetNamespace, NetworkStack } from '../kernel/net/types'
import type { Prng } from '../sim/random'
import type { Container, EndpointSettings } from './container'
import { DockerError } from './errors'
import { generateId } from './ids'
import { choosePool, IpamPool, NO_POOL_MESSAGE } from './ipam'
import { DEFAULT_BRIDGE_OPTIONS, type Endpoint, type Network, type NetworkDriver } from './network'
import { attachToBridge, detachFromBridge } from './sandbox'

export interface NetworkControllerDeps {
  readonly stack: NetworkStack
  readonly random: Prng
  /** Epoch ms now. */
  readonly now: () => number
}

export class NetworkController {
  readonly networks: Network[] = []

  constructor(private readonly d: NetworkControllerDeps) {
    this.createDefaultBridge()
    this.networks.push(this.builtin('host', 'host'), this.builtin('none', 'null'))
  }

  private base(name: string, driver: NetworkDriver): Omit<Network, 'IPAM' | 'Options'> {
    return {
      Name: name,
      Id: generateId(this.d.random),
      Created: this.d.now(),
      CreatedNanos: this.d.random.int(1_000_000),
      Scope: 'local',
      Driver: driver,
      EnableIPv6: false,
      Internal: false,
      Attachable: false,
      Ingress: false,
      Labels: {},
      endpoints: new Map(),
    }
  }

  private builtin(name: string, driver: NetworkDriver): Network {
    return { ...this.base(name, driver), IPAM: { Driver: 'default', Options: null, Config: [] }, Options: {} }
  }

  /** Host routes (and their subnets) the default pool must not overlap. */
  private hostSubnets(): Cidr[] {
    return this.d.stack.host.routes().flatMap((r) => (r.dst && r.dst.prefixLength > 0 ? [r.dst] : []))
  }

  private createDefaultBridge(): void {
    const chosen = choosePool(this.hostSubnets())
    if (!chosen) throw new DockerError('system', NO_POOL_MESSAGE)
    const subnet = chosen.pool
    const gateway = networkAddress(subnet) + 1
    const net: Network = {
      ...this.base('bridge', 'bridge'),
      IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: formatCidr(subnet) }] },
      Options: DEFAULT_BRIDGE_OPTIONS,
      bridgeName: 'docker0',
      pool: new IpamPool(subnet, gateway),
    }
    const { stack, random } = this.d
    const mac = ['02', '42', ...Array.from({ length: 4 }, () => random.int(256).toString(16).padStart(2, '0'))].join(':')
    net.bridge = stack.addBridge(stack.host, 'docker0', mac)
    stack.addAddress(net.bridge, { family: 'inet', local: gateway, prefixLength: subnet.prefixLength, broadcast: broadcastAddress(subnet), scope: 'global' })
    stack.setUp(net.bridge, true)
    this.networks.push(net)
  }

  /** By exact name, full id, or unique id prefix (moby `daemon.FindNetwork`). */
  find(ref: string): Network | undefined {
    return (
      this.networks.find((n) => n.Name === ref) ??
      this.networks.find((n) => n.Id === ref) ??
      (this.networks.filter((n) => n.Id.startsWith(ref)).length === 1 ? this.networks.find((n) => n.Id.startsWith(ref)) : undefined)
    )
  }

  /** The network a container's NetworkMode names ('default' is the bridge). */
  forMode(mode: string): Network {
    const name = mode === 'default' ? 'bridge' : mode
    const net = this.find(name)
    if (!net) throw new DockerError('notFound', `network ${name} not found`, 'network', name)
    return net
  }

  /**
   * Joins a running container's sandbox to `net`: endpoint id, IP from the
   * pool (lowest free), veth pair (bridge networks). Fills `settings`.
   */
  join(container: Container, net: Network, ns: NetNamespace, settings: EndpointSettings, ifName: string): Endpoint {
    const name = container.Name.slice(1)
    const id = generateId(this.d.random)
    settings.EndpointID = id
    if (net.Driver !== 'bridge' || !net.pool || !net.bridge) {
      const endpoint: Endpoint = { id, networkId: net.Id, containerId: container.Id, name }
      net.endpoints.set(container.Id, endpoint)
      return endpoint
    }
    const ip = net.pool.allocate()
    const prefixLength = net.pool.subnet.prefixLength
    const { hostVeth, mac } = attachToBridge(this.d.stack, this.d.random, net.bridge, ns, ifName, ip, prefixLength, net.pool.gateway)
    settings.Gateway = formatIpv4(net.pool.gateway)
    settings.IPAddress = formatIpv4(ip)
    settings.IPPrefixLen = prefixLength
    settings.MacAddress = mac
    const endpoint: Endpoint = { id, networkId: net.Id, containerId: container.Id, name, ip, prefixLength, mac, hostVeth, ifName }
    net.endpoints.set(container.Id, endpoint)
    return endpoint
  }

  /** Leaves `net`: the veth pair goes (both ends), the address returns to the pool (fact 3). */
  leave(container: Container, net: Network, settings: EndpointSettings): void {
    const endpoint = net.endpoints.get(container.Id)
    if (endpoint) {
      if (endpoint.hostVeth) detachFromBridge(this.d.stack, endpoint.hostVeth)
      if (endpoint.ip !== undefined) net.pool?.release(endpoint.ip)
      net.endpoints.delete(container.Id)
    }
    settings.EndpointID = ''
    settings.Gateway = ''
    settings.IPAddress = ''
    settings.IPPrefixLen = 0
    settings.MacAddress = ''
  }
}
