/** MAC address helpers (text form `aa:bb:cc:dd:ee:ff`). */
import { formatIpv6 } from './ipv6'

export type MacAddress = string

export const BROADCAST_MAC: MacAddress = 'ff:ff:ff:ff:ff:ff'
export const ZERO_MAC: MacAddress = '00:00:00:00:00:00'

/** Link-local IPv6 address derived from a MAC by modified EUI-64 (RFC 4291 appendix A), as iproute2 prints it. */
export function linkLocalFromMac(mac: MacAddress): string {
  const b = mac.split(':').map((h) => parseInt(h, 16))
  const bytes = [b[0]! ^ 0x02, b[1]!, b[2]!, 0xff, 0xfe, b[3]!, b[4]!, b[5]!]
  const groups = [0xfe80, 0, 0, 0]
  for (let i = 0; i < 8; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!)
  // inet_ntop folds a zero first interface-id group into the `::` run (02:00:5e:… → fe80::5eff:…).
  return formatIpv6(groups)
}

/** A locally administered unicast MAC from 6 random bytes, as the kernel makes for veths (eth_random_addr). */
export function randomLocalMac(byte: () => number): MacAddress {
  const bytes = Array.from({ length: 6 }, byte)
  bytes[0] = (bytes[0]! & 0xfe) | 0x02
  return bytes.map((x) => x.toString(16).padStart(2, '0')).join(':')
}
