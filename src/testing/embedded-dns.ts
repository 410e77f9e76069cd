/**
 * A stand-in for Docker's embedded DNS in tests of the name tools: a
 * server at 127.0.0.11:53 in a container that knows a table of names and
 * answers non-authoritatively, NOERROR with no records for AAAA of a known
 * name (an IPv4-only network), NXDOMAIN for the rest. The real server is
 * the daemon's (issue 4, Docker side). `aaaaFirst` answers the AAAA
 * question a moment before the A question, the order capture 052 shows.
 */
import { formatIpv4, parseIpv4 } from '../lib/ipv4'
import { serveDns } from '../engine/kernel/net/dns'
import type { ContainerNet, TestTopology } from './net-topology'

export function standInEmbeddedDns(t: TestTopology, c: ContainerNet, names: Record<string, string>, options: { aaaaFirst?: boolean } = {}): void {
  c.fs.writeFile('/etc/resolv.conf', 'nameserver 127.0.0.11\noptions ndots:0\n')
  const reverse = new Map(Object.entries(names).map(([n, a]) => [`${formatIpv4(parseIpv4(a)!).split('.').reverse().join('.')}.in-addr.arpa`, n]))
  serveDns(
    t.stack.sockets,
    c.ns,
    parseIpv4('127.0.0.11')!,
    (q) => {
      const { name, type } = q.question
      const miss = { response: { rcode: 'NXDOMAIN' as const, answers: [], authoritative: false } }
      if (type === 'PTR') {
        const n = reverse.get(name)
        return n ? { response: { rcode: 'NOERROR', answers: [{ name, type, ttl: 600, data: n }], authoritative: false } } : miss
      }
      const address = names[name]
      if (address === undefined) return miss
      if (type === 'AAAA') return { response: { rcode: 'NOERROR', answers: [], authoritative: false } }
      return { response: { rcode: 'NOERROR', answers: [{ name, type, ttl: 600, data: address }], authoritative: false }, ...(options.aaaaFirst ? { delayMs: 0.05 } : {}) }
    },
    { clock: t.clock },
  )
}
