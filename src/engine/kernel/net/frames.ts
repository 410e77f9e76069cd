/**
 * Frames and packets as typed values, not bytes (STYLE.md habit 2). Field
 * names follow the RFCs: RFC 826 (ARP), RFC 791 (IPv4), RFC 792 (ICMP),
 * RFC 768 (UDP), RFC 793 (TCP, light: flags, seq/ack and whole messages).
 * Sizes are kept as numbers so byte counters and `ping -s` stay right.
 */
import type { Ipv4 } from '../../../lib/ipv4'
import type { MacAddress } from '../../../lib/mac'

export interface ArpPacket {
  readonly kind: 'arp'
  readonly operation: 'request' | 'reply'
  readonly senderHardwareAddr: MacAddress
  readonly senderProtocolAddr: Ipv4
  readonly targetHardwareAddr: MacAddress
  readonly targetProtocolAddr: Ipv4
}

export interface IcmpEcho {
  readonly type: 'echo-request' | 'echo-reply'
  readonly id: number
  readonly seq: number
  /** Bytes after the 8-byte ICMP header (`ping -s`, default 56). */
  readonly payloadBytes: number
  /** When the request left its sender (ping keeps its send time in the payload). */
  readonly sentAt: number
}

/** ICMP errors quote the offending datagram (RFC 792: its header and first 8 data bytes). */
export interface IcmpError {
  readonly type: 'dest-unreachable' | 'time-exceeded'
  readonly code: 'net' | 'host' | 'ttl' | 'port'
  readonly original: Ipv4Packet
}

export type IcmpMessage = IcmpEcho | IcmpError

/** A UDP datagram; `payload` is the application's message, `length` its size on the wire in bytes. */
export interface UdpDatagram {
  readonly srcPort: number
  readonly dstPort: number
  readonly payload: string
  readonly length: number
}

export interface TcpFlags {
  readonly syn?: boolean
  readonly ack?: boolean
  readonly fin?: boolean
  readonly rst?: boolean
  readonly psh?: boolean
}

/** A TCP segment carrying one whole message (no windows, no segmentation). */
export interface TcpSegment {
  readonly srcPort: number
  readonly dstPort: number
  readonly flags: TcpFlags
  readonly seq: number
  readonly ack: number
  readonly data: string
}

interface Ipv4Header {
  readonly kind: 'ipv4'
  readonly src: Ipv4
  readonly dst: Ipv4
  readonly ttl: number
}
export interface IcmpPacket extends Ipv4Header {
  readonly protocol: 'icmp'
  readonly payload: IcmpMessage
}
export interface UdpPacket extends Ipv4Header {
  readonly protocol: 'udp'
  readonly payload: UdpDatagram
}
export interface TcpPacket extends Ipv4Header {
  readonly protocol: 'tcp'
  readonly payload: TcpSegment
}
export type Ipv4Packet = IcmpPacket | UdpPacket | TcpPacket

export interface EthernetFrame {
  readonly src: MacAddress
  readonly dst: MacAddress
  readonly payload: ArpPacket | Ipv4Packet
}

export const IPV4_HEADER_BYTES = 20
export const ICMP_HEADER_BYTES = 8
export const UDP_HEADER_BYTES = 8
/** A TCP header without options. */
export const TCP_HEADER_BYTES = 20
const ETHERNET_HEADER_BYTES = 14
const ARP_BYTES = 28
/** IP datagrams cannot exceed 65535 bytes (the total-length field). */
export const IPV4_MAX_BYTES = 65535

export function icmpBytes(m: IcmpMessage): number {
  if (isEcho(m)) return ICMP_HEADER_BYTES + m.payloadBytes
  // Linux quotes as much of the original as fits in 576 bytes (icmp_send).
  return ICMP_HEADER_BYTES + Math.min(ipv4Bytes(m.original), 576 - IPV4_HEADER_BYTES - ICMP_HEADER_BYTES)
}

export function ipv4Bytes(p: Ipv4Packet): number {
  switch (p.protocol) {
    case 'icmp':
      return IPV4_HEADER_BYTES + icmpBytes(p.payload)
    case 'udp':
      return IPV4_HEADER_BYTES + UDP_HEADER_BYTES + p.payload.length
    case 'tcp':
      return IPV4_HEADER_BYTES + TCP_HEADER_BYTES + utf8Length(p.payload.data)
  }
}

/** Bytes of `text` in UTF-8 (what a socket write of that string sends). */
export function utf8Length(text: string): number {
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

export function frameBytes(f: EthernetFrame): number {
  return ETHERNET_HEADER_BYTES + (f.payload.kind === 'arp' ? ARP_BYTES : ipv4Bytes(f.payload))
}

export function isEcho(m: IcmpMessage): m is IcmpEcho {
  return m.type === 'echo-request' || m.type === 'echo-reply'
}
