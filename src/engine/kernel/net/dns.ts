/**
 * DNS over the model's UDP (RFC 1035 in spirit, typed messages instead of
 * bytes): the message types a DNS server (Docker's embedded DNS at
 * 127.0.0.11, the LAN's upstream resolver) answers, the stub resolver's
 * transport as glibc's res_send does it (each nameserver in turn, `timeout`
 * seconds each, `attempts` rounds: resolv.conf(5) defaults 5 and 2), and
 * `serveDns`, a UDP server helper. A message travels as its JSON encoding;
 * `length` is what the message would take on the wire, for counters and tcpdump.
 */
import type { Ipv4 } from '../../../lib/ipv4'
import type { VirtualClock } from '../../sim/clock'
import type { Prng } from '../../sim/random'
import type { SocketApi, UdpSocket } from './sockets'
import type { NetNamespace } from './types'

export type DnsType = 'A' | 'AAAA' | 'PTR'
export type DnsRcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED'

export interface DnsQuestionRecord {
  readonly name: string
  readonly type: DnsType
}
export interface DnsRecord {
  readonly name: string
  readonly type: DnsType
  readonly ttl: number
  /** Dotted quad for A, a domain name for PTR. */
  readonly data: string
}
export interface DnsQuery {
  readonly kind: 'query'
  readonly id: number
  readonly question: DnsQuestionRecord
}
export interface DnsResponse {
  readonly kind: 'response'
  readonly id: number
  readonly question: DnsQuestionRecord
  readonly rcode: DnsRcode
  readonly answers: readonly DnsRecord[]
  /** AA: Docker's embedded DNS and forwarders answer non-authoritatively. */
  readonly authoritative: boolean
}
export type DnsMessage = DnsQuery | DnsResponse

export const DNS_PORT = 53

/** The stub resolver's view of one exchange (resolver.ts). */
export type DnsQuestion = { readonly name: string; readonly type: 'A' | 'AAAA' | 'PTR' }
export type DnsAnswer =
  | { readonly rcode: 'NOERROR'; readonly answers: readonly string[] }
  | { readonly rcode: 'NXDOMAIN' }
  /** No answer from this server within the resolver's timeout. */
  | { readonly rcode: 'TIMEOUT' }

/** Sends one question to one nameserver from `ns` and waits for its answer. */
export interface DnsClient {
  /** `timeoutMs`: how long to wait for this server (the resolver's per-try timeout). */
  query(ns: NetNamespace, server: Ipv4, question: DnsQuestion, options?: { readonly timeoutMs?: number }): Promise<DnsAnswer>
}



function nameBytes(name: string): number {
  const trimmed = name.replace(/\.$/, '')
  return trimmed === '' ? 1 : trimmed.length + 2
}

/** The size of the message in DNS wire format (header 12, question, answers with compressed owner names). */
export function dnsWireLength(m: DnsMessage): number {
  let n = 12 + nameBytes(m.question.name) + 4
  if (m.kind === 'response') for (const a of m.answers) n += 2 + 10 + (a.type === 'A' ? 4 : a.type === 'AAAA' ? 16 : nameBytes(a.data))
  return n
}

export function encodeDns(m: DnsMessage): string {
  return JSON.stringify(m)
}

/** undefined for anything that is not a DNS message (a datagram from another program). */
export function decodeDns(payload: string): DnsMessage | undefined {
  try {
    const m = JSON.parse(payload) as DnsMessage
    return m && (m.kind === 'query' || m.kind === 'response') && typeof m.id === 'number' && m.question ? m : undefined
  } catch {
    return undefined
  }
}

/** Sends `m` from `sock` to `to:port`, with its wire length. */
export function sendDns(sock: UdpSocket, to: Ipv4, port: number, m: DnsMessage): void {
  sock.send({ address: to, port }, encodeDns(m), { length: dnsWireLength(m) })
}

/** The resolver options of /etc/resolv.conf that the transport uses. */
export interface ResolvOptions {
  readonly timeoutMs: number
  readonly attempts: number
}
export const RESOLV_DEFAULTS: ResolvOptions = { timeoutMs: 5000, attempts: 2 }

/** `options timeout:N attempts:N` (resolv.conf(5); timeout capped at 30, attempts at 5). */
export function parseResolvOptions(text: string): ResolvOptions {
  let { timeoutMs, attempts } = RESOLV_DEFAULTS
  for (const line of text.split('\n')) {
    const m = /^\s*options\s+(.*)$/.exec(line)
    if (!m) continue
    for (const opt of m[1]!.split(/\s+/)) {
      const t = /^timeout:(\d+)$/.exec(opt)
      if (t) timeoutMs = Math.min(30, Math.max(1, Number(t[1]))) * 1000
      const a = /^attempts:(\d+)$/.exec(opt)
      if (a) attempts = Math.min(5, Math.max(1, Number(a[1])))
    }
  }
  return { timeoutMs, attempts }
}

export type DnsOutcome = { readonly kind: 'response'; readonly response: DnsResponse } | { readonly kind: 'timeout' } | { readonly kind: 'refused' }

/**
 * One question to one server from a fresh ephemeral port: the answer whose
 * id matches, `refused` on ICMP port unreachable, `timeout` after
 * `timeoutMs` of virtual time.
 */
export function askServer(sockets: SocketApi, clock: VirtualClock, random: Prng, ns: NetNamespace, server: Ipv4, question: DnsQuestionRecord, timeoutMs: number, port = DNS_PORT): Promise<DnsOutcome> {
  return new Promise((resolve) => {
    const sock = sockets.udpBind(ns)
    const id = random.int(0x10000)
    let done = false
    const finish = (o: DnsOutcome): void => {
      if (done) return
      done = true
      clock.cancel(timer)
      sock.close()
      resolve(o)
    }
    sock.onMessage((d) => {
      const m = decodeDns(d.payload)
      if (m?.kind === 'response' && m.id === id && d.from.address === server) finish({ kind: 'response', response: m })
    })
    sock.onError((e) => {
      if (e.code === 'ECONNREFUSED') finish({ kind: 'refused' })
    })
    const timer = clock.setTimer(timeoutMs, () => finish({ kind: 'timeout' }))
    sendDns(sock, server, port, { kind: 'query', id, question })
  })
}

/**
 * res_send's loop over servers and attempts: server i (from 0) of n waits
 * `timeout << i` ms, divided by n when i > 0 (send_dg); the first answer
 * (any rcode) ends the search; ECONNREFUSED moves to the next server.
 */
export async function resolveOverUdp(
  sockets: SocketApi,
  clock: VirtualClock,
  random: Prng,
  ns: NetNamespace,
  servers: readonly Ipv4[],
  question: DnsQuestionRecord,
  options: ResolvOptions = RESOLV_DEFAULTS,
): Promise<DnsResponse | undefined> {
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    for (const [i, server] of servers.entries()) {
      let wait = options.timeoutMs << i
      if (i > 0) wait = Math.floor(wait / servers.length)
      const outcome = await askServer(sockets, clock, random, ns, server, question, wait)
      if (outcome.kind === 'response') return outcome.response
    }
  }
  return undefined
}

/** What a server decides for one query: the response, and optionally how long (virtual ms) it takes to answer. */
export type DnsHandler = (query: DnsQuery, from: { address: Ipv4; port: number }) => { response: Omit<DnsResponse, 'kind' | 'id' | 'question'>; delayMs?: number } | Promise<{ response: Omit<DnsResponse, 'kind' | 'id' | 'question'>; delayMs?: number }> | undefined

/** A DNS server on `address:port` in `ns` (a UDP socket that answers each query through `handler`). Returns the socket (close it to stop). */
export function serveDns(sockets: SocketApi, ns: NetNamespace, address: Ipv4, handler: DnsHandler, options: { readonly port?: number; readonly clock?: VirtualClock } = {}): UdpSocket {
  const { port = DNS_PORT, clock } = options
  const sock = sockets.udpBind(ns, { address, port })
  sock.onMessage((d) => {
    const q = decodeDns(d.payload)
    if (q?.kind !== 'query') return
    const respond = (answer: Awaited<ReturnType<DnsHandler>>): void => {
      if (!answer) return
      const reply: DnsResponse = { kind: 'response', id: q.id, question: q.question, ...answer.response }
      const send = (): void => sendDns(sock, d.from.address, d.from.port, reply)
      if (answer.delayMs && clock) clock.setTimer(answer.delayMs, send)
      else send()
    }
    // A synchronous handler answers at once (no microtask between the clock's events).
    const answer = handler(q, d.from)
    if (answer instanceof Promise) void answer.then(respond)
    else respond(answer)
  })
  return sock
}

/** The resolver's DnsClient over real UDP queries (what stack.ts gives every namespace). */
export function udpDnsClient(sockets: SocketApi, clock: VirtualClock, random: Prng): DnsClient {
  return {
    async query(ns, server, question, options = {}) {
      const o = await askServer(sockets, clock, random, ns, server, question, options.timeoutMs ?? RESOLV_DEFAULTS.timeoutMs)
      if (o.kind !== 'response') return { rcode: 'TIMEOUT' }
      const r = o.response
      if (r.rcode === 'NXDOMAIN') return { rcode: 'NXDOMAIN' }
      if (r.rcode !== 'NOERROR') return { rcode: 'TIMEOUT' }
      return { rcode: 'NOERROR', answers: r.answers.filter((a) => a.type === question.type).map((a) => a.data) }
    },
  }
}

/** A resolver that knows nothing: NXDOMAIN for every name (the host's upstream, for names of the simulation). */
export const nxdomainHandler: DnsHandler = () => ({ response: { rcode: 'NXDOMAIN', answers: [], authoritative: false } })
