/**
 * Packet hops as the UI sees them (`packet.trace`): one per frame crossing
 * one link, already summarised by the engine so the UI never needs the
 * kernel's frame types. Endpoints are interface record ids
 * (`netns:<id>/<ifindex>`), the same ids the graph's interfaces carry.
 */
export type HopProtocol = 'arp' | 'icmp' | 'udp' | 'dns' | 'tcp' | 'other'

export interface HopEnd {
  /** Interface record id. */
  readonly iface: string
  readonly name: string
}

export interface PacketHop {
  /** Increasing per world; the UI orders and de-duplicates by it. */
  readonly seq: number
  /** Same number on every hop of one frame (a bridge forwards the frame it received). */
  readonly packet: number
  /** Virtual ms when the frame arrived at `to` (or was dropped). */
  readonly at: number
  readonly kind: 'wire' | 'bridge' | 'loopback' | 'drop'
  readonly from: HopEnd
  readonly to: HopEnd
  readonly protocol: HopProtocol
  /** One line, as tcpdump would start it: `172.18.0.2 > 172.18.0.3: ICMP echo request, id 1, seq 1`. */
  readonly summary: string
  /** Header fields, outermost first: `[['Ethernet', 'src … dst …'], ['IPv4', 'src … dst … ttl 64'], …]`. */
  readonly headers: readonly (readonly [layer: string, fields: string])[]
  /** When the frame was dropped here: the rule that did it, e.g. `DOCKER-ISOLATION-STAGE-2: DROP, br-a093d6e7dcbb → docker0`. */
  readonly drop?: string
}
