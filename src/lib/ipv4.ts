/** IPv4 addresses and prefixes as 32-bit unsigned numbers. No domain behaviour. */
export type Ipv4 = number

export interface Cidr {
  readonly address: Ipv4
  readonly prefixLength: number
}

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

/** Parses a dotted quad; undefined when it is not one (`300.1.1.1`, `abc`). */
export function parseIpv4(text: string): Ipv4 | undefined {
  const m = DOTTED.exec(text)
  if (!m) return undefined
  let value = 0
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i])
    if (octet > 255) return undefined
    value = value * 256 + octet
  }
  return value >>> 0
}

export function formatIpv4(ip: Ipv4): string {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.')
}

/** Parses `a.b.c.d/n`; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/')
  if (slash < 0) return undefined
  const address = parseIpv4(text.slice(0, slash))
  const lenText = text.slice(slash + 1)
  if (address === undefined || !/^\d{1,2}$/.test(lenText)) return undefined
  const prefixLength = Number(lenText)
  if (prefixLength > 32) return undefined
  return { address, prefixLength }
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.address)}/${c.prefixLength}`
}

export function netmask(prefixLength: number): Ipv4 {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0
}

export function networkAddress(c: Cidr): Ipv4 {
  return (c.address & netmask(c.prefixLength)) >>> 0
}

export function broadcastAddress(c: Cidr): Ipv4 {
  return (networkAddress(c) | (~netmask(c.prefixLength) >>> 0)) >>> 0
}

export function cidrContains(c: Cidr, ip: Ipv4): boolean {
  const mask = netmask(c.prefixLength)
  return ((ip & mask) >>> 0) === ((c.address & mask) >>> 0)
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const len = Math.min(a.prefixLength, b.prefixLength)
  const mask = netmask(len)
  return ((a.address & mask) >>> 0) === ((b.address & mask) >>> 0)
}

/** Docker's MAC for a bridge endpoint (20.10 – 27.x): 02:42 followed by the IPv4 bytes. */
export function macFromIpv4(ip: Ipv4): string {
  return ['02', '42', ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255]
    .map((b) => (typeof b === 'string' ? b : b.toString(16).padStart(2, '0')))
    .join(':')
}

/**
 * inet_aton(3): the forms glibc accepts besides the dotted quad — 1 to 4
 * parts, each decimal, octal (leading 0) or hex (0x), the last part filling
 * the remaining bytes (`127.1`, `0x7f.1`, `2130706433`). Text after a space
 * is ignored, as glibc does. undefined when it is not an address.
 */
export function inetAton(text: string): Ipv4 | undefined {
  const end = text.search(/\s/)
  const s = end >= 0 ? text.slice(0, end) : text
  const parts = s.split('.')
  if (parts.length < 1 || parts.length > 4) return undefined
  const values: number[] = []
  for (const part of parts) {
    let v: number
    if (/^0[xX][0-9a-fA-F]*$/.test(part)) v = part.length === 2 ? 0 : parseInt(part.slice(2), 16)
    else if (/^0[0-7]*$/.test(part)) v = parseInt(part, 8)
    else if (/^[1-9][0-9]*$/.test(part)) v = Number(part)
    else return undefined
    values.push(v)
  }
  const last = values.pop()!
  for (const v of values) if (v > 255) return undefined
  const lastMax = [0xffffffff, 0xffffff, 0xffff, 0xff][values.length]!
  if (last > lastMax) return undefined
  let ip = 0
  values.forEach((v, i) => (ip += v * 2 ** (24 - 8 * i)))
  return (ip + last) >>> 0
}
