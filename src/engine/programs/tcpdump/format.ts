/**
 * tcpdump 4.99 one-line decodes (print-ip.c, print-icmp.c, print-arp.c,
 * print-udp.c, print-domain.c, print-tcp.c) of the frames the model
 * carried. TCP sequence numbers are relative after the SYN, as tcpdump
 * prints them; TCP options are not modelled.
 */
import { formatIpv4 } from '../../../lib/ipv4'
import { timeOfDayMicros } from '../../../lib/wallclock'
import { decodeDns } from '../../kernel/net/dns'
import type { EthernetFrame, IcmpError, IcmpMessage, TcpSegment } from '../../kernel/net/frames'
import { frameBytes, icmpBytes, utf8Length } from '../../kernel/net/frames'

export const banner = (iface: string) =>
  `tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on ${iface}, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n`

export const summary = (n: number) => `${n} packet${n === 1 ? '' : 's'} captured\n${n} packet${n === 1 ? '' : 's'} received by filter\n0 packets dropped by kernel\n`

function icmp(m: IcmpMessage): string {
  if (m.type === 'echo-request' || m.type === 'echo-reply') return `ICMP echo ${m.type === 'echo-request' ? 'request' : 'reply'}, id ${m.id}, seq ${m.seq}, length ${icmpBytes(m)}`
  if (m.type === 'time-exceeded') return `ICMP time exceeded in-transit, length ${icmpBytes(m)}`
  const e = m as IcmpError
  const o = e.original
  if (e.code === 'port' && o.protocol !== 'icmp') return `ICMP ${formatIpv4(o.dst)} ${o.protocol} port ${o.payload.dstPort} unreachable, length ${icmpBytes(m)}`
  return `ICMP ${e.code === 'net' ? 'net' : 'host'} ${formatIpv4(o.dst)} unreachable, length ${icmpBytes(m)}`
}

function dns(payload: string, length: number): string | undefined {
  const m = decodeDns(payload)
  if (!m) return undefined
  if (m.kind === 'query') return `${m.id}+ ${m.question.type}? ${m.question.name}. (${length})`
  const rcode = m.rcode === 'NOERROR' ? '' : m.rcode === 'NXDOMAIN' ? ' NXDomain' : ` ${m.rcode[0]}${m.rcode.slice(1).toLowerCase()}`
  const answers = m.answers.map((a) => ` ${a.type} ${a.type === 'PTR' ? `${a.data}.` : a.data}`).join(',')
  return `${m.id}${m.authoritative ? '*' : ''}${rcode} ${m.answers.length}/0/0${answers} (${length})`
}

/** Relative sequence numbers per flow direction, from the first segment seen. */
export class TcpState {
  private readonly isn = new Map<string, { seq: number; ack?: number }>()
  line(key: string, reverse: string, s: TcpSegment): string {
    const f = s.flags
    const flags = `${f.syn ? 'S' : ''}${f.fin ? 'F' : ''}${f.rst ? 'R' : ''}${f.psh ? 'P' : ''}${f.ack ? '.' : ''}`
    let mine = this.isn.get(key)
    if (!mine) this.isn.set(key, (mine = { seq: s.seq }))
    const theirs = this.isn.get(reverse)
    const len = utf8Length(s.data)
    const rel = (n: number, base: number) => (n - base + 0x100000000) % 0x100000000
    const first = f.syn || !theirs
    const seq = first && f.syn ? `${s.seq}` : `${rel(s.seq, mine.seq)}`
    const seqText = len > 0 ? `, seq ${seq}:${Number(seq) + len}` : f.syn || f.fin || f.rst ? `, seq ${seq}` : ''
    const ackText = f.ack ? `, ack ${theirs && !f.syn ? rel(s.ack, theirs.seq) : s.ack}` : ''
    const win = f.rst ? 0 : f.syn ? (f.ack ? 65160 : 64240) : 502
    return `Flags [${flags}]${seqText}${ackText}, win ${win}, length ${len}`
  }
}

export function formatFrame(at: number, frame: EthernetFrame, link: boolean, tcp: TcpState): string {
  const time = timeOfDayMicros(at)
  const p = frame.payload
  const ether = link ? `${frame.src} > ${frame.dst}, ethertype ${p.kind === 'arp' ? 'ARP (0x0806)' : 'IPv4 (0x0800)'}, length ${frameBytes(frame)}: ` : ''
  if (p.kind === 'arp') {
    const body = p.operation === 'request' ? `Request who-has ${formatIpv4(p.targetProtocolAddr)} tell ${formatIpv4(p.senderProtocolAddr)}` : `Reply ${formatIpv4(p.senderProtocolAddr)} is-at ${p.senderHardwareAddr}`
    return `${time} ${ether}ARP, ${body}, length 28\n`
  }
  const src = formatIpv4(p.src)
  const dst = formatIpv4(p.dst)
  switch (p.protocol) {
    case 'icmp':
      return `${time} ${ether}IP ${src} > ${dst}: ${icmp(p.payload)}\n`
    case 'udp': {
      const d = p.payload
      const decoded = d.srcPort === 53 || d.dstPort === 53 ? dns(d.payload, d.length) : undefined
      return `${time} ${ether}IP ${src}.${d.srcPort} > ${dst}.${d.dstPort}: ${decoded ?? `UDP, length ${d.length}`}\n`
    }
    case 'tcp': {
      const s = p.payload
      const key = `${src}.${s.srcPort}>${dst}.${s.dstPort}`
      const reverse = `${dst}.${s.dstPort}>${src}.${s.srcPort}`
      return `${time} ${ether}IP ${src}.${s.srcPort} > ${dst}.${s.dstPort}: ${tcp.line(key, reverse, s)}\n`
    }
  }
}

