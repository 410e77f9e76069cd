/** busybox 1.35 `nslookup [-type=T] [-timeout=N] [-retry=N] HOST [SERVER]` (FEATURE_NSLOOKUP_BIG). */
import type { DnsType } from '../../kernel/net/dns'

export interface NslookupOptions {
  readonly host: string
  readonly server?: string
  readonly types: readonly DnsType[]
  readonly timeoutMs: number
}

export type NslookupParse = { readonly ok: true; readonly options: NslookupOptions } | { readonly ok: false; readonly stderr: string; readonly exitCode: number }

export const USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`

export function parseNslookup(argv: readonly string[]): NslookupParse {
  const args = argv.slice(1)
  const types: DnsType[] = []
  let timeoutMs = 5000
  while (args[0]?.startsWith('-')) {
    const [name, value = ''] = args.shift()!.slice(1).split('=') as [string, string?]
    if (name === 'type' || name === 'querytype' || name === 'q') {
      const t = value.toUpperCase()
      if (t !== 'A' && t !== 'AAAA' && t !== 'PTR') return { ok: false, stderr: `nslookup: invalid query type "${value}"\n`, exitCode: 1 }
      types.push(t)
    } else if (name === 'timeout' || name === 't') timeoutMs = Number(value) * 1000
    else if (name !== 'debug' && name !== 'retry' && name !== 'port') return { ok: false, stderr: USAGE, exitCode: 1 }
  }
  const host = args[0]
  if (host === undefined || args.length > 2) return { ok: false, stderr: USAGE, exitCode: 1 }
  return { ok: true, options: { host, ...(args[1] !== undefined ? { server: args[1] } : {}), types, timeoutMs } }
}
