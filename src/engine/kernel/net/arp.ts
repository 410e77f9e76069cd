/**
 * ARP (RFC 826) and the neighbour table's state machine (NUD, RFC 4861
 * section 7.3.2 as Linux applies it to IPv4: net/core/neighbour.c,
 * net/ipv4/arp.c). Defaults are the kernel's: retrans_time 1 s,
 * mcast_solicit 3, ucast_solicit 3, delay_first_probe_time 5 s,
 * base_reachable_time 30 s (an entry stays REACHABLE for a random
 * 15–45 s). Entries are never garbage-collected: the kernel only does that
 * above gc_thresh1 (128 entries).
 */
import type { Ipv4 } from '../../../lib/ipv4'
import { BROADCAST_MAC, ZERO_MAC, type MacAddress } from '../../../lib/mac'
import type { TimerHandle } from '../../sim/clock'
import type { NetCore } from './core'
import type { ArpPacket, Ipv4Packet } from './frames'
import type { Netns } from './namespace'
import { selectSource } from './routing'
import type { Link, Neighbour, NeighbourState } from './types'

const RETRANS_MS = 1000
const MCAST_SOLICIT = 3
const UCAST_SOLICIT = 3
const DELAY_FIRST_PROBE_MS = 5000
const BASE_REACHABLE_MS = 30_000
/** unres_qlen: packets kept while a neighbour is being resolved. */
const UNRES_QLEN = 101

interface NeighbourWork {
  queue: Ipv4Packet[]
  probes: number
  timer?: TimerHandle
}
const work = new WeakMap<Neighbour, NeighbourWork>()

function workOf(n: Neighbour): NeighbourWork {
  let w = work.get(n)
  if (!w) work.set(n, (w = { queue: [], probes: 0 }))
  return w
}

function find(ns: Netns, dev: Link, ip: Ipv4): Neighbour | undefined {
  return ns.neighbourTable.find((n) => n.dev === dev.ifindex && n.ip === ip)
}

function create(core: NetCore, ns: Netns, dev: Link, ip: Ipv4, state: NeighbourState, mac?: MacAddress): Neighbour {
  const n: Neighbour = { ip, dev: dev.ifindex, state, updated: core.clock.now(), ...(mac ? { mac } : {}) }
  ns.neighbourTable.unshift(n)
  return n
}

function setTimer(core: NetCore, ns: Netns, dev: Link, n: Neighbour, ms: number): void {
  const w = workOf(n)
  core.clock.cancel(w.timer)
  w.timer = core.clock.setTimer(ms, () => {
    w.timer = undefined
    if (!ns.neighbourTable.includes(n)) return
    onTimer(core, ns, dev, n)
  })
}

function sendFrame(core: NetCore, dev: Link, mac: MacAddress, packet: Ipv4Packet): void {
  core.transmit(dev, { src: dev.mac, dst: mac, payload: packet })
}

/** arp_solicit: who-has, broadcast while INCOMPLETE, unicast to the old address while PROBE. */
function solicit(core: NetCore, ns: Netns, dev: Link, n: Neighbour, unicast: boolean): void {
  const w = workOf(n)
  w.probes++
  // The source is the queued packet's own source when it is ours (arp_announce 0), else an address of the link.
  const queuedSrc = w.queue[0]?.src
  const src = queuedSrc !== undefined && ns.isLocalAddress(queuedSrc) ? queuedSrc : selectSource(ns, dev, n.ip)
  if (src === undefined) return
  const arp: ArpPacket = {
    kind: 'arp',
    operation: 'request',
    senderHardwareAddr: dev.mac,
    senderProtocolAddr: src,
    targetHardwareAddr: ZERO_MAC,
    targetProtocolAddr: n.ip,
  }
  core.transmit(dev, { src: dev.mac, dst: unicast && n.mac ? n.mac : BROADCAST_MAC, payload: arp })
  setTimer(core, ns, dev, n, RETRANS_MS)
}

function onTimer(core: NetCore, ns: Netns, dev: Link, n: Neighbour): void {
  const w = workOf(n)
  switch (n.state) {
    case 'REACHABLE':
      enter(core, n, 'STALE')
      return
    case 'DELAY':
      enter(core, n, 'PROBE')
      w.probes = 0
      solicit(core, ns, dev, n, true)
      return
    case 'INCOMPLETE':
    case 'PROBE':
      if (w.probes >= (n.state === 'INCOMPLETE' ? MCAST_SOLICIT : UCAST_SOLICIT)) fail(core, ns, n)
      else solicit(core, ns, dev, n, n.state === 'PROBE')
      return
    default:
      return
  }
}

function enter(core: NetCore, n: Neighbour, state: NeighbourState): void {
  n.state = state
  n.updated = core.clock.now()
}

/** neigh_invalidate: FAILED; every queued packet gets an ICMP host unreachable (arp_error_report). */
function fail(core: NetCore, ns: Netns, n: Neighbour): void {
  enter(core, n, 'FAILED')
  delete n.mac
  const w = workOf(n)
  const queued = w.queue.splice(0)
  for (const p of queued) core.datapath.icmpError(core, ns, p, 'dest-unreachable', 'host')
}

/** neigh_update: a link-layer address learned or confirmed; queued packets go out. */
function update(core: NetCore, ns: Netns, dev: Link, n: Neighbour, mac: MacAddress, state: NeighbourState): void {
  n.mac = mac
  enter(core, n, state)
  const w = workOf(n)
  core.clock.cancel(w.timer)
  w.timer = undefined
  if (state === 'REACHABLE') setTimer(core, ns, dev, n, BASE_REACHABLE_MS * core.random.between(0.5, 1.5))
  for (const p of w.queue.splice(0)) sendFrame(core, dev, mac, p)
}

/** neigh_resolve_output: sends `packet` to `nexthop` on `dev`, resolving its address first if needed. */
export function neighOutput(core: NetCore, dev: Link, nexthop: Ipv4, packet: Ipv4Packet): void {
  const ns = dev.ns as Netns
  let n = find(ns, dev, nexthop)
  if (!n) n = create(core, ns, dev, nexthop, 'FAILED')
  const w = workOf(n)
  switch (n.state) {
    case 'REACHABLE':
    case 'PERMANENT':
    case 'DELAY':
    case 'PROBE':
      sendFrame(core, dev, n.mac!, packet)
      return
    case 'STALE':
      sendFrame(core, dev, n.mac!, packet)
      enter(core, n, 'DELAY')
      setTimer(core, ns, dev, n, DELAY_FIRST_PROBE_MS)
      return
    case 'INCOMPLETE':
      if (w.queue.length >= UNRES_QLEN) w.queue.shift()
      w.queue.push(packet)
      return
    case 'FAILED':
      // __neigh_event_send: a new packet restarts resolution from scratch.
      enter(core, n, 'INCOMPLETE')
      w.queue = [packet]
      w.probes = 0
      solicit(core, ns, dev, n, false)
      return
  }
}

/** arp_process: answer requests for our addresses, learn from requests for us, fill in replies. */
export function arpInput(core: NetCore, dev: Link, arp: ArpPacket): void {
  const ns = dev.ns as Netns
  const sip = arp.senderProtocolAddr
  const sha = arp.senderHardwareAddr
  const forUs = ns.isLocalAddress(arp.targetProtocolAddr)
  if (arp.operation === 'request') {
    if (!forUs) return
    // neigh_event_ns: the asker is remembered as STALE (kept as is when the address did not change).
    const n = find(ns, dev, sip)
    if (!n) create(core, ns, dev, sip, 'STALE', sha)
    else if (n.mac !== sha || n.state === 'INCOMPLETE' || n.state === 'FAILED') update(core, ns, dev, n, sha, 'STALE')
    const reply: ArpPacket = {
      kind: 'arp',
      operation: 'reply',
      senderHardwareAddr: dev.mac,
      senderProtocolAddr: arp.targetProtocolAddr,
      targetHardwareAddr: sha,
      targetProtocolAddr: sip,
    }
    core.transmit(dev, { src: dev.mac, dst: sha, payload: reply })
    return
  }
  // A reply only updates an entry we already have (arp_accept 0).
  const n = find(ns, dev, sip)
  if (n && n.state !== 'PERMANENT') update(core, ns, dev, n, sha, 'REACHABLE')
}

/** neigh_ifdown: a link went down or away; its entries go. */
export function flushNeighbours(core: NetCore, ns: Netns, dev: Link): void {
  ns.neighbourTable = ns.neighbourTable.filter((n) => {
    if (n.dev !== dev.ifindex) return true
    core.clock.cancel(work.get(n)?.timer)
    return false
  })
}
