/**
 * The embedded DNS server (libnetwork resolver.go, sandbox_dns_unix.go):
 * every container on a user-defined network has a resolver listening on
 * UDP 127.0.0.11:53 inside its own namespace. It answers, scoped to the
 * networks that container is attached to (fact 16):
 *  - A for a container name, an alias (the short id is one), or
 *    `name.network`, from the endpoints of that network;
 *  - PTR for an endpoint's address as `name.network`;
 * and forwards every other question to the host's nameservers (the
 * `upstream` client), so an unknown name ends as NXDOMAIN.
 */
import { formatIpv4, parseIpv4, type Ipv4 } from '../../lib/ipv4'
import { serveDns, type DnsHandler, type DnsQuestionRecord } from '../kernel/net/dns'
import type { DnsAnswer, DnsClient } from '../kernel/net/resolver'
import type { UdpSocket } from '../kernel/net/sockets'
import type { NetNamespace, NetworkStack } from '../kernel/net/types'
import { isUserDefined, type Endpoint, type Network } from './network'

export const EMBEDDED_DNS_IP = '127.0.0.11'
/** libnetwork's resolver answers with a TTL of 600 s. */
const TTL = 600

/** `2.0.168.192.in-addr.arpa` → 192.168.0.2. */
export function ptrAddress(name: string): Ipv4 | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(name)
  return m ? parseIpv4(`${m[4]}.${m[3]}.${m[2]}.${m[1]}`) : undefined
}

export interface EmbeddedDnsDeps {
  readonly stack: NetworkStack
  /** Every network, in creation order. */
  readonly networks: () => readonly Network[]
  /** The host's resolvers, asked from the host's namespace for what the embedded server does not know. */
  readonly upstream: DnsClient
  /** The host's nameservers (its resolv.conf). */
  readonly hostNameservers: () => readonly Ipv4[]
}

export class EmbeddedDns {
  private readonly servers = new Map<string, UdpSocket>()

  constructor(private readonly d: EmbeddedDnsDeps) {}

  /** The user networks where `containerId` has an endpoint, in creation order. */
  private scopes(containerId: string): { net: Network; own: Endpoint }[] {
    return this.d.networks().flatMap((net) => {
      const own = net.endpoints.get(containerId)
      return own && isUserDefined(net) ? [{ net, own }] : []
    })
  }

  /** The answer the container's resolver gives without asking upstream; undefined means "forward it". */
  answerLocally(containerId: string, question: DnsQuestionRecord): DnsAnswer | undefined {
    const wanted = question.name.replace(/\.$/, '').toLowerCase()
    if (question.type === 'PTR') {
      const ip = ptrAddress(wanted)
      if (ip === undefined) return undefined
      for (const { net } of this.scopes(containerId)) {
        for (const ep of net.endpoints.values()) if (ep.ip === ip) return { rcode: 'NOERROR', answers: [`${ep.name}.${net.Name}`] }
      }
      return undefined
    }
    for (const { net, own } of this.scopes(containerId)) {
      const suffix = `.${net.Name.toLowerCase()}`
      const bare = wanted.endsWith(suffix) ? wanted.slice(0, -suffix.length) : wanted
      const short = own.links?.[bare] ?? bare
      const ips = [...net.endpoints.values()]
        .filter((ep) => ep.ip !== undefined && (ep.name.toLowerCase() === short || ep.aliases.some((a) => a.toLowerCase() === short)))
        .map((ep) => formatIpv4(ep.ip!))
      // A known name has no AAAA record (IPv6 is off): an empty NOERROR, not a forward.
      if (ips.length > 0) return { rcode: 'NOERROR', answers: question.type === 'A' ? ips : [] }
    }
    return undefined
  }

  /** Answers one question as the resolver of `containerId` would. */
  async answer(containerId: string, question: DnsQuestionRecord): Promise<DnsAnswer> {
    const local = this.answerLocally(containerId, question)
    if (local) return local
    for (const server of this.d.hostNameservers()) {
      const answer = await this.d.upstream.query(this.d.stack.host, server, question)
      if (answer.rcode !== 'TIMEOUT') return answer
    }
    return { rcode: 'TIMEOUT' }
  }

  /** Starts the container's resolver (sb.startResolver): a UDP server on 127.0.0.11:53 in its namespace. */
  start(containerId: string, ns: NetNamespace): void {
    if (this.servers.has(containerId)) return
    const handler: DnsHandler = async (query) => {
      const answer = await this.answer(containerId, query.question)
      // No upstream answered: SERVFAIL (the client moves on, as when it times out).
      if (answer.rcode === 'TIMEOUT') return { response: { rcode: 'SERVFAIL', answers: [], authoritative: false } }
      const answers = answer.rcode === 'NOERROR' ? answer.answers.map((data) => ({ name: query.question.name, type: query.question.type, ttl: TTL, data })) : []
      return { response: { rcode: answer.rcode, answers, authoritative: false } }
    }
    try {
      this.servers.set(containerId, serveDns(this.d.stack.sockets, ns, parseIpv4(EMBEDDED_DNS_IP)!, handler))
    } catch {
      // the port is taken in a shared namespace: that resolver answers
    }
  }

  stop(containerId: string): void {
    this.servers.get(containerId)?.close()
    this.servers.delete(containerId)
  }

  isRunning(containerId: string): boolean {
    return this.servers.has(containerId)
  }
}
