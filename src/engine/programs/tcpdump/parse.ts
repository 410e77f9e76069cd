/** tcpdump 4.99 command line: -i IFACE, -n, -c COUNT, -e, and one filter primitive (icmp, arp, udp, tcp, port N, host ADDR). */
export type Filter =
  | { readonly kind: 'all' }
  | { readonly kind: 'icmp' | 'arp' | 'udp' | 'tcp' | 'ip' }
  | { readonly kind: 'port'; readonly port: number }
  | { readonly kind: 'host'; readonly host: string }

export interface TcpdumpOptions {
  readonly iface?: string
  readonly numeric: boolean
  readonly count?: number
  readonly link: boolean
  readonly filter: Filter
}

export type TcpdumpParse = { readonly ok: true; readonly options: TcpdumpOptions } | { readonly ok: false; readonly stderr: string; readonly exitCode: number }

export function parseTcpdump(argv: readonly string[]): TcpdumpParse {
  const args = argv.slice(1)
  let iface: string | undefined
  let numeric = false
  let count: number | undefined
  let link = false
  const words: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-i') iface = args[++i]
    else if (a.startsWith('-i') && a.length > 2) iface = a.slice(2)
    else if (a === '-n' || a === '-nn') numeric = true
    else if (a === '-e') link = true
    else if (a === '-c') count = Number(args[++i])
    else if (a.startsWith('-')) return { ok: false, stderr: `tcpdump: invalid option -- '${a.slice(1, 2)}'\n`, exitCode: 1 }
    else words.push(a)
  }
  const expr = words.join(' ')
  let filter: Filter
  if (expr === '') filter = { kind: 'all' }
  else if (/^(icmp|arp|udp|tcp|ip)$/.test(expr)) filter = { kind: expr as 'icmp' }
  else if (/^port \d+$/.test(expr)) filter = { kind: 'port', port: Number(expr.slice(5)) }
  else if (/^host \S+$/.test(expr)) filter = { kind: 'host', host: expr.slice(5) }
  else return { ok: false, stderr: `tcpdump: can't parse filter expression: syntax error\n`, exitCode: 1 }
  return { ok: true, options: { ...(iface !== undefined ? { iface } : {}), numeric, ...(count !== undefined ? { count } : {}), link, filter } }
}
