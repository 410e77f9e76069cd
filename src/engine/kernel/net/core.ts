/**
 * The datapath's shared context: the clock and PRNG, the namespaces, and
 * the wire. `transmit` puts a frame on a link; after a small random delay
 * (a hop) it arrives at the other end and `receive` dispatches it: to the
 * bridge a port belongs to (rx_handler), or up the link's own stack
 * (netif_receive_skb → arp_rcv / ip_rcv). Every hop is reported to the
 * listeners, like smoltcp's phy::Tracer.
 */
import { BROADCAST_MAC } from '../../../lib/mac'
import type { VirtualClock } from '../../sim/clock'
import type { Prng } from '../../sim/random'
import type { Ipv4 } from '../../../lib/ipv4'
import { frameBytes, type ArpPacket, type EthernetFrame, type IcmpError, type IcmpPacket, type Ipv4Packet, type TcpPacket, type UdpPacket } from './frames'
import { hasCarrier } from './links'
import type { Netns } from './namespace'
import type { BridgeLink, EchoError, EchoReply, HopEvent, Link, NetfilterDrop } from './types'

export type EchoWaiter = (result: EchoReply | EchoError) => void

/**
 * The protocol handlers, handed to the core by stack.ts so that the layers
 * (ARP, IPv4, ICMP, bridge) call each other without importing each other.
 */
export interface Datapath {
  arpInput(core: NetCore, dev: Link, arp: ArpPacket): void
  ipInput(core: NetCore, dev: Link, packet: Ipv4Packet): void
  ipOutput(core: NetCore, ns: Netns, packet: Ipv4Packet): boolean
  icmpInput(core: NetCore, ns: Netns, packet: IcmpPacket): void
  udpInput(core: NetCore, ns: Netns, packet: UdpPacket): void
  tcpInput(core: NetCore, ns: Netns, packet: TcpPacket): void
  /** An ICMP error about one of our UDP or TCP packets (udp_err, tcp_v4_err). */
  transportError(core: NetCore, ns: Netns, error: IcmpError): void
  icmpError(core: NetCore, ns: Netns, offending: Ipv4Packet, type: IcmpError['type'], code: IcmpError['code']): void
  neighOutput(core: NetCore, dev: Link, nexthop: Ipv4, packet: Ipv4Packet): void
  bridgeInput(core: NetCore, bridge: BridgeLink, port: Link, frame: EthernetFrame): void
  bridgeXmit(core: NetCore, bridge: BridgeLink, frame: EthernetFrame): void
}

export class NetCore {
  readonly namespaces: Netns[] = []
  /** Echo requests in flight, by `nsId/id/seq` (the ping socket's view). */
  readonly echoWaiters = new Map<string, EchoWaiter>()
  /** Last ICMP error time per `nsId/destination` (icmp_ratelimit, 1000 ms). */
  readonly icmpErrorSent = new Map<string, number>()
  private readonly hopListeners = new Set<(event: HopEvent) => void>()
  /** When the last frame on each from→to hop arrives: a link is a FIFO, frames never overtake. */
  private readonly lastArrival = new WeakMap<Link, WeakMap<Link, number>>()

  constructor(
    readonly clock: VirtualClock,
    readonly random: Prng,
    readonly datapath: Datapath,
  ) {}

  /**
   * One hop's latency in virtual ms: tens of microseconds (softirq, a veth
   * cross, a bridge lookup), so RTTs print like the captures' 0.040–0.200 ms.
   */
  hopDelay(): number {
    return this.random.between(0.008, 0.022)
  }

  onHop(listener: (event: HopEvent) => void): () => void {
    this.hopListeners.add(listener)
    return () => this.hopListeners.delete(listener)
  }

  /** Reports a packet netfilter dropped, as a hop event of kind 'drop'. */
  reportDrop(ns: Netns, site: Omit<NetfilterDrop, 'text'>, packet: Ipv4Packet, devs: { inDev?: Link; outDev?: Link }): void {
    const from = devs.inDev ?? devs.outDev ?? ns.loopback
    const to = devs.outDev ?? from
    const path = [devs.inDev?.name, devs.outDev?.name].filter((n) => n !== undefined).join(' → ')
    const drop: NetfilterDrop = { ...site, text: `${site.rule === undefined ? 'policy ' : ''}DROP${path ? `, ${path}` : ''}` }
    const event: HopEvent = {
      at: this.clock.now(),
      kind: 'drop',
      from: { ns: from.ns.id, ifindex: from.ifindex, name: from.name },
      to: { ns: to.ns.id, ifindex: to.ifindex, name: to.name },
      frame: { src: from.mac, dst: to.mac, payload: packet },
      drop,
    }
    for (const l of this.hopListeners) l(event)
  }

  /** True while `link` is still registered in its namespace. */
  exists(link: Link): boolean {
    return link.ns.alive && link.ns.link(link.ifindex) === link
  }

  /** dev_queue_xmit(): sends a frame out of `link`. */
  transmit(link: Link, frame: EthernetFrame): void {
    if (!this.exists(link) || !link.adminUp) return
    const bytes = frameBytes(frame)
    switch (link.kind) {
      case 'loopback':
        this.count(link, 'tx', bytes)
        this.hop(link, link, frame, 'loopback')
        return
      case 'bridge':
        // br_dev_xmit: the bridge device's own traffic enters its forwarding logic.
        this.count(link, 'tx', bytes)
        this.datapath.bridgeXmit(this, link, frame)
        return
      case 'veth':
        if (!hasCarrier(link)) {
          link.stats.txDropped++
          return
        }
        this.count(link, 'tx', bytes)
        this.hop(link, link.peer, frame, 'wire')
        return
      case 'ether':
        if (!link.cable || !hasCarrier(link)) {
          link.stats.txDropped++
          return
        }
        this.count(link, 'tx', bytes)
        this.hop(link, link.cable, frame, 'wire')
        return
    }
  }

  /** Schedules `frame`'s arrival at `to` one hop from now, then `then` (default: receive on `to`). */
  hop(from: Link, to: Link, frame: EthernetFrame, kind: HopEvent['kind'], then?: () => void): void {
    let byTarget = this.lastArrival.get(from)
    if (!byTarget) this.lastArrival.set(from, (byTarget = new WeakMap()))
    const now = this.clock.now()
    const at = Math.max(now + this.hopDelay(), (byTarget.get(to) ?? 0) + 0.001)
    byTarget.set(to, at)
    this.clock.setTimer(at - now, () => {
      if (!this.exists(to)) return
      const event: HopEvent = {
        at: this.clock.now(),
        kind,
        from: { ns: from.ns.id, ifindex: from.ifindex, name: from.name },
        to: { ns: to.ns.id, ifindex: to.ifindex, name: to.name },
        frame,
      }
      for (const l of this.hopListeners) l(event)
      if (then) then()
      else this.receive(to, frame)
    })
  }

  /** netif_receive_skb(): a frame arrived on `link`. */
  receive(link: Link, frame: EthernetFrame): void {
    if (!link.adminUp) return
    if (link.kind !== 'loopback') this.count(link, 'rx', frameBytes(frame))
    if (link.master !== undefined) {
      const bridge = link.ns.link(link.master)
      if (bridge?.kind === 'bridge') this.datapath.bridgeInput(this, bridge, link, frame)
      return
    }
    this.deliverUp(link, frame)
  }

  /** Hands a frame to the link's own protocol stack if it is addressed to it (PACKET_HOST or broadcast). */
  deliverUp(link: Link, frame: EthernetFrame): void {
    if (link.kind !== 'loopback' && frame.dst !== link.mac && frame.dst !== BROADCAST_MAC) return
    if (link.kind === 'loopback') this.count(link, 'rx', frameBytes(frame))
    if (frame.payload.kind === 'arp') this.datapath.arpInput(this, link, frame.payload)
    else this.datapath.ipInput(this, link, frame.payload)
  }

  count(link: Link, dir: 'rx' | 'tx', bytes: number): void {
    if (dir === 'rx') {
      link.stats.rxPackets++
      link.stats.rxBytes += bytes
    } else {
      link.stats.txPackets++
      link.stats.txBytes += bytes
    }
  }
}
