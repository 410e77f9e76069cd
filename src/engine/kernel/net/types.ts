/**
 * The network stack's public shape: what `ip`, `ping`, the resolver and the
 * Docker daemon see. Modelled on Linux (rtnetlink objects): a namespace owns
 * links, addresses, routes and a neighbour table; a link is a discriminated
 * union so a veth always has a peer and a bridge port always has a master.
 * Read `ip-link(8)`, `ip-address(8)`, `ip-route(8)` before changing it.
 */
import type { Cidr, Ipv4 } from '../../../lib/ipv4'
import type { MacAddress } from '../../../lib/mac'
import type { EthernetFrame, Ipv4Packet } from './frames'
import type { IptablesApi, TableName } from './iptables-types'
import type { DnsClient } from './dns'
import type { SocketApi } from './sockets'

export type { EthernetFrame, Ipv4Packet } from './frames'

export type Ifindex = number
export type NetnsId = string & { __brand: 'NetnsId' }

export interface InterfaceAddress {
  readonly family: 'inet' | 'inet6'
  /** IPv4 as a number for 'inet'; the printed text form for 'inet6'. */
  readonly local: Ipv4 | string
  readonly prefixLength: number
  readonly broadcast?: Ipv4
  readonly scope: 'host' | 'link' | 'global'
  /** `dynamic` addresses print finite lifetimes; others print `forever`. */
  readonly dynamic?: boolean
  /** IPv6 DAD not finished yet: printed as `tentative` for a moment after link-up. */
  tentativeUntil?: number
  /** `ip addr add … metric N`: the connected route gets this metric (DHCP clients set 100). */
  readonly metric?: number
  /** Lifetimes in seconds for `dynamic` addresses (DHCP leases), counted from `createdAt`. */
  readonly validLft?: number
  readonly preferredLft?: number
  /** Virtual ms when the address was added (the stack fills it in). */
  createdAt?: number
}

interface LinkCommon {
  readonly ifindex: Ifindex
  name: string
  mac: MacAddress
  mtu: number
  /** IFF_UP: set by `ip link set X up`. */
  adminUp: boolean
  qdisc: 'noqueue' | 'pfifo_fast'
  /** Shown as `qlen N` when non-zero (Docker creates its links with 0). */
  txqueuelen: number
  addresses: InterfaceAddress[]
  /** ifindex of the bridge this link is a port of, in the same namespace. */
  master?: Ifindex
  readonly ns: NetNamespace
  stats: { rxPackets: number; txPackets: number; rxBytes: number; txBytes: number; rxDropped: number; txDropped: number }
}
export interface LoopbackLink extends LinkCommon {
  readonly kind: 'loopback'
}
/** A NIC wired to the host's LAN (the host's eth0). */
export interface EtherLink extends LinkCommon {
  readonly kind: 'ether'
  /** The NIC at the other end of the cable, if one is plugged in (no cable: NO-CARRIER). */
  cable?: EtherLink
}
export interface VethLink extends LinkCommon {
  readonly kind: 'veth'
  /** The other end; may live in another namespace. */
  peer: VethLink
}
export interface BridgeLink extends LinkCommon {
  readonly kind: 'bridge'
  /** MAC-learning table: MAC → port ifindex, with the virtual time last seen. */
  fdb: Map<MacAddress, { port: Ifindex; updated: number; permanent?: boolean }>
}
export type Link = LoopbackLink | EtherLink | VethLink | BridgeLink

export type OperState = 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN'

export interface NamespaceOptions {
  /** net.ipv6.conf.all.disable_ipv6=1, as Docker sets in containers: no `::1`, no `fe80::`. */
  readonly ipv6?: boolean
  /** net.ipv4.ip_forward (a new namespace starts with 0). */
  readonly forwarding?: boolean
}

/** Where netfilter is consulted (iptables chains of the same names). */
export type NetfilterHook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING'
export interface NetfilterContext {
  readonly hook: NetfilterHook
  readonly ns: NetNamespace
  readonly inDev?: Link
  readonly outDev?: Link
}
/**
 * What a rule decides: ACCEPT/DROP end the walk, CONTINUE asks the next
 * rule, `{ rewrite }` continues with a changed packet (DNAT, MASQUERADE).
 */
export type NetfilterVerdict = 'ACCEPT' | 'DROP' | 'CONTINUE' | { readonly rewrite: Ipv4Packet }
/** One rule of the seam Docker's isolation chains and DNAT will plug into. */
export interface NetfilterRule {
  readonly hook: NetfilterHook
  /** For listings (`iptables -S`); not interpreted by the stack. */
  readonly description?: string
  evaluate(packet: Ipv4Packet, ctx: NetfilterContext): NetfilterVerdict
}

/**
 * Where netfilter dropped a packet: the hook, and the table, chain and
 * 1-based rule that said DROP (no rule: the chain's policy). The raw
 * NetfilterRule seam reports table 'filter' and its hook as the chain.
 */
export interface NetfilterDrop {
  readonly hook: NetfilterHook
  readonly table: TableName
  readonly chain: string
  readonly rule?: number
  /** For people: `DROP, docker0 → br-0123456789ab` (`policy DROP, …` when the chain's policy decided). */
  readonly text: string
}

/**
 * One frame crossing one hop, for the UI's packet animation and tcpdump.
 * kind 'drop': netfilter dropped the packet in namespace `to.ns` while it
 * went from `from` to `to` (the in and out devices; one of them alone at
 * INPUT or OUTPUT); `drop` says where, e.g. FORWARD, filter,
 * DOCKER-ISOLATION-STAGE-2 rule 1, br-… → docker0. The frame never arrives.
 */
export interface HopEvent {
  /** Virtual ms when the frame arrives at `to` (for a drop: when it was dropped). */
  readonly at: number
  readonly kind: 'wire' | 'bridge' | 'loopback' | 'drop'
  readonly from: { readonly ns: NetnsId; readonly ifindex: Ifindex; readonly name: string }
  readonly to: { readonly ns: NetnsId; readonly ifindex: Ifindex; readonly name: string }
  readonly frame: EthernetFrame
  readonly drop?: NetfilterDrop
}

/** `ip route get` as the kernel answers it. */
export interface RouteLookup {
  readonly type: 'unicast' | 'local' | 'broadcast'
  readonly dst: Ipv4
  readonly via?: Ipv4
  readonly dev: Ifindex
  readonly src: Ipv4
  readonly route?: Route
}

export interface Route {
  /** undefined for the default route. */
  readonly dst?: Cidr
  readonly via?: Ipv4
  readonly dev: Ifindex
  readonly proto: 'kernel' | 'boot' | 'static' | 'dhcp'
  readonly scope: 'link' | 'global' | 'host'
  readonly src?: Ipv4
  readonly metric?: number
  readonly table: 'main' | 'local'
}

export type NeighbourState = 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'PERMANENT'
export interface Neighbour {
  readonly ip: Ipv4
  mac?: MacAddress
  readonly dev: Ifindex
  state: NeighbourState
  updated: number
}

/** A port of a bridge's forwarding database, as `bridge fdb` lists it. */
export interface FdbEntry {
  readonly mac: MacAddress
  readonly port: Ifindex
  /** Local addresses (the ports' and the bridge's own MACs) never age out. */
  readonly permanent: boolean
  readonly updated: number
}

export interface NetNamespace {
  readonly id: NetnsId
  /** 'host' or the container id that owns it. */
  readonly label: string
  links(): readonly Link[]
  link(nameOrIndex: string | Ifindex): Link | undefined
  routes(): readonly Route[]
  neighbours(): readonly Neighbour[]
  /** Derived link state as `ip link` prints it (NO-CARRIER, LOWER_UP, state …). */
  operState(link: Link): OperState
  flags(link: Link): string[]
  /** The nsid this namespace uses for `other` (ip-netns(8) `link-netnsid`), allocating one on first use. */
  nsidOf(other: NetNamespace): number
  /** False when IPv6 is disabled (containers). */
  readonly ipv6: boolean
  /** net.ipv4.ip_forward. */
  forwarding: boolean
  /** The raw netfilter seam: consulted in order on each hook before the iptables tables. */
  readonly netfilter: NetfilterRule[]
  /** The stub resolver's transport from this namespace: DNS queries as UDP through the stack (dns.ts). */
  readonly dns?: DnsClient
  /** This namespace's iptables tables (filter, nat), consulted at the netfilter hooks with conntrack. */
  readonly iptables: IptablesApi
  /** Whether the namespace still exists (false after deleteNamespace). */
  readonly alive: boolean
}

export interface EchoReply {
  readonly from: Ipv4
  readonly seq: number
  readonly ttl: number
  readonly bytes: number
  /** Round-trip time in virtual milliseconds (fractional). */
  readonly rtt: number
}

/** Why an echo got no reply, when the stack knows (ping prints some of these). */
export type EchoError =
  | { readonly kind: 'unreachable'; readonly from: Ipv4; readonly seq: number } // `From X icmp_seq=N Destination Host Unreachable`
  | { readonly kind: 'network-unreachable' } // sendmsg: Network is unreachable
  | { readonly kind: 'net-unreachable'; readonly from: Ipv4; readonly seq: number } // ICMP type 3 code 0 from a router
  | { readonly kind: 'time-exceeded'; readonly from: Ipv4; readonly seq: number } // ICMP type 11 from a router

export interface NetworkStack {
  readonly host: NetNamespace
  /** UDP and light TCP over the model (sockets.ts). */
  readonly sockets: SocketApi
  createNamespace(label: string, options?: NamespaceOptions): NetNamespace
  deleteNamespace(ns: NetNamespace): void
  namespaces(): readonly NetNamespace[]

  addBridge(ns: NetNamespace, name: string, mac: MacAddress): BridgeLink
  /** `ip link add NAME type veth peer name PEER` in `ns`: the peer is registered first (lower ifindex). */
  addVethPair(ns: NetNamespace, name: string, peerName: string, macs: { mac: MacAddress; peerMac: MacAddress }): VethLink
  /** `ip link set LINK netns NS [name NEW]`: keeps the ifindex when free in the target. */
  moveLink(link: Link, to: NetNamespace, newName?: string): Link
  setMaster(link: Link, bridge: BridgeLink | undefined): void
  setUp(link: Link, up: boolean): void
  setMac(link: Link, mac: MacAddress): void
  /** Adds an address and its connected (proto kernel) route, as the kernel does. */
  addAddress(link: Link, address: InterfaceAddress): void
  removeAddress(link: Link, address: InterfaceAddress): void
  addRoute(ns: NetNamespace, route: Omit<Route, 'table'> & { table?: Route['table'] }): void
  /** Deleting a veth deletes both ends. */
  deleteLink(link: Link): void

  /** A NIC (`ether`), e.g. the host's eth0. */
  addEther(ns: NetNamespace, name: string, mac: MacAddress, options?: { qdisc?: Link['qdisc']; txqueuelen?: number }): EtherLink
  /** Plugs a cable between two NICs (the host's eth0 and its LAN's router). */
  connectEther(a: EtherLink, b: EtherLink): void
  /** `ip link set X mtu N`. */
  setMtu(link: Link, mtu: number): void
  /** `ip link set X name N`. */
  rename(link: Link, name: string): void
  removeRoute(ns: NetNamespace, route: Route): void
  /** `ip route get DST`; undefined when there is no route (ENETUNREACH). */
  routeGet(ns: NetNamespace, dst: Ipv4): RouteLookup | undefined
  /** The bridge's forwarding database (`bridge fdb show br X`). */
  fdb(bridge: BridgeLink): readonly FdbEntry[]
  /** Subscribes to hop events; returns the unsubscribe function. */
  onHop(listener: (event: HopEvent) => void): () => void

  /**
   * Sends one ICMP echo request from `ns` and calls back once with a reply,
   * an error, or nothing (timeout is the caller's business).
   */
  sendEcho(
    ns: NetNamespace,
    request: { dst: Ipv4; id: number; seq: number; ttl: number; payloadBytes: number },
    onResult: (result: EchoReply | EchoError) => void,
  ): void
  /** Forgets the echo requests of identifier `id` still waiting for an answer (ping exits). */
  cancelEcho(ns: NetNamespace, id: number): void
}
