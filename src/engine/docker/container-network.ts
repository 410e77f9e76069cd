/**
 * A container's networking over its life (moby daemon/container_operations.go
 * with libnetwork's sandbox): at start the namespace (its own, the host's,
 * or another container's, fact 23), one endpoint per attached network in
 * connect order with `ethN` names from a per-sandbox counter, /etc/hosts
 * (links first, then one own line per join), resolv.conf (the host's copy,
 * or 127.0.0.11 with the embedded DNS on a user network, fact 16), the
 * published ports and their iptables rules; at stop all of it released
 * (fact 3). `network connect`/`disconnect` on running and stopped
 * containers with Docker's checks and the /etc/hosts effects of fact 17.
 */
import { parseIpv4 } from '../../lib/ipv4'
import type { FileSystem } from '../kernel/fs/fs'
import type { NetNamespace, NetworkStack } from '../kernel/net/types'
import type { Container, EndpointSettings } from './container'
import { isRunning } from './container'
import { addHostsLine, containerResolvConf, deleteHostsLines, embeddedResolvConf, hostsContent, readHostResolvConf } from './container-files'
import type { EmbeddedDns } from './dns'
import { DockerError } from './errors'
import { linkAliases, linkEnv, linkHostsRecord, storedLink } from './links'
import { isUserDefined, type Network } from './network'
import type { NetworkController } from './networks'
import type { PortAllocator } from './ports'
import { publishPorts, releasePorts } from './publish'
import { UserlandProxy } from './userland-proxy'
import { createSandboxNamespace } from './sandbox'

export const ERR_SHARED = 'container sharing network namespace with another container or host cannot be connected to any other network'
export const ERR_HOST = 'container cannot be disconnected from host network or connected to host network'
export const ERR_NONE = 'container cannot be connected to multiple networks with one of the networks in private (none) mode'
export const ERR_IP_PREDEFINED = 'user specified IP address is supported on user defined networks only'
export const ERR_IP_AUTO_SUBNET = 'user specified IP address is supported only when connecting to networks with user configured subnets'
export const ERR_ALIAS_PREDEFINED = 'network-scoped alias is supported only for containers in user defined networks'

export interface EndpointConfig {
  readonly ipv4Address?: string
  readonly aliases?: readonly string[]
}

/** A fresh NetworkSettings.Networks entry (what create and connect store). */
export function endpointSettings(net: Network, config: EndpointConfig, fromConnect: boolean): EndpointSettings {
  const ip = config.ipv4Address
  return {
    IPAMConfig: ip ? { IPv4Address: ip } : fromConnect ? {} : null,
    Aliases: config.aliases && config.aliases.length > 0 ? [...config.aliases] : null,
    NetworkID: net.Id,
    EndpointID: '',
    Gateway: '',
    IPAddress: '',
    IPPrefixLen: 0,
    MacAddress: '',
    DriverOpts: fromConnect ? {} : null,
  }
}

export interface ContainerNetworkingDeps {
  readonly stack: NetworkStack
  readonly hostFs: FileSystem
  readonly hostname: string
  readonly networks: NetworkController
  readonly ports: PortAllocator
  readonly dns: EmbeddedDns
  /** moby GetContainer (throws `No such container`). */
  readonly find: (ref: string) => Container
}

const isHostDriver = (n: Network): boolean => n.Driver === 'host'
const isPrivate = (n: Network): boolean => n.Driver !== 'host'

export class ContainerNetworking {
  /** Next `ethN` per running sandbox (osl nextIfIndex: it only grows). */
  private readonly nextIf = new Map<string, number>()
  /** Sandboxes borrowed from another container (`--net container:X`) are not ours to delete. */
  private readonly borrowed = new Set<string>()

  private readonly proxy: UserlandProxy

  constructor(private readonly d: ContainerNetworkingDeps) {
    this.proxy = new UserlandProxy(d.stack.sockets, d.stack.host)
  }

  /** updateNetworkConfig: predefined networks take no --ip or alias; user networks get the short id as an alias. */
  private updateConfig(c: Container, net: Network, s: EndpointSettings): void {
    if (!isUserDefined(net)) {
      if (s.IPAMConfig?.IPv4Address) throw new DockerError('invalidParameter', ERR_IP_PREDEFINED)
      if (s.Aliases && s.Aliases.length > 0) throw new DockerError('invalidParameter', ERR_ALIAS_PREDEFINED)
      return
    }
    if (s.IPAMConfig?.IPv4Address && !net.userSubnet) throw new DockerError('invalidParameter', ERR_IP_AUTO_SUBNET)
    const short = c.Id.slice(0, 12)
    if (!(s.Aliases ?? []).includes(short)) s.Aliases = [...(s.Aliases ?? []), short]
  }

  private joinOne(c: Container, net: Network, s: EndpointSettings, ns: NetNamespace): void {
    this.updateConfig(c, net, s)
    const wanted = s.IPAMConfig?.IPv4Address
    const preferredIp = wanted ? parseIpv4(wanted) : undefined
    if (wanted && preferredIp === undefined) throw new DockerError('invalidParameter', `invalid IPv4 address: ${wanted}`)
    const bridged = net.Driver === 'bridge'
    const n = this.nextIf.get(c.Id) ?? 0
    const ep = this.d.networks.join(c, net, ns, s, `eth${n}`, { ...(preferredIp !== undefined ? { preferredIp } : {}), aliases: s.Aliases ?? [], links: linkAliases(s.Links ?? []) })
    if (bridged) this.nextIf.set(c.Id, n + 1)
    if (ep.ip !== undefined && ns !== this.d.stack.host) c.files.hosts.content = addHostsLine(c.files.hosts.content, { ip: s.IPAddress, names: this.hostnameOf(c) })
    if (isUserDefined(net)) this.useEmbeddedDns(c, ns)
  }

  private hostnameOf(c: Container): string {
    return c.sandbox?.uts.hostname ?? c.Config.Hostname
  }

  private useEmbeddedDns(c: Container, ns: NetNamespace): void {
    if (!this.d.dns.isRunning(c.Id)) c.files.resolvConf.content = embeddedResolvConf(readHostResolvConf(this.d.hostFs))
    this.d.dns.start(c.Id, ns)
  }

  /** Everything start needs before the main process runs; returns the namespace and the hostname. */
  setUp(c: Container): { ns: NetNamespace; hostname: string } {
    const mode = c.HostConfig.NetworkMode
    if (mode.startsWith('container:')) return this.borrow(c, mode.slice('container:'.length))
    const hostMode = mode === 'host'
    const ns = hostMode ? this.d.stack.host : createSandboxNamespace(this.d.stack, c.Id)
    const hostname = hostMode ? this.d.hostname : c.Config.Hostname
    this.nextIf.set(c.Id, 0)
    c.linkEnv = []
    try {
      c.files.hostname.content = `${hostname}\n`
      c.files.resolvConf.content = containerResolvConf(readHostResolvConf(this.d.hostFs))
      c.files.hosts.content = hostMode ? this.hostFile('/etc/hosts') : hostsContent([])
      this.setUpLinks(c)
      // The sandbox's uts is read by hostnameOf while joining.
      c.sandbox = { net: ns, fs: c.rootfs, uts: { hostname }, owner: c.Id }
      if (mode !== 'default' && !this.d.networks.find(mode)) throw new DockerError('notFound', `network ${mode} not found`, 'network', mode)
      for (const [name, s] of c.NetworkSettings.Networks) {
        const net = this.d.networks.find(name)
        if (!net) throw new DockerError('notFound', `network ${name} not found`, 'network', name)
        this.joinOne(c, net, s, ns)
      }
      this.publish(c)
    } catch (error) {
      this.tearDown(c, ns)
      throw error
    }
    return { ns, hostname }
  }

  private hostFile(path: string): string {
    try {
      return this.d.hostFs.readFile(path)
    } catch {
      return hostsContent([])
    }
  }

  /** `--net container:X`: X's namespace, hostname and files (initializeNetworking, getNetworkedContainer). */
  private borrow(c: Container, ref: string): { ns: NetNamespace; hostname: string } {
    const other = this.d.find(ref)
    if (other.Id === c.Id) throw new DockerError('invalidParameter', 'cannot join own network')
    if (!isRunning(other) || !other.sandbox) throw new DockerError('conflict', `cannot join network of a non running container: ${other.Id}`)
    this.borrowed.add(c.Id)
    c.rootfs.attach('/etc/hosts', other.files.hosts)
    c.rootfs.attach('/etc/hostname', other.files.hostname)
    c.rootfs.attach('/etc/resolv.conf', other.files.resolvConf)
    c.linkEnv = []
    const hostname = other.sandbox.uts.hostname
    c.sandbox = { net: other.sandbox.net, fs: c.rootfs, uts: { hostname }, owner: c.Id }
    return { ns: other.sandbox.net, hostname }
  }

  /** Link lines and variables (default bridge only; the targets must run). */
  private setUpLinks(c: Container): void {
    for (const link of c.HostConfig.Links) {
      const { child: name, alias } = storedLink(link)
      const child = this.d.find(name)
      if (!isRunning(child)) throw new DockerError('system', `Cannot link to a non running container: ${child.Name} AS /${c.Name.slice(1)}/${alias}`)
      const ip = child.NetworkSettings.Networks.get('bridge')?.IPAddress ?? ''
      if (ip === '') continue
      c.files.hosts.content = addHostsLine(c.files.hosts.content, linkHostsRecord(child, alias, ip))
      c.linkEnv = [...(c.linkEnv ?? []), ...linkEnv(c.Name.slice(1), child, alias, ip)]
    }
  }

  /** Ports go on the first bridge endpoint, with their DNAT rules (host and none publish nothing). */
  private publish(c: Container): void {
    const first = [...c.NetworkSettings.Networks].map(([name]) => this.d.networks.find(name)).find((n) => n?.Driver === 'bridge')
    const ep = first?.endpoints.get(c.Id)
    if (!first || !ep || ep.ip === undefined) return
    c.NetworkSettings.Ports = publishPorts(c, this.d.ports, ep.id)
    const containerIp = c.NetworkSettings.Networks.get(first.Name)!.IPAddress
    for (const p of c.NetworkSettings.Ports) {
      if (p.PublicPort === undefined || p.IP === undefined || p.IP.includes(':') || p.Type === 'sctp') continue
      this.d.networks.iptables.addPort(c.Id, { bridge: first.bridgeName!, protocol: p.Type, hostIp: p.IP, hostPort: p.PublicPort, containerIp, containerPort: p.PrivatePort })
      if (p.Type === 'tcp') this.proxy.add(c.Id, p.PublicPort, ep.ip, p.PrivatePort)
    }
  }

  /** Releases what setUp made: ports and rules, endpoints, the resolver, the namespace (never the host's or a borrowed one). */
  tearDown(c: Container, ns: NetNamespace): void {
    releasePorts(c.NetworkSettings.Ports, this.d.ports)
    this.d.networks.iptables.removePorts(c.Id)
    this.proxy.remove(c.Id)
    c.NetworkSettings.Ports = []
    for (const [name, settings] of c.NetworkSettings.Networks) {
      const net = this.d.networks.find(name)
      if (net) this.d.networks.leave(c, net, settings)
    }
    this.d.dns.stop(c.Id)
    this.nextIf.delete(c.Id)
    const borrowed = this.borrowed.delete(c.Id)
    if (!borrowed && ns !== this.d.stack.host && ns.alive !== false) this.d.stack.deleteNamespace(ns)
    c.sandbox = undefined
  }

  /** updateNetworkSettings: the host network and private (none) mode exclude the others. */
  private checkConflicts(c: Container, net: Network): void {
    if (c.HostConfig.NetworkMode.startsWith('container:')) throw new DockerError('forbidden', ERR_SHARED)
    if (c.HostConfig.NetworkMode !== 'host' && isHostDriver(net)) throw new DockerError('forbidden', ERR_HOST)
    for (const name of c.NetworkSettings.Networks.keys()) {
      const other = this.d.networks.find(name)
      if (!other || other.Name === net.Name) continue
      if (!isPrivate(other) || !isPrivate(net)) throw new DockerError('forbidden', ERR_SHARED)
      if (other.Name === 'none' || net.Name === 'none') throw new DockerError('forbidden', ERR_NONE)
    }
  }

  /** `docker network connect` (ConnectToNetwork). */
  connect(c: Container, net: Network, config: EndpointConfig): void {
    this.checkConflicts(c, net)
    const existing = c.NetworkSettings.Networks.get(net.Name)
    const settings = existing ?? endpointSettings(net, config, true)
    if (!isRunning(c) || !c.sandbox) {
      this.updateConfig(c, net, settings)
      c.NetworkSettings.Networks.set(net.Name, settings)
      return
    }
    if (existing && net.endpoints.has(c.Id)) throw new DockerError('forbidden', `endpoint with name ${c.Name.slice(1)} already exists in network ${net.Name}`)
    c.NetworkSettings.Networks.set(net.Name, settings)
    try {
      this.joinOne(c, net, settings, c.sandbox.net)
    } catch (error) {
      if (!existing) c.NetworkSettings.Networks.delete(net.Name)
      throw error
    }
  }

  /** `docker network disconnect` (DisconnectFromNetwork). */
  disconnect(c: Container, net: Network, force: boolean): void {
    if (!isRunning(c) || !c.sandbox) {
      if (!c.NetworkSettings.Networks.delete(net.Name)) throw new DockerError('system', `container ${c.Id} is not connected to the network ${net.Name}`)
      return
    }
    if (!force && c.HostConfig.NetworkMode === 'host' && isHostDriver(net)) throw new DockerError('forbidden', ERR_HOST)
    const settings = c.NetworkSettings.Networks.get(net.Name)
    if (!net.endpoints.has(c.Id) || !settings) throw new DockerError('system', `container ${c.Id} is not connected to network ${net.Name}`)
    this.d.networks.leave(c, net, settings)
    c.files.hosts.content = deleteHostsLines(c.files.hosts.content, this.hostnameOf(c))
    c.NetworkSettings.Networks.delete(net.Name)
  }
}
