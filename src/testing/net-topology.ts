/**
 * Builds the tutorial's Docker topology directly with the stack API, the way
 * shared/refs/linux/build.sh does (mirroring libnetwork's bridge driver): a
 * bridge with the gateway address; per container a namespace with IPv6 off,
 * a veth pair made in the host namespace (the container end registered
 * first), the host end enslaved and up, the container end moved in, renamed
 * ethN, given MAC 02:42+IP, its address and (first network only) the
 * default route. No Docker daemon involved: this is the network's ground
 * truth for the golden tests of `ip` and `ping`.
 */
import { broadcastAddress, formatIpv4, macFromIpv4, parseCidr, parseIpv4, type Cidr, type Ipv4 } from '../lib/ipv4'
import { randomLocalMac } from '../lib/mac'
import { FileSystem } from '../engine/kernel/fs/fs'
import { Kernel } from '../engine/kernel/kernel'
import { setupHostNetwork, TUTORIAL_HOST_NIC, type HostNicOptions } from '../engine/kernel/net/host-setup'
import { createNetworkStack } from '../engine/kernel/net/stack'
import type { IptablesApi } from '../engine/kernel/net/iptables-types'
import type { BridgeLink, NetNamespace, NetworkStack, VethLink } from '../engine/kernel/net/types'
import type { Sandbox } from '../engine/kernel/proc/process'
import { bridgeProgram } from '../engine/programs/bridge'
import { getentProgram } from '../engine/programs/getent'
import { curlProgram } from '../engine/programs/curl'
import { ipProgram } from '../engine/programs/ip'
import { nslookupProgram } from '../engine/programs/nslookup'
import { tcpdumpProgram } from '../engine/programs/tcpdump'
import { iptablesProgram } from '../engine/programs/iptables'
import { pingProgram } from '../engine/programs/ping'
import { ProgramRegistry } from '../engine/shell/runtime'
import { VirtualClock } from '../engine/sim/clock'
import { Prng } from '../engine/sim/random'

/** The capture lab's host (refs/linux README: a DHCP-configured NIC on 10.0.2.0/24, router 10.0.2.2). */
export const LAB_HOST_NIC: HostNicOptions = {
  mac: '52:54:00:12:34:56',
  address: parseCidr('10.0.2.15/24')!,
  gateway: parseIpv4('10.0.2.2')!,
  gatewayMac: '52:55:0a:00:02:02',
  dhcp: { metric: 100, leaseSeconds: 86400 },
  nameservers: [parseIpv4('10.0.2.3')!],
}

export interface Attachment {
  readonly network: string
  readonly eth: VethLink
  readonly hostVeth: VethLink
  readonly ip: Ipv4
}

export interface ContainerNet {
  readonly name: string
  readonly id: string
  readonly ns: NetNamespace
  readonly fs: FileSystem
  readonly sandbox: Sandbox
  readonly attachments: Attachment[]
}

interface BridgeNetwork {
  readonly name: string
  readonly bridge: BridgeLink
  readonly subnet: Cidr
  readonly gateway: Ipv4
}

export const HOSTS_HEADER = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n'

export class TestTopology {
  readonly clock = new VirtualClock()
  readonly random: Prng
  readonly stack: NetworkStack
  readonly kernel: Kernel
  readonly registry = new ProgramRegistry()
    .register('ip', ipProgram)
    .register('ping', pingProgram)
    .register('bridge', bridgeProgram)
    .register('getent', getentProgram)
    .register('iptables', iptablesProgram)
    .register('nslookup', nslookupProgram)
    .register('curl', curlProgram)
    .register('tcpdump', tcpdumpProgram)
  readonly hostFs: FileSystem
  readonly hostSandbox: Sandbox
  readonly networks = new Map<string, BridgeNetwork>()
  readonly containers = new Map<string, ContainerNet>()
  private readonly resolvConf: string

  constructor(options: { seed?: number; nic?: HostNicOptions } = {}) {
    this.random = new Prng(options.seed ?? 1)
    this.stack = createNetworkStack(this.clock, this.random)
    this.kernel = new Kernel(this.clock, this.random, this.stack)
    const nic = options.nic ?? TUTORIAL_HOST_NIC
    setupHostNetwork(this.stack, this.random, nic)
    // Docker copies the host's resolv.conf into default-bridge containers.
    this.resolvConf = (nic.nameservers ?? []).map((n) => `nameserver ${formatIpv4(n)}\n`).join('')
    this.hostFs = this.makeFs('127.0.0.1\tlocalhost\n', this.resolvConf)
    this.hostSandbox = { net: this.stack.host, fs: this.hostFs, uts: { hostname: 'docker-host' }, owner: 'host' }
    installDockerChains(this.stack.host.iptables)
  }

  private makeFs(hosts: string, resolv: string): FileSystem {
    const fs = new FileSystem(() => this.clock.now())
    fs.mkdir('/etc', { parents: true })
    fs.mkdir('/bin', { parents: true })
    fs.writeFile('/etc/hosts', hosts)
    fs.writeFile('/etc/resolv.conf', resolv)
    for (const name of this.registry.names()) fs.writeFile(`/bin/${name}`, '', { mode: 0o755 }).program = name
    return fs
  }

  /** dockerd's bridge: `ip link add NAME address 02:42:… txqueuelen 0 type bridge`, `ip addr add GW/LEN brd +`, up. */
  addNetwork(name: string, bridgeName: string, subnet: string, gateway: string): BridgeLink {
    const cidr = parseCidr(subnet)!
    const gw = parseIpv4(gateway)!
    const bridge = this.stack.addBridge(this.stack.host, bridgeName, `02:42:${this.random.hex(2)}:${this.random.hex(2)}:${this.random.hex(2)}:${this.random.hex(2)}`)
    this.stack.addAddress(bridge, { family: 'inet', local: gw, prefixLength: cidr.prefixLength, broadcast: broadcastAddress(cidr), scope: 'global' })
    this.stack.setUp(bridge, true)
    this.networks.set(name, { name, bridge, subnet: cidr, gateway: gw })
    installBridgeRules(this.stack.host.iptables, bridgeName, subnet)
    return bridge
  }

  /** `docker run -p HOSTPORT:CPORT`: the nat DNAT and the filter ACCEPT libnetwork adds for the container's first network. */
  publish(name: string, hostPort: number, containerPort: number): void {
    const c = this.containers.get(name)!
    const a = c.attachments[0]!
    const br = this.networks.get(a.network)!.bridge.name
    const ip = formatIpv4(a.ip)
    const t = this.stack.host.iptables
    t.append('nat', 'DOCKER', { inInterface: { name: br, negate: true }, protocol: 'tcp', destinationPort: hostPort, target: { kind: 'DNAT', toAddress: ip, toPort: containerPort } })
    t.append('filter', 'DOCKER', { destination: { cidr: `${ip}/32` }, inInterface: { name: br, negate: true }, outInterface: { name: br }, protocol: 'tcp', destinationPort: containerPort, target: { kind: 'ACCEPT' } })
    t.append('nat', 'POSTROUTING', { source: { cidr: `${ip}/32` }, destination: { cidr: `${ip}/32` }, protocol: 'tcp', destinationPort: containerPort, target: { kind: 'MASQUERADE' } })
  }

  /** `docker run --name NAME [--net NETWORK] [--link L]`: namespace, veth pair, address, default route, /etc/hosts. */
  run(name: string, network = 'bridge', options: { links?: string[]; ip?: string } = {}): ContainerNet {
    const ns = this.stack.createNamespace(name, { ipv6: false })
    const id = this.random.hex(12)
    const links = (options.links ?? []).map((l) => {
      const target = this.containers.get(l)!
      return `${formatIpv4(target.attachments[0]!.ip)}\t${l} ${target.id}\n`
    })
    const fs = this.makeFs(HOSTS_HEADER + links.join(''), this.resolvConf)
    const c: ContainerNet = { name, id, ns, fs, sandbox: { net: ns, fs, uts: { hostname: id }, owner: name }, attachments: [] }
    this.containers.set(name, c)
    if (network !== 'none') this.connect(name, network, options.ip)
    return c
  }

  /** `docker network connect NETWORK NAME`: one more veth pair, ethN, no second default route. */
  connect(name: string, networkName: string, fixedIp?: string): Attachment {
    const c = this.containers.get(name)!
    const net = this.networks.get(networkName)!
    const ip = fixedIp !== undefined ? parseIpv4(fixedIp)! : this.freeAddress(net)
    const byte = () => this.random.int(256)
    const hostVeth = this.stack.addVethPair(this.stack.host, `veth${this.random.hex(7)}`, `veth${this.random.hex(7)}`, { mac: randomLocalMac(byte), peerMac: randomLocalMac(byte) })
    const eth = hostVeth.peer
    this.stack.setMaster(hostVeth, net.bridge)
    this.stack.setUp(hostVeth, true)
    this.stack.moveLink(eth, c.ns, `eth${c.attachments.length}`)
    this.stack.setMac(eth, macFromIpv4(ip))
    this.stack.addAddress(eth, { family: 'inet', local: ip, prefixLength: net.subnet.prefixLength, broadcast: broadcastAddress(net.subnet), scope: 'global' })
    this.stack.setUp(eth, true)
    if (c.attachments.length === 0) this.stack.addRoute(c.ns, { via: net.gateway, dev: eth.ifindex, proto: 'boot', scope: 'global' })
    const a: Attachment = { network: networkName, eth, hostVeth, ip }
    c.attachments.push(a)
    if (c.attachments.length === 1) c.fs.writeFile('/etc/hosts', `${formatIpv4(ip)}\t${c.id}\n`, { append: true })
    return a
  }

  /** `docker stop`/`rm`: the veth pairs vanish with the namespace. */
  stop(name: string): void {
    const c = this.containers.get(name)!
    this.stack.deleteNamespace(c.ns)
    this.containers.delete(name)
  }

  private freeAddress(net: BridgeNetwork): Ipv4 {
    const used = new Set<Ipv4>([net.gateway])
    for (const c of this.containers.values()) for (const a of c.attachments) used.add(a.ip)
    for (let ip = net.subnet.address + 2; ; ip++) if (!used.has(ip)) return ip
  }

  /** Lets virtual time pass (ARP timers, DAD). */
  advance(ms: number): void {
    this.clock.advanceTo(this.clock.now() + ms)
  }
}

/** What dockerd sets up at start (libnetwork iptables.go, setupIPChains and arrangeUserFilterRule, 20.10). */
export function installDockerChains(t: IptablesApi): void {
  t.newChain('nat', 'DOCKER')
  t.append('nat', 'PREROUTING', { dstTypeLocal: {}, target: { kind: 'jump', chain: 'DOCKER' } })
  t.append('nat', 'OUTPUT', { destination: { cidr: '127.0.0.0/8', negate: true }, dstTypeLocal: {}, target: { kind: 'jump', chain: 'DOCKER' } })
  for (const chain of ['DOCKER', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'DOCKER-USER']) t.newChain('filter', chain)
  t.setPolicy('filter', 'FORWARD', 'DROP')
  t.append('filter', 'DOCKER-ISOLATION-STAGE-1', { target: { kind: 'RETURN' } })
  t.append('filter', 'DOCKER-ISOLATION-STAGE-2', { target: { kind: 'RETURN' } })
  t.append('filter', 'DOCKER-USER', { target: { kind: 'RETURN' } })
  t.insert('filter', 'FORWARD', { target: { kind: 'jump', chain: 'DOCKER-ISOLATION-STAGE-1' } }, 1)
  t.insert('filter', 'FORWARD', { target: { kind: 'jump', chain: 'DOCKER-USER' } }, 1)
}

/** A bridge network's rules (libnetwork bridge driver setupIPTables / setINC), in the order it inserts them. */
export function installBridgeRules(t: IptablesApi, br: string, subnet: string): void {
  t.append('nat', 'POSTROUTING', { source: { cidr: subnet }, outInterface: { name: br, negate: true }, target: { kind: 'MASQUERADE' } })
  t.insert('nat', 'DOCKER', { inInterface: { name: br }, target: { kind: 'RETURN' } }, 1)
  t.append('filter', 'FORWARD', { outInterface: { name: br }, ctstate: ['RELATED', 'ESTABLISHED'], target: { kind: 'ACCEPT' } })
  t.append('filter', 'FORWARD', { outInterface: { name: br }, target: { kind: 'jump', chain: 'DOCKER' } })
  t.append('filter', 'FORWARD', { inInterface: { name: br }, outInterface: { name: br, negate: true }, target: { kind: 'ACCEPT' } })
  t.append('filter', 'FORWARD', { inInterface: { name: br }, outInterface: { name: br }, target: { kind: 'ACCEPT' } })
  t.insert('filter', 'DOCKER-ISOLATION-STAGE-1', { inInterface: { name: br }, outInterface: { name: br, negate: true }, target: { kind: 'jump', chain: 'DOCKER-ISOLATION-STAGE-2' } }, 1)
  t.insert('filter', 'DOCKER-ISOLATION-STAGE-2', { outInterface: { name: br }, target: { kind: 'DROP' } }, 1)
}

/** The tutorial's host with docker0 up (172.18.0.1/16), as dockerd leaves it at start. */
export function tutorialTopology(options: { seed?: number; nic?: HostNicOptions } = {}): TestTopology {
  const t = new TestTopology(options)
  t.addNetwork('bridge', 'docker0', '172.18.0.0/16', '172.18.0.1')
  return t
}
