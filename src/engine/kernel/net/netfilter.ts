/**
 * The netfilter hooks (net/netfilter/core.c) as IPv4 calls them, in the
 * kernel's priority order: conntrack first (a packet's flow is found or
 * started at PREROUTING or OUTPUT), then the raw rule seam (NetfilterRule,
 * kept for tests and experiments), then the iptables tables: nat for
 * destination NAT at PREROUTING/OUTPUT, filter at INPUT/FORWARD/OUTPUT, nat
 * for source NAT at POSTROUTING/INPUT. The nat chains only see a flow's
 * first packet; the binding they choose is applied to every later packet
 * of the flow in both directions, and to ICMP errors RELATED to it.
 * A DROP is reported as a hop event naming the chain and rule.
 */
import { formatIpv4, parseIpv4 } from '../../../lib/ipv4'
import { hasDstNat, hasSrcNat, invert, withTuple, type CtInfo, type Tuple } from './conntrack'
import type { NetCore } from './core'
import { ipv4Bytes, type IcmpError, type Ipv4Packet } from './frames'
import type { MatchContext, VerdictSite } from './iptables'
import type { Netns } from './namespace'
import { selectSource } from './routing'
import type { Link, NetfilterHook } from './types'

/** The flow each packet belongs to, per namespace (skb->_nfct; scrubbed when the packet changes namespace). */
const flows = new WeakMap<Ipv4Packet, { ns: Netns; ct: CtInfo }>()

/** Keeps the flow of `from` on its rewritten copy `to` (a TTL decrement, a NAT rewrite). */
export function carryFlow(from: Ipv4Packet, to: Ipv4Packet): Ipv4Packet {
  const f = flows.get(from)
  if (f && from !== to) flows.set(to, f)
  return to
}

/** The packet to go on with, or undefined when it was dropped. */
export function runHook(core: NetCore, ns: Netns, hook: NetfilterHook, packet: Ipv4Packet, devs: { inDev?: Link; outDev?: Link } = {}): Ipv4Packet | undefined {
  let current = packet
  let ct = flows.get(packet)?.ns === ns ? flows.get(packet)!.ct : undefined
  if (!ct && (hook === 'PREROUTING' || hook === 'OUTPUT')) {
    ct = ns.conntrack.classify(packet, core.clock.now())
    if (ct) flows.set(packet, { ns, ct })
  }
  for (const rule of ns.netfilter) {
    if (rule.hook !== hook) continue
    const verdict = rule.evaluate(current, { hook, ns, ...devs })
    if (verdict === 'ACCEPT') break
    if (verdict === 'DROP') return dropped(core, ns, hook, current, devs, ct, { table: 'filter', chain: hook })
    if (verdict !== 'CONTINUE') current = carryFlow(current, verdict.rewrite)
  }
  const match = (p: Ipv4Packet): MatchContext => ({
    src: p.src,
    dst: p.dst,
    protocol: p.protocol,
    ...(p.protocol !== 'icmp' ? { dstPort: p.payload.dstPort } : {}),
    ...(devs.inDev ? { inDev: devs.inDev.name } : {}),
    ...(devs.outDev ? { outDev: devs.outDev.name } : {}),
    ctstate: ct?.state ?? 'NEW',
    dstLocal: ns.isLocalAddress(p.dst),
    bytes: ipv4Bytes(p),
  })

  if (hook === 'PREROUTING' || hook === 'OUTPUT') {
    if (ct && !ct.conn.natDst && ct.state === 'NEW' && !ct.conn.confirmed) {
      ct.conn.natDst = true
      const v = ns.iptables.traverse('nat', hook, match(current))
      if (v.kind === 'DNAT') {
        const to = parseIpv4(v.toAddress)!
        setReply(ct, { ...ct.conn.reply, src: to, sport: v.toPort ?? ct.conn.reply.sport })
      } else if (v.kind === 'DROP') return dropped(core, ns, hook, current, devs, ct, v.site)
    }
    if (ct) current = carryFlow(current, mangle(current, ct, 'dst'))
  }
  if (hook === 'INPUT' || hook === 'FORWARD' || hook === 'OUTPUT') {
    const v = ns.iptables.traverse('filter', hook, match(current))
    if (v.kind === 'DROP') return dropped(core, ns, hook, current, devs, ct, v.site)
  }
  if (hook === 'POSTROUTING' || hook === 'INPUT') {
    if (ct && !ct.conn.natSrc && ct.state === 'NEW' && !ct.conn.confirmed) {
      ct.conn.natSrc = true
      const v = ns.iptables.traverse('nat', hook, match(current))
      if (v.kind === 'MASQUERADE' && devs.outDev) masquerade(core, ns, ct, devs.outDev, current.dst)
      else if (v.kind === 'DROP') return dropped(core, ns, hook, current, devs, ct, v.site)
    }
    if (ct) {
      current = carryFlow(current, mangle(current, ct, 'src'))
      if (ct.state !== 'RELATED') ns.conntrack.confirm(ct.conn)
    }
  }
  return current
}

function setReply(ct: CtInfo, reply: Tuple): void {
  ct.conn.reply = reply
}

/** MASQUERADE: the source becomes the out device's address for this destination; a clashing port is moved. */
function masquerade(core: NetCore, ns: Netns, ct: CtInfo, outDev: Link, dst: number): void {
  const src = selectSource(ns, outDev, dst)
  if (src === undefined) return
  let reply: Tuple = { ...ct.conn.reply, dst: src }
  if (reply.protocol !== 'icmp') {
    while (ns.conntrack.taken(reply, core.clock.now())) reply = { ...reply, dport: 32768 + core.random.int(60999 - 32768 + 1) }
  }
  setReply(ct, reply)
}

/**
 * nf_nat_packet: rewrites the destination (`dst`, at PREROUTING/OUTPUT) or
 * the source (`src`, at POSTROUTING/INPUT) so that a packet of direction d
 * looks like the other direction's tuple inverted. RELATED ICMP errors get
 * their outer address and the quoted packet rewritten alike.
 */
function mangle(p: Ipv4Packet, ct: CtInfo, manip: 'src' | 'dst'): Ipv4Packet {
  // The NAT status bit this manip needs, flipped for the reply direction (nf_nat_icmp_reply_translation).
  const srcNatSide = (manip === 'src') === (ct.dir === 'orig')
  if (!(srcNatSide ? hasSrcNat(ct.conn) : hasDstNat(ct.conn))) return p
  const target = invert(ct.dir === 'orig' ? ct.conn.reply : ct.conn.orig)
  if (ct.state === 'RELATED' && p.protocol === 'icmp' && 'original' in p.payload) {
    const err = p.payload as IcmpError
    const inner = err.original
    // The quoted packet travelled the other way: its source is where our destination goes, and vice versa.
    const q = manip === 'dst' ? { ...inner, src: target.dst } : { ...inner, dst: target.src }
    const qTuple = manip === 'dst' ? { sport: target.dport } : { dport: target.sport }
    const quoted = inner.protocol === 'icmp' ? q : withTuple(q as Ipv4Packet, { protocol: inner.protocol, src: q.src, dst: q.dst, sport: inner.payload.srcPort, dport: inner.payload.dstPort, ...qTuple })
    const outer = manip === 'dst' ? { ...p, dst: target.dst } : { ...p, src: target.src }
    return { ...outer, payload: { ...err, original: quoted as Ipv4Packet } } as Ipv4Packet
  }
  const now = { protocol: p.protocol, src: p.src, dst: p.dst, sport: 0, dport: 0 }
  const mine = flowsTuple(p) ?? now
  const next: Tuple = manip === 'dst' ? { ...mine, dst: target.dst, dport: target.dport } : { ...mine, src: target.src, sport: target.sport }
  if (next.src === mine.src && next.dst === mine.dst && next.sport === mine.sport && next.dport === mine.dport) return p
  return withTuple(p, next)
}

function flowsTuple(p: Ipv4Packet): Tuple | undefined {
  if (p.protocol === 'icmp') {
    if (!('id' in p.payload)) return undefined
    return { protocol: 'icmp', src: p.src, sport: p.payload.id, dst: p.dst, dport: p.payload.id }
  }
  return { protocol: p.protocol, src: p.src, sport: p.payload.srcPort, dst: p.dst, dport: p.payload.dstPort }
}

function dropped(core: NetCore, ns: Netns, hook: NetfilterHook, packet: Ipv4Packet, devs: { inDev?: Link; outDev?: Link }, ct: CtInfo | undefined, site: VerdictSite): undefined {
  if (ct && !ct.conn.confirmed) ns.conntrack.forget(ct.conn)
  core.reportDrop(ns, { hook, ...site }, packet, devs)
  return undefined
}

/** For messages: `172.18.0.2 → 192.168.0.2`. */
export function describeFlow(p: Ipv4Packet): string {
  return `${formatIpv4(p.src)} → ${formatIpv4(p.dst)}`
}
