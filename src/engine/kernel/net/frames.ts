/**
 * Frames and packets as typed values, not bytes (STYLE.md habit 2). Field
 * names follow the RFCs: RFC 826 (ARP), RFC 791 (IPv4), RFC 792 (ICMP).
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
  readonly code: 'net' | 'host' | 'ttl'
  readonly original: Ipv4Packet
}

export type IcmpMessage = IcmpEcho | IcmpError

export interface Ipv4Packet {
  readonly kind: 'ipv4'
  readonly src: Ipv4
  readonly dst: Ipv4
  readonly ttl: number
  readonly protocol: 'icmp'
  readonly payload: IcmpMessage
}

export interface EthernetFrame {
  readonly src: MacAddress
  readonly dst: MacAddress
  readonly payload: ArpPacket | Ipv4Packet
}

export const IPV4_HEADER_BYTES = 20
export const ICMP_HEADER_BYTES = 8
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
  return IPV4_HEADER_BYTES + icmpBytes(p.payload)
}

export function frameBytes(f: EthernetFrame): number {
  return ETHERNET_HEADER_BYTES + (f.payload.kind === 'arp' ? ARP_BYTES : ipv4Bytes(f.payload))
}

export function isEcho(m: IcmpMessage): m is IcmpEcho {
  return m.type === 'echo-request' || m.type === 'echo-reply'
}
