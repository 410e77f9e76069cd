/**
 * A network namespace (ip-netns(8)): its own links, ifindex counter, routing
 * table, neighbour table, nsid map and netfilter rules. The datapath lives
 * in the other files of this folder; this class only holds state.
 */
import type { Ipv4 } from '../../../lib/ipv4'
import { ConntrackTable } from './conntrack'
import { Iptables } from './iptables'
import { hasCarrier, linkFlags, operState } from './links'
import type { DnsClient } from './dns'
import type {
  Ifindex,
  Link,
  NamespaceOptions,
  Neighbour,
  NetfilterRule,
  NetNamespace,
  NetnsId,
  OperState,
  Route,
} from './types'

export class Netns implements NetNamespace {
  readonly ipv6: boolean
  forwarding: boolean
  readonly netfilter: NetfilterRule[] = []
  readonly iptables = new Iptables()
  readonly conntrack = new ConntrackTable()
  dns?: DnsClient
  alive = true
  /** Links by ifindex. */
  readonly linkTable = new Map<Ifindex, Link>()
  /** The main routing table, in insertion order (`routes()` sorts as the FIB trie dumps). */
  routeTable: Route[] = []
  /** Neighbour entries, newest first (the kernel's hash order looks like that for a few entries). */
  neighbourTable: Neighbour[] = []
  /**
   * net->ifindex: the last index handed out. New links take the next free
   * one; deleted indices are not reused before the counter wraps, which
   * never happens here (dev_index_reserve, xa_alloc_cyclic since 6.6).
   */
  private lastIfindex = 0
  private readonly nsids = new Map<NetNamespace, number>()

  constructor(
    readonly id: NetnsId,
    readonly label: string,
    options: NamespaceOptions = {},
  ) {
    this.ipv6 = options.ipv6 ?? true
    this.forwarding = options.forwarding ?? false
  }

  links(): readonly Link[] {
    return [...this.linkTable.values()].sort((a, b) => a.ifindex - b.ifindex)
  }

  link(nameOrIndex: string | Ifindex): Link | undefined {
    if (typeof nameOrIndex === 'number') return this.linkTable.get(nameOrIndex)
    for (const l of this.linkTable.values()) if (l.name === nameOrIndex) return l
    return undefined
  }

  /**
   * The main table as `ip route` dumps it: the FIB trie walks keys in
   * ascending order (default 0.0.0.0/0 first); for one key, longer prefixes
   * first, then lower metric.
   */
  routes(): readonly Route[] {
    return [...this.routeTable].sort((a, b) => {
      const ka = a.dst?.address ?? 0
      const kb = b.dst?.address ?? 0
      if (ka !== kb) return ka - kb
      const pa = a.dst?.prefixLength ?? 0
      const pb = b.dst?.prefixLength ?? 0
      if (pa !== pb) return pb - pa
      return (a.metric ?? 0) - (b.metric ?? 0)
    })
  }

  neighbours(): readonly Neighbour[] {
    return this.neighbourTable
  }

  operState(link: Link): OperState {
    return operState(link)
  }

  flags(link: Link): string[] {
    return linkFlags(link)
  }

  carrier(link: Link): boolean {
    return hasCarrier(link)
  }

  /**
   * peernet2id_alloc(): the lowest id not in use in this namespace (idr_alloc
   * from 0), kept until the peer namespace goes away.
   */
  nsidOf(other: NetNamespace): number {
    const known = this.nsids.get(other)
    if (known !== undefined) return known
    const used = new Set(this.nsids.values())
    let id = 0
    while (used.has(id)) id++
    this.nsids.set(other, id)
    return id
  }

  forgetNsid(other: NetNamespace): void {
    this.nsids.delete(other)
  }

  /** dev_index_reserve(): `wanted` if free (a moved link keeps its index), else the next free one. */
  allocIfindex(wanted?: Ifindex): Ifindex {
    if (wanted !== undefined && !this.linkTable.has(wanted)) return wanted
    let i = this.lastIfindex + 1
    while (this.linkTable.has(i)) i++
    this.lastIfindex = i
    return i
  }

  /** Any IPv4 address configured on an up link here (the "weak host" model: any address is ours on any link). */
  isLocalAddress(ip: Ipv4): boolean {
    return this.localLink(ip) !== undefined
  }

  /** The link holding `ip` (lo for all of 127.0.0.0/8, the local table's `local 127.0.0.0/8 dev lo`). */
  localLink(ip: Ipv4): Link | undefined {
    for (const l of this.linkTable.values()) {
      if (!l.adminUp) continue
      for (const a of l.addresses) {
        if (a.family !== 'inet') continue
        if (a.local === ip) return l
        if (l.kind === 'loopback' && ip >>> 24 === 127 && (a.local as number) >>> 24 === 127) return l
      }
    }
    return undefined
  }

  get loopback(): Link {
    for (const l of this.linkTable.values()) if (l.kind === 'loopback') return l
    throw new Error(`namespace ${this.label} has no lo`)
  }
}
