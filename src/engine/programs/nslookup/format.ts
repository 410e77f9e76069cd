/** busybox nslookup's output (send_queries, parse_reply). */
import type { DnsResponse } from '../../kernel/net/dns'

export const serverHeader = (name: string, address: string) => `Server:\t\t${name}\nAddress:\t${address}:53\n\n`

export function formatReply(r: DnsResponse): string {
  if (r.rcode !== 'NOERROR') return `** server can't find ${r.question.name}: ${r.rcode}\n\n`
  let s = r.authoritative ? '' : 'Non-authoritative answer:\n'
  for (const a of r.answers) s += a.type === 'PTR' ? `${a.name}\tname = ${a.data}\n` : `Name:\t${a.name}\nAddress: ${a.data}\n`
  return s + '\n'
}

export const noAnswer = (name: string) => `*** Can't find ${name}: No answer\n`
export const noServers = ';; connection timed out; no servers could be reached\n\n'
