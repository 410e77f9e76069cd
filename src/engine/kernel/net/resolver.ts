/**
 * Name resolution as glibc's getaddrinfo/getnameinfo do it for AF_INET with
 * `hosts: files dns` (nsswitch.conf(5)): a numeric address (anything
 * inet_aton(3) accepts), then /etc/hosts (hosts(5)), then DNS to the
 * nameservers of /etc/resolv.conf (resolv.conf(5)), each in turn with its
 * `options timeout:/attempts:` as res_send does. The transport is a
 * DnsClient: by default the namespace's own (real UDP queries through the
 * stack, dns.ts), which Docker's embedded DNS (127.0.0.11) and the LAN's
 * upstream resolver answer.
 */
import { formatIpv4, inetAton, parseIpv4, type Ipv4 } from '../../../lib/ipv4'
import type { FileSystem } from '../fs/fs'
import { parseResolvOptions, type DnsAnswer, type DnsClient, type DnsQuestion } from './dns'
import type { NetNamespace } from './types'

export type ResolveError = 'EAI_NONAME' | 'EAI_AGAIN'
export type ResolveResult =
  | { readonly ok: true; readonly address: Ipv4; readonly canonicalName: string }
  | { readonly ok: false; readonly error: ResolveError }

export type { DnsAnswer, DnsClient, DnsQuestion } from './dns'

/** The upstream resolver of the host's cloud: it knows no container names. */
export const UPSTREAM_NXDOMAIN: DnsClient = {
  query: () => Promise.resolve({ rcode: 'NXDOMAIN' }),
}

export interface ResolverOptions {
  readonly dns?: DnsClient
}

/** gai_strerror(3). */
export function gaiStrerror(error: ResolveError): string {
  return error === 'EAI_NONAME' ? 'Name or service not known' : 'Temporary failure in name resolution'
}

interface HostsEntry {
  readonly address: Ipv4
  readonly names: readonly string[]
}

function readText(fs: FileSystem, path: string): string | undefined {
  try {
    return fs.readFile(path)
  } catch {
    return undefined
  }
}

/** /etc/hosts: `ADDRESS NAME [ALIAS…]`, fields split by tabs or spaces, `#` starts a comment; IPv6 lines are skipped for AF_INET. */
export function parseHosts(text: string): HostsEntry[] {
  const out: HostsEntry[] = []
  for (const raw of text.split('\n')) {
    const fields = raw.replace(/#.*/, '').trim().split(/[ \t]+/).filter(Boolean)
    if (fields.length < 2) continue
    const address = parseIpv4(fields[0]!)
    if (address === undefined) continue
    out.push({ address, names: fields.slice(1) })
  }
  return out
}

/** The `nameserver` lines of /etc/resolv.conf (glibc falls back to 127.0.0.1 without one). */
export function nameservers(fs: FileSystem): Ipv4[] {
  const text = readText(fs, '/etc/resolv.conf') ?? ''
  const servers = text
    .split('\n')
    .map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1])
    .map((s) => (s === undefined ? undefined : parseIpv4(s)))
    .filter((s): s is Ipv4 => s !== undefined)
  return servers.length > 0 ? servers.slice(0, 3) : [parseIpv4('127.0.0.1')!]
}

/** getaddrinfo(name, AF_INET, AI_CANONNAME) for the first address. */
export async function resolveHost(fs: FileSystem, net: NetNamespace, name: string, options: ResolverOptions = {}): Promise<ResolveResult> {
  const numeric = inetAton(name)
  if (numeric !== undefined) return { ok: true, address: numeric, canonicalName: name }
  if (name === '') return { ok: false, error: 'EAI_NONAME' }
  const wanted = name.replace(/\.$/, '').toLowerCase()
  for (const entry of parseHosts(readText(fs, '/etc/hosts') ?? '')) {
    if (entry.names.some((n) => n.toLowerCase() === wanted)) return { ok: true, address: entry.address, canonicalName: entry.names[0]! }
  }
  const answer = await askNameservers(fs, net, { name: wanted, type: 'A' }, options)
  if (!answer) return { ok: false, error: 'EAI_AGAIN' }
  if (answer.rcode !== 'NOERROR') return { ok: false, error: 'EAI_NONAME' }
  const address = answer.answers.map((a) => parseIpv4(a)).find((a) => a !== undefined)
  if (address === undefined) return { ok: false, error: 'EAI_NONAME' }
  return { ok: true, address, canonicalName: name }
}

/** The transport: the caller's, else the namespace's own (UDP through the stack), else a resolver that knows no names. */
function clientFor(net: NetNamespace, options: ResolverOptions): DnsClient {
  return options.dns ?? net.dns ?? UPSTREAM_NXDOMAIN
}

/**
 * res_send: each nameserver in turn for `attempts` rounds; server i (from
 * 0) waits `timeout << i`, divided by the number of servers when i > 0
 * (send_dg). The first answer ends it; undefined when all timed out.
 */
export async function askNameservers(fs: FileSystem, net: NetNamespace, question: DnsQuestion, options: ResolverOptions = {}): Promise<Exclude<DnsAnswer, { rcode: 'TIMEOUT' }> | undefined> {
  const dns = clientFor(net, options)
  const servers = nameservers(fs)
  const { timeoutMs, attempts } = parseResolvOptions(readText(fs, '/etc/resolv.conf') ?? '')
  for (let round = 0; round < attempts; round++) {
    for (const [i, server] of servers.entries()) {
      let wait = timeoutMs << i
      if (i > 0) wait = Math.floor(wait / servers.length)
      const answer = await dns.query(net, server, question, { timeoutMs: wait })
      if (answer.rcode !== 'TIMEOUT') return answer
    }
  }
  return undefined
}

/** getnameinfo(NI_NAMEREQD-less): the hosts-file name, else a PTR answer, else undefined (the caller prints the number). */
export async function reverseLookup(fs: FileSystem, net: NetNamespace, address: Ipv4, options: ResolverOptions = {}): Promise<string | undefined> {
  const entry = parseHosts(readText(fs, '/etc/hosts') ?? '').find((e) => e.address === address)
  if (entry) return entry.names[0]
  const ptr = formatIpv4(address).split('.').reverse().join('.') + '.in-addr.arpa'
  const answer = await askNameservers(fs, net, { name: ptr, type: 'PTR' }, options)
  return answer?.rcode === 'NOERROR' ? answer.answers[0] : undefined
}
