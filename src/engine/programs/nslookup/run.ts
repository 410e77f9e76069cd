/**
 * busybox nslookup: A and AAAA queries (PTR for an address) to each
 * server in turn (the given one, else resolv.conf's, else 127.0.0.1); the
 * replies of one server are printed as they arrive; the next server is
 * tried only when none answered within the timeout.
 */
import { formatIpv4, parseIpv4, type Ipv4 } from '../../../lib/ipv4'
import { askServer, type DnsQuestionRecord } from '../../kernel/net/dns'
import { nameservers } from '../../kernel/net/resolver'
import type { ProgramContext } from '../../shell/runtime'
import * as fmt from './format'
import type { NslookupOptions } from './parse'

export async function runNslookup(ctx: ProgramContext, o: NslookupOptions): Promise<number> {
  const { proc, kernel } = ctx
  const { fs, net } = proc.sandbox
  const ip = parseIpv4(o.host)
  const questions: DnsQuestionRecord[] =
    o.types.length > 0
      ? o.types.map((type) => ({ name: o.host, type }))
      : ip !== undefined
        ? [{ name: `${formatIpv4(ip).split('.').reverse().join('.')}.in-addr.arpa`, type: 'PTR' }]
        : [
            { name: o.host, type: 'A' },
            { name: o.host, type: 'AAAA' },
          ]
  const servers: { name: string; address: Ipv4 }[] =
    o.server !== undefined ? [{ name: o.server, address: parseIpv4(o.server) ?? 0 }] : nameservers(fs).map((a) => ({ name: formatIpv4(a), address: a }))
  const answered = new Set<number>()
  for (const server of servers) {
    let replies = 0
    await proc.waitFor(
      Promise.all(
        questions.map(async (q, i) => {
          const outcome = await askServer(kernel.net.sockets, kernel.clock, kernel.random, net, server.address, q, o.timeoutMs)
          if (outcome.kind !== 'response' || answered.has(i)) return
          if (replies++ === 0) proc.out(fmt.serverHeader(server.name, formatIpv4(server.address)))
          answered.add(i)
          proc.out(fmt.formatReply(outcome.response))
        }),
      ),
    )
    if (replies > 0) break
    if (server === servers[servers.length - 1]) {
      proc.out(fmt.noServers)
      return 1
    }
  }
  const missing = questions.filter((_, i) => !answered.has(i))
  if (missing.length > 0) proc.out(missing.map((q) => fmt.noAnswer(q.name)).join('') + '\n')
  return 0
}
