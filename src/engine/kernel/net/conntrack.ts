/**
 * Connection tracking (net/netfilter/nf_conntrack_core.c, conntrack(8)):
 * each flow has an original and a reply tuple; a packet belongs to a flow
 * in one direction. NAT changes the reply tuple (DNAT its source, SNAT and
 * MASQUERADE its destination), so replies are found and translated back.
 * ICMP errors that quote a tracked packet are RELATED to its flow.
 * A new flow is confirmed (entered in the table) when its first packet
 * leaves the last hook (POSTROUTING or INPUT); dropped earlier, it is forgotten.
 */
import type { IcmpError, Ipv4Packet } from './frames'

export interface Tuple {
  readonly protocol: 'icmp' | 'udp' | 'tcp'
  readonly src: number
  readonly sport: number
  readonly dst: number
  readonly dport: number
}

export interface Conn {
  readonly orig: Tuple
  reply: Tuple
  seenReply: boolean
  confirmed: boolean
  /** A NAT binding of each manip type has been decided (the nat chains ran). */
  natDst: boolean
  natSrc: boolean
  expires: number
}

export type Direction = 'orig' | 'reply'

/** The flow a packet belongs to, as the kernel keeps it on the skb (nfct + ctinfo). */
export interface CtInfo {
  readonly conn: Conn
  readonly dir: Direction
  readonly state: 'NEW' | 'ESTABLISHED' | 'RELATED'
}

/** nf_conntrack_*_timeout defaults, in ms. */
const TIMEOUT = { icmp: 30_000, udp: 30_000, udpStream: 120_000, tcp: 432_000_000 }

const key = (t: Tuple): string => `${t.protocol}/${t.src}/${t.sport}/${t.dst}/${t.dport}`

export function invert(t: Tuple): Tuple {
  return { protocol: t.protocol, src: t.dst, sport: t.dport, dst: t.src, dport: t.sport }
}

/** The tuple of a packet; ICMP errors have none of their own (undefined). */
export function tupleOf(p: Ipv4Packet): Tuple | undefined {
  switch (p.protocol) {
    case 'icmp':
      if (p.payload.type === 'echo-request' || p.payload.type === 'echo-reply') return { protocol: 'icmp', src: p.src, sport: p.payload.id, dst: p.dst, dport: p.payload.id }
      return undefined
    case 'udp':
    case 'tcp':
      return { protocol: p.protocol, src: p.src, sport: p.payload.srcPort, dst: p.dst, dport: p.payload.dstPort }
  }
}

/** The packet with its tuple's fields replaced (the NAT mangling of addresses, ports or echo ids). */
export function withTuple(p: Ipv4Packet, t: Tuple): Ipv4Packet {
  switch (p.protocol) {
    case 'icmp':
      if (p.payload.type === 'echo-request' || p.payload.type === 'echo-reply') {
        const id = p.payload.type === 'echo-request' ? t.sport : t.dport
        return { ...p, src: t.src, dst: t.dst, payload: { ...p.payload, id } }
      }
      return { ...p, src: t.src, dst: t.dst }
    case 'udp':
      return { ...p, src: t.src, dst: t.dst, payload: { ...p.payload, srcPort: t.sport, dstPort: t.dport } }
    case 'tcp':
      return { ...p, src: t.src, dst: t.dst, payload: { ...p.payload, srcPort: t.sport, dstPort: t.dport } }
  }
}

/** IPS_SRC_NAT: the reply goes to somewhere else than the original source. */
export function hasSrcNat(c: Conn): boolean {
  return c.reply.dst !== c.orig.src || c.reply.dport !== c.orig.sport
}
/** IPS_DST_NAT: the reply comes from somewhere else than the original destination. */
export function hasDstNat(c: Conn): boolean {
  return c.reply.src !== c.orig.dst || c.reply.sport !== c.orig.dport
}

export class ConntrackTable {
  private readonly byTuple = new Map<string, { conn: Conn; dir: Direction }>()

  /** Finds or starts the flow of `packet` at its first hook in this namespace; undefined for untrackable packets. */
  classify(packet: Ipv4Packet, now: number): CtInfo | undefined {
    const t = tupleOf(packet)
    if (!t) return this.related(packet, now)
    const found = this.find(t, now)
    if (found) {
      if (found.dir === 'reply') found.conn.seenReply = true
      this.refresh(found.conn, now)
      return { conn: found.conn, dir: found.dir, state: found.dir === 'reply' || found.conn.seenReply ? 'ESTABLISHED' : 'NEW' }
    }
    const conn: Conn = { orig: t, reply: invert(t), seenReply: false, confirmed: false, natDst: false, natSrc: false, expires: 0 }
    this.refresh(conn, now)
    return { conn, dir: 'orig', state: 'NEW' }
  }

  /**
   * An ICMP error about a tracked packet is RELATED to its flow. The quoted
   * packet went one way; the error goes back, so it travels in the
   * direction whose tuple is the quoted one inverted.
   */
  private related(packet: Ipv4Packet, now: number): CtInfo | undefined {
    if (packet.protocol !== 'icmp' || !('original' in packet.payload)) return undefined
    const quoted = tupleOf((packet.payload as IcmpError).original)
    if (!quoted) return undefined
    const found = this.find(invert(quoted), now)
    if (!found) return undefined
    return { conn: found.conn, dir: found.dir, state: 'RELATED' }
  }

  private find(t: Tuple, now: number): { conn: Conn; dir: Direction } | undefined {
    const hit = this.byTuple.get(key(t))
    if (!hit) return undefined
    if (hit.conn.expires <= now) {
      this.forget(hit.conn)
      return undefined
    }
    return hit
  }

  private refresh(conn: Conn, now: number): void {
    const p = conn.orig.protocol
    conn.expires = now + (p === 'icmp' ? TIMEOUT.icmp : p === 'tcp' ? TIMEOUT.tcp : conn.seenReply ? TIMEOUT.udpStream : TIMEOUT.udp)
  }

  /** True when another flow already uses `reply` as its reply tuple (a NAT clash). */
  taken(reply: Tuple, now: number): boolean {
    return this.find(reply, now) !== undefined
  }

  /** __nf_conntrack_confirm: the flow enters the table under both tuples. */
  confirm(conn: Conn): void {
    if (conn.confirmed) return
    conn.confirmed = true
    this.byTuple.set(key(conn.orig), { conn, dir: 'orig' })
    this.byTuple.set(key(conn.reply), { conn, dir: 'reply' })
  }

  forget(conn: Conn): void {
    if (this.byTuple.get(key(conn.orig))?.conn === conn) this.byTuple.delete(key(conn.orig))
    if (this.byTuple.get(key(conn.reply))?.conn === conn) this.byTuple.delete(key(conn.reply))
  }

  /** `conntrack -L`: the live flows, oldest first. */
  entries(now: number): Conn[] {
    const out = new Set<Conn>()
    for (const { conn } of this.byTuple.values()) if (conn.expires > now) out.add(conn)
    return [...out]
  }
}
