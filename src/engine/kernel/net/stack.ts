/**
 * createNetworkStack: the kernel's networking as the rest of the engine
 * sees it (types.ts). Link management here; the datapath lives in core.ts,
 * bridge.ts, arp.ts, ipv4.ts and icmp.ts. Read ip-link(8) and
 * Documentation/networking/operstates.rst first.
 */
import { parseIpv4 } from '../../../lib/ipv4'
import { ZERO_MAC, type MacAddress } from '../../../lib/mac'
import type { VirtualClock } from '../../sim/clock'
import type { Prng } from '../../sim/random'
import * as addr from './addresses'
import { arpInput, flushNeighbours, neighOutput } from './arp'
import { bridgeInput, bridgeXmit, fdbEntries } from './bridge'
import { NetCore, type Datapath } from './core'
import { NetError } from './errors'
import { udpDnsClient } from './dns'
import { echoKey, icmpError, icmpInput } from './icmp'
import { ipInput, ipOutput } from './ipv4'
import { bridgePorts, hasCarrier } from './links'
import { Netns } from './namespace'
import { lookupRoute } from './routing'
import type { SocketApi } from './sockets'
import { tcpConnect, tcpError, tcpInput, tcpListen } from './tcp'
import { udpBind, udpError, udpInput } from './udp'
import type {
  BridgeLink,
  EtherLink,
  Link,
  NamespaceOptions,
  NetNamespace,
  NetnsId,
  NetworkStack,
  Route,
  VethLink,
} from './types'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
const zeroStats = () => ({ rxPackets: 0, txPackets: 0, rxBytes: 0, txBytes: 0, rxDropped: 0, txDropped: 0 })

const DATAPATH: Datapath = {
  arpInput,
  ipInput,
  ipOutput,
  icmpInput,
  icmpError,
  udpInput,
  tcpInput,
  transportError: (_core, ns, error) => {
    udpError(ns, error)
    tcpError(ns, error)
  },
  neighOutput,
  bridgeInput,
  bridgeXmit,
}

export function createNetworkStack(clock: VirtualClock, random: Prng): NetworkStack {
  return new Stack(new NetCore(clock, random, DATAPATH))
}

class Stack implements NetworkStack {
  readonly host: Netns
  private nextNsId = 0
  /** Carrier as last seen, to find the moment a link first gets carrier (addrconf). */
  private carrierSeen = new WeakMap<Link, boolean>()

  readonly sockets: SocketApi
  private readonly dnsClient

  constructor(private readonly core: NetCore) {
    this.sockets = {
      udpBind: (ns, local) => udpBind(core, ns as Netns, local),
      tcpListen: (ns, local) => tcpListen(ns as Netns, local),
      tcpConnect: (ns, remote, options) => tcpConnect(core, ns as Netns, remote, options),
    }
    this.dnsClient = udpDnsClient(this.sockets, core.clock, core.random)
    this.host = this.createNamespace('host', { ipv6: true })
  }

  createNamespace(label: string, options: NamespaceOptions = {}): Netns {
    const ns = new Netns(`netns-${this.nextNsId++}` as NetnsId, label, options)
    this.core.namespaces.push(ns)
    ns.dns = this.dnsClient
    // Every namespace starts with lo, up (the kernel brings it up in loopback_net_init; ip netns exec users do `ip link set lo up`).
    const lo = this.register(ns, { kind: 'loopback', name: 'lo', mac: ZERO_MAC, mtu: 65536, qdisc: 'noqueue', txqueuelen: 1000 })
    lo.adminUp = true
    addr.addAddress(this.core, lo, { family: 'inet', local: parseIpv4('127.0.0.1')!, prefixLength: 8, scope: 'host' })
    if (ns.ipv6) addr.addAddress(this.core, lo, { family: 'inet6', local: '::1', prefixLength: 128, scope: 'host' })
    this.refresh(lo)
    return ns
  }

  deleteNamespace(ns: NetNamespace): void {
    const netns = ns as Netns
    // cleanup_net: every device goes; a veth takes its peer with it.
    for (const link of netns.links()) if (this.core.exists(link)) this.deleteLink(link)
    netns.alive = false
    this.core.namespaces.splice(this.core.namespaces.indexOf(netns), 1)
    for (const other of this.core.namespaces) other.forgetNsid(netns)
  }

  namespaces(): readonly NetNamespace[] {
    return this.core.namespaces
  }

  private register<L extends Link>(ns: Netns, init: Omit<L, 'ifindex' | 'ns' | 'adminUp' | 'addresses' | 'stats'> & { kind: L['kind'] }, ifindex?: number): L {
    const link = { ...init, ifindex: ns.allocIfindex(ifindex), ns, adminUp: false, addresses: [], stats: zeroStats() } as unknown as L
    ns.linkTable.set(link.ifindex, link)
    return link
  }

  addBridge(ns: NetNamespace, name: string, mac: MacAddress): BridgeLink {
    // Docker creates its bridges with txqueuelen 0 (no `qlen` in `ip link`).
    return this.register<BridgeLink>(ns as Netns, { kind: 'bridge', name, mac, mtu: 1500, qdisc: 'noqueue', txqueuelen: 0, fdb: new Map() })
  }

  addVethPair(ns: NetNamespace, name: string, peerName: string, macs: { mac: MacAddress; peerMac: MacAddress }): VethLink {
    const netns = ns as Netns
    // veth_newlink registers the peer first, so the peer has the lower ifindex.
    const peer = this.register<VethLink>(netns, { kind: 'veth', name: peerName, mac: macs.peerMac, mtu: 1500, qdisc: 'noqueue', txqueuelen: 0, peer: undefined! })
    const link = this.register<VethLink>(netns, { kind: 'veth', name, mac: macs.mac, mtu: 1500, qdisc: 'noqueue', txqueuelen: 0, peer })
    peer.peer = link
    return link
  }

  addEther(ns: NetNamespace, name: string, mac: MacAddress, options: { qdisc?: Link['qdisc']; txqueuelen?: number } = {}): EtherLink {
    return this.register<EtherLink>(ns as Netns, { kind: 'ether', name, mac, mtu: 1500, qdisc: options.qdisc ?? 'pfifo_fast', txqueuelen: options.txqueuelen ?? 1000 })
  }

  connectEther(a: EtherLink, b: EtherLink): void {
    a.cable = b
    b.cable = a
    this.refresh(a, b)
  }

  moveLink(link: Link, to: NetNamespace, newName?: string): Link {
    const from = link.ns as Netns
    const target = to as Netns
    if (from === target) {
      if (newName) link.name = newName
      return link
    }
    // dev_change_net_namespace: the link is closed, unregistered (addresses and routes go,
    // it leaves its bridge) and registered again in the target, keeping its index if free.
    this.detach(link)
    from.linkTable.delete(link.ifindex)
    const moved = link as Mutable<Link>
    moved.ifindex = target.allocIfindex(link.ifindex)
    moved.ns = target
    target.linkTable.set(moved.ifindex, link)
    if (newName) link.name = newName
    if (link.kind === 'veth' && link.peer.ns !== target) {
      // The notification of the move carries link-netnsid both ways, allocating the ids.
      ;(link.peer.ns as Netns).nsidOf(target)
      target.nsidOf(link.peer.ns)
    }
    this.refresh(link)
    return link
  }

  /** Unregister side effects shared by moving and deleting. */
  private detach(link: Link): void {
    const ns = link.ns as Netns
    if (link.adminUp) addr.linkWentDown(link)
    link.adminUp = false
    link.addresses = []
    ns.routeTable = ns.routeTable.filter((r) => r.dev !== link.ifindex)
    flushNeighbours(this.core, ns, link)
    if (link.master !== undefined) this.setMaster(link, undefined)
    if (link.kind === 'bridge') for (const p of bridgePorts(link)) this.setMaster(p, undefined)
    this.carrierSeen.delete(link)
  }

  setMaster(link: Link, bridge: BridgeLink | undefined): void {
    const old = link.master !== undefined ? link.ns.link(link.master) : undefined
    if (old?.kind === 'bridge') for (const [mac, e] of old.fdb) if (e.port === link.ifindex) old.fdb.delete(mac)
    if (bridge) link.master = bridge.ifindex
    else delete link.master
    this.refresh(link, old)
  }

  setUp(link: Link, up: boolean): void {
    if (link.adminUp === up) return
    link.adminUp = up
    if (up) addr.linkCameUp(link)
    else {
      addr.linkWentDown(link)
      flushNeighbours(this.core, link.ns as Netns, link)
    }
    this.refresh(link)
  }

  setMac(link: Link, mac: MacAddress): void {
    link.mac = mac
  }

  setMtu(link: Link, mtu: number): void {
    const max = link.kind === 'loopback' ? 65536 : 65535
    if (mtu > max) throw new NetError('EINVAL', 'mtu greater than device maximum.')
    if (mtu < 68) throw new NetError('EINVAL', 'mtu less than device minimum.')
    link.mtu = mtu
  }

  rename(link: Link, name: string): void {
    if (link.ns.link(name)) throw new NetError('EEXIST')
    link.name = name
  }

  addAddress(link: Parameters<NetworkStack['addAddress']>[0], address: Parameters<NetworkStack['addAddress']>[1]): void {
    addr.addAddress(this.core, link, address)
  }

  removeAddress(link: Link, address: Parameters<NetworkStack['removeAddress']>[1]): void {
    addr.removeAddress(link, address)
  }

  addRoute(ns: NetNamespace, route: Omit<Route, 'table'> & { table?: Route['table'] }): void {
    addr.addRoute(ns as Netns, { ...route, table: route.table ?? 'main' })
  }

  removeRoute(ns: NetNamespace, route: Route): void {
    addr.removeRoute(ns as Netns, route)
  }

  deleteLink(link: Link): void {
    if (!this.core.exists(link)) return
    const ends = link.kind === 'veth' ? [link, link.peer] : [link]
    for (const end of ends) {
      if (!this.core.exists(end)) continue
      this.detach(end)
      ;(end.ns as Netns).linkTable.delete(end.ifindex)
    }
    if (link.kind === 'ether' && link.cable) delete link.cable.cable
    this.refresh(...ends, link.kind === 'ether' ? link.cable : undefined)
  }

  routeGet(ns: NetNamespace, dst: number) {
    return lookupRoute(ns as Netns, dst)
  }

  fdb(bridge: BridgeLink) {
    return fdbEntries(this.core, bridge)
  }

  onHop(listener: Parameters<NetworkStack['onHop']>[0]): () => void {
    return this.core.onHop(listener)
  }

  sendEcho(ns: NetNamespace, request: Parameters<NetworkStack['sendEcho']>[1], onResult: Parameters<NetworkStack['sendEcho']>[2]): void {
    const netns = ns as Netns
    const route = lookupRoute(netns, request.dst)
    if (!route) {
      onResult({ kind: 'network-unreachable' })
      return
    }
    this.core.echoWaiters.set(echoKey(netns, request.id, request.seq), onResult)
    ipOutput(this.core, netns, {
      kind: 'ipv4',
      src: route.src,
      dst: request.dst,
      ttl: request.ttl,
      protocol: 'icmp',
      payload: { type: 'echo-request', id: request.id, seq: request.seq, payloadBytes: request.payloadBytes, sentAt: this.core.clock.now() },
    })
  }

  cancelEcho(ns: NetNamespace, id: number): void {
    const prefix = echoKey(ns as Netns, id, 0).replace(/0$/, '')
    for (const key of [...this.core.echoWaiters.keys()]) if (key.startsWith(prefix)) this.core.echoWaiters.delete(key)
  }

  /**
   * Finds links whose carrier just came up and runs addrconf on them. Only the
   * links a change can affect are looked at — the changed link, its veth peer or
   * cable, and the bridges they are ports of (a bridge has carrier while a port
   * has) — so a change costs the same with 1 container or 1,000.
   */
  private refresh(...changed: (Link | undefined)[]): void {
    const affected = new Set<Link>()
    const add = (link: Link | undefined): void => {
      if (link && this.core.exists(link)) affected.add(link)
    }
    for (const link of changed) {
      if (!link) continue
      add(link)
      if (link.kind === 'veth') add(link.peer)
      if (link.kind === 'ether') add(link.cable)
    }
    for (const link of [...affected]) if (link.master !== undefined) add(link.ns.link(link.master))
    for (const link of affected) {
      const now = hasCarrier(link)
      const before = this.carrierSeen.get(link) ?? false
      if (now && !before) addr.carrierCameUp(this.core, link)
      this.carrierSeen.set(link, now)
    }
  }
}
