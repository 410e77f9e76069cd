/**
 * tcpdump's capture: the frames the model carried across the interface,
 * from the stack's hop events (arrivals at it, departures from it; for a
 * bridge also the frames it forwards between its ports, which a bridge in
 * promiscuous mode passes up), each frame once, until -c or SIGINT.
 */
import { formatIpv4 } from '../../../lib/ipv4'
import { Interrupted } from '../../kernel/proc/errors'
import type { EthernetFrame } from '../../kernel/net/frames'
import type { HopEvent, Link } from '../../kernel/net/types'
import type { ProgramContext } from '../../shell/runtime'
import * as fmt from './format'
import type { Filter, TcpdumpOptions } from './parse'

function passes(f: Filter, frame: EthernetFrame): boolean {
  const p = frame.payload
  switch (f.kind) {
    case 'all':
      return true
    case 'arp':
      return p.kind === 'arp'
    case 'ip':
      return p.kind === 'ipv4'
    case 'icmp':
    case 'udp':
    case 'tcp':
      return p.kind === 'ipv4' && p.protocol === f.kind
    case 'port':
      return p.kind === 'ipv4' && p.protocol !== 'icmp' && (p.payload.srcPort === f.port || p.payload.dstPort === f.port)
    case 'host':
      return p.kind === 'ipv4' ? formatIpv4(p.src) === f.host || formatIpv4(p.dst) === f.host : formatIpv4(p.senderProtocolAddr) === f.host || formatIpv4(p.targetProtocolAddr) === f.host
  }
}

function seenOn(link: Link, e: HopEvent): boolean {
  if (e.kind === 'drop') return false
  const ns = link.ns.id
  const at = (end: HopEvent['from']) => end.ns === ns && end.ifindex === link.ifindex
  if (at(e.to) || at(e.from)) return true
  if (link.kind !== 'bridge' || e.kind !== 'bridge') return false
  const port = (end: HopEvent['from']) => end.ns === ns && link.ns.link(end.ifindex)?.master === link.ifindex
  return port(e.from) && port(e.to)
}

export async function runTcpdump(ctx: ProgramContext, o: TcpdumpOptions): Promise<number> {
  const { proc, kernel } = ctx
  const net = proc.sandbox.net
  const link = o.iface !== undefined ? net.link(o.iface) : net.links().find((l) => l.kind !== 'loopback' && l.adminUp)
  if (!link) {
    proc.err(`tcpdump: ${o.iface ?? 'any'}: No such device exists\n(SIOCGIFHWADDR: No such device)\n`)
    return 1
  }
  proc.err(fmt.banner(link.name))
  const seen = new WeakSet<EthernetFrame>()
  const tcp = new fmt.TcpState()
  let captured = 0
  let wake: (() => void) | undefined
  const done = new Promise<void>((resolve) => (wake = resolve))
  const stop = kernel.net.onHop((e) => {
    if (!seenOn(link, e) || seen.has(e.frame) || !passes(o.filter, e.frame)) return
    seen.add(e.frame)
    if (o.count !== undefined && captured >= o.count) return
    captured++
    proc.out(fmt.formatFrame(e.at, e.frame, o.link, tcp))
    if (o.count !== undefined && captured >= o.count) wake?.()
  })
  let interrupted = false
  proc.trap('SIGINT', () => {
    interrupted = true
    wake?.()
  })
  try {
    await proc.waitFor(done)
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e
    interrupted = true
  } finally {
    stop()
  }
  if (interrupted) proc.out('\n')
  proc.err(fmt.summary(captured))
  return 0
}
