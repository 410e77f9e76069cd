/**
 * The network controller: the three networks a fresh daemon has (`bridge`
 * on docker0, `host`, `none`; fact 7, capture 001), user-defined bridge
 * networks on `br-<id12>` (fact 6) with their pools (facts 1, 2), and
 * endpoints joining and leaving a container's sandbox (facts 3–5). The
 * default bridge takes the first predefined pool that overlaps no host
 * route (fact 1: host eth0 172.17.0.3/20 → docker0 172.18.0.1/16). Every
 * bridge network gets Docker's iptables rules (iptables-rules.ts).
 */
import { broadcastAddress, formatCidr, formatIpv4, networkAddress, type Cidr, type Ipv4 } from '../../lib/ipv4'
import type { IptablesApi } from '../kernel/net/iptables-types'
import type { NetNamespace, NetworkStack } from '../kernel/net/types'
import type { Prng } from '../sim/random'
import type { Container, EndpointSettings } from './container'
import { DockerError } from './errors'
import { generateId } from './ids'
import { choosePool, IpamPool, NO_POOL_MESSAGE, PredefinedPools } from './ipam'
import { DockerIptables } from './iptables-rules'
import { DEFAULT_BRIDGE_OPTIONS, isUserDefined, type Endpoint, type IpamConfig, type Network, type NetworkDriver } from './network'
import { driverOf, poolRequest, validateCreate, type NetworkCreateRequest } from './network-create'
import { attachToBridge, detachFromBridge } from './sandbox'

export interface NetworkControllerDeps {
  readonly stack: NetworkStack
  readonly random: Prng
  /** Epoch ms now. */
  readonly now: () => number
}

export interface JoinOptions {
  /** `--ip`: the address to request instead of the lowest free one. */
  readonly preferredIp?: Ipv4
  /** DNS names besides the container name (aliases, short id). */
  readonly aliases?: readonly string[]
  /** `--link` on a user network: alias → target name. */
  readonly links?: Readonly<Record<string, string>>
}

export class NetworkController {
  readonly networks: Network[] = []
  readonly iptables: DockerIptables
  private readonly pools = new PredefinedPools()

  constructor(private readonly d: NetworkControllerDeps) {
    this.iptables = new DockerIptables((d.stack.host as NetNamespace & { iptables?: IptablesApi }).iptables)
    this.iptables.init()
    this.createDefaultBridge()
    this.networks.push(this.builtin('host', 'host'), this.builtin('none', 'null'))
  }

  private base(name: string, driver: NetworkDriver): Omit<Network, 'IPAM' | 'Options'> {
    return {
      Name: name,
      Id: generateId(this.d.random),
      Created: Math.floor(this.d.now()), // sub-millisecond digits are CreatedNanos
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

  /** Host routes (and their subnets) a default pool must not overlap. */
  private hostSubnets(): Cidr[] {
    return this.d.stack.host.routes().flatMap((r) => (r.dst && r.dst.prefixLength > 0 ? [r.dst] : []))
  }

  private networkSubnets(): Cidr[] {
    return this.networks.flatMap((n) => n.pool?.subnet ?? [])
  }

  /** A Linux bridge with a random 02:42 MAC (fact 4) and the gateway address, up (NO-CARRIER until a port joins). */
  private addBridge(name: string, subnet: Cidr, gateway: Ipv4): Network['bridge'] {
    const { stack, random } = this.d
    const mac = ['02', '42', ...Array.from({ length: 4 }, () => random.int(256).toString(16).padStart(2, '0'))].join(':')
    const bridge = stack.addBridge(stack.host, name, mac)
    stack.addAddress(bridge, { family: 'inet', local: gateway, prefixLength: subnet.prefixLength, broadcast: broadcastAddress(subnet), scope: 'global' })
    stack.setUp(bridge, true)
    return bridge
  }

  private programRules(net: Network): void {
    const o = net.Options
    this.iptables.addNetwork(net.Id, {
      bridge: net.bridgeName!,
      subnet: formatCidr(net.pool!.subnet),
      internal: net.Internal,
      icc: o['com.docker.network.bridge.enable_icc'] !== 'false',
      masquerade: o['com.docker.network.bridge.enable_ip_masquerade'] !== 'false',
    })
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
    net.bridge = this.addBridge('docker0', subnet, gateway)
    this.networks.push(net)
    this.programRules(net)
  }

  /** `docker network create` (daemon createNetwork + libnetwork NewNetwork, bridge driver). */
  create(req: NetworkCreateRequest): Network {
    validateCreate(req, this.networks)
    const driver = driverOf(req)
    const wanted = poolRequest(req, this.networks)
    const subnet = wanted.subnet ?? this.pools.next([...this.hostSubnets(), ...this.networkSubnets()])
    if (!subnet) throw new DockerError('forbidden', NO_POOL_MESSAGE)
    const gateway = wanted.gateway ?? networkAddress(subnet) + 1
    const config: IpamConfig = wanted.config
      ? { Subnet: wanted.config.Subnet, ...(wanted.config.IPRange ? { IPRange: wanted.config.IPRange } : {}), ...(wanted.config.Gateway ? { Gateway: wanted.config.Gateway } : {}) }
      : { Subnet: formatCidr(subnet), Gateway: formatIpv4(gateway) }
    const base = this.base(req.Name, driver)
    const options = { ...(req.Options ?? {}) }
    const net: Network = {
      ...base,
      Internal: req.Internal ?? false,
      Attachable: req.Attachable ?? false,
      Labels: { ...(req.Labels ?? {}) },
      IPAM: { Driver: req.IPAM?.Driver || 'default', Options: { ...(req.IPAM?.Options ?? {}) }, Config: [config] },
      Options: options,
      bridgeName: options['com.docker.network.bridge.name'] ?? `br-${base.Id.slice(0, 12)}`,
      pool: new IpamPool(subnet, gateway, wanted.range),
      userSubnet: wanted.subnet !== undefined,
    }
    net.bridge = this.addBridge(net.bridgeName!, subnet, gateway)
    this.networks.push(net)
    this.programRules(net)
    return net
  }

  /** `docker network rm` (daemon deleteNetwork, libnetwork network.Delete). */
  remove(net: Network): void {
    if (!isUserDefined(net)) throw new DockerError('forbidden', `${net.Name} is a pre-defined network and cannot be removed`)
    if (net.endpoints.size > 0) throw new DockerError('forbidden', `error while removing network: network ${net.Name} id ${net.Id} has active endpoints`)
    this.iptables.removeNetwork(net.Id)
    if (net.bridge && this.d.stack.host.link(net.bridge.ifindex) === net.bridge) this.d.stack.deleteLink(net.bridge)
    this.networks.splice(this.networks.indexOf(net), 1)
  }

  /** By exact name, full id, or unique id prefix (moby `daemon.FindNetwork`). */
  find(ref: string): Network | undefined {
    const byPrefix = this.networks.filter((n) => n.Id.startsWith(ref))
    return this.networks.find((n) => n.Name === ref) ?? this.networks.find((n) => n.Id === ref) ?? (byPrefix.length === 1 ? byPrefix[0] : undefined)
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
   * pool (lowest free, or `--ip`), veth pair (bridge networks). Fills `settings`.
   */
  join(container: Container, net: Network, ns: NetNamespace, settings: EndpointSettings, ifName: string, options: JoinOptions = {}): Endpoint {
    const name = container.Name.slice(1)
    const aliases = options.aliases ?? []
    const links = options.links ?? {}
    if ([...net.endpoints.values()].some((e) => e.name === name)) throw new DockerError('forbidden', `endpoint with name ${name} already exists in network ${net.Name}`)
    const id = generateId(this.d.random)
    if (net.Driver !== 'bridge' || !net.pool || !net.bridge) {
      const endpoint: Endpoint = { id, networkId: net.Id, containerId: container.Id, get name() { return container.Name.slice(1) }, aliases, links }
      net.endpoints.set(container.Id, endpoint)
      settings.EndpointID = id
      return endpoint
    }
    const ip = net.pool.allocate(options.preferredIp)
    const prefixLength = net.pool.subnet.prefixLength
    // The first endpoint gives the sandbox its default route; later ones (connect) keep it.
    const gateway = ns.routes().some((r) => r.dst === undefined && r.table === 'main') ? undefined : net.pool.gateway
    const { hostVeth, mac } = attachToBridge(this.d.stack, this.d.random, net.bridge, ns, ifName, ip, prefixLength, gateway)
    settings.EndpointID = id
    settings.Gateway = formatIpv4(net.pool.gateway)
    settings.IPAddress = formatIpv4(ip)
    settings.IPPrefixLen = prefixLength
    settings.MacAddress = mac
    // The name follows `docker rename` (libnetwork renames the endpoint and its DNS records).
    const endpoint: Endpoint = { id, networkId: net.Id, containerId: container.Id, get name() { return container.Name.slice(1) }, ip, prefixLength, mac, hostVeth, ifName, aliases, links }
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
