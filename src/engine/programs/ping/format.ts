/**
 * The only place ping's text is written (iputils 20221126 ping/ping.c and
 * ping/ping_common.c: pr_echo_reply, pr_icmph, finish). Times are printed
 * from integer microseconds, as iputils keeps them.
 */
import type { EchoError } from '../../kernel/net/types'

export function headerLine(host: string, address: string, size: number): string {
  return `PING ${host} (${address}) ${size}(${size + 28}) bytes of data.\n`
}

/** pr_addr: `name (address)` when the address has a name and -n was not given, else the address. */
export function prAddr(address: string, name: string | undefined): string {
  return name !== undefined && name !== address ? `${name} (${address})` : address
}

/** ` time=0.085 ms` with iputils' precision steps (3 decimals below 1 ms … none from 100 ms). */
export function formatTripTime(us: number): string {
  if (us >= 100000 - 50) return `${Math.floor((us + 500) / 1000)} ms`
  if (us >= 10000 - 5) return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)} ms`
  if (us >= 1000) return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, '0')} ms`
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')} ms`
}

export function replyLine(r: { bytes: number; from: string; seq: number; ttl: number; tripUs?: number }): string {
  const time = r.tripUs !== undefined ? ` time=${formatTripTime(r.tripUs)}` : ''
  return `${r.bytes} bytes from ${r.from}: icmp_seq=${r.seq} ttl=${r.ttl}${time}\n`
}

const ERROR_TEXT: Record<Exclude<EchoError['kind'], 'network-unreachable'>, string> = {
  unreachable: 'Destination Host Unreachable',
  'net-unreachable': 'Destination Net Unreachable',
  'time-exceeded': 'Time to live exceeded',
}

export function errorLine(from: string, seq: number, kind: Exclude<EchoError['kind'], 'network-unreachable'>): string {
  return `From ${from} icmp_seq=${seq} ${ERROR_TEXT[kind]}\n`
}

export interface PingStats {
  readonly host: string
  readonly transmitted: number
  readonly received: number
  readonly errors: number
  /** Milliseconds from start to the last request sent. */
  readonly elapsedMs: number
  /** Integer microseconds, when timing was on and something came back. */
  readonly rtt?: { readonly min: number; readonly avg: number; readonly max: number; readonly mdev: number }
  readonly pipe: number
}

/** C's `%g` for the loss percentage (6 significant digits, no trailing zeros), from a float as iputils computes it. */
function formatG(x: number): string {
  const f = Math.fround(x)
  if (Number.isInteger(f)) return String(f)
  return String(Number(f.toPrecision(6)))
}

const ms3 = (us: number): string => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`

/** finish(): the summary, starting with an empty line (a tty's `^C` echo takes its place). */
export function statisticsBlock(s: PingStats): string {
  let out = `\n--- ${s.host} ping statistics ---\n`
  out += `${s.transmitted} packets transmitted, ${s.received} received`
  if (s.errors) out += `, +${s.errors} errors`
  if (s.transmitted) out += `, ${formatG(((s.transmitted - s.received) * 100) / s.transmitted)}% packet loss, time ${Math.floor(s.elapsedMs + 0.5)}ms`
  out += '\n'
  let comma = ''
  if (s.rtt) {
    out += `rtt min/avg/max/mdev = ${ms3(s.rtt.min)}/${ms3(s.rtt.avg)}/${ms3(s.rtt.max)}/${ms3(s.rtt.mdev)} ms`
    comma = ', '
  }
  if (s.pipe > 1) out += `${comma}pipe ${s.pipe}`
  return out + '\n'
}

export const sendmsgUnreachable = 'ping: sendmsg: Network is unreachable\n'
export const connectUnreachable = 'ping: connect: Network is unreachable\n'
export const broadcastRefused = 'ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n'
export const broadcastWarning = 'WARNING: pinging broadcast address\n'
export const resolveFailed = (target: string, message: string): string => `ping: ${target}: ${message}\n`
