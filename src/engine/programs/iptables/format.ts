/**
 * iptables' listings, as iptables v1.8.9 (legacy) prints them
 * (iptables.c print_header / print_firewall, xtables_print_num, and the
 * print/save functions of the conntrack, addrtype, tcp/udp, DNAT and
 * MASQUERADE extensions). Names: `anywhere`, hosts-file names for /32
 * addresses and /etc/networks names for networks unless -n.
 */
import type { ChainView, RuleSpec } from '../../kernel/net/iptables-types'

export interface ListFormat {
  readonly numeric: boolean
  readonly verbose: boolean
  readonly exact: boolean
  readonly lineNumbers: boolean
  /** Address → name (hosts file, networks file) for the non-numeric form. */
  readonly nameOf: (address: string, prefixLength: number) => string | undefined
}

/** Port names of /etc/services (netbase) for the ports Docker's rules use. */
const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 8080: 'http-alt' }

function num(n: number, f: ListFormat): string {
  if (f.exact) return `${n}`.padStart(8) + ' '
  if (n <= 99999) return `${n}`.padStart(5) + ' '
  let v = Math.floor((n + 500) / 1000)
  for (const unit of ['K', 'M', 'G', 'T']) {
    if (v <= 9999) return `${v}`.padStart(4) + unit + ' '
    v = Math.floor((v + 500) / 1000)
  }
  return `${v}`.padStart(4) + 'T '
}

function address(cidr: string | undefined, f: ListFormat): string {
  if (cidr === undefined) return f.numeric ? '0.0.0.0/0' : 'anywhere'
  const [addr, len] = cidr.split('/') as [string, string]
  const prefix = Number(len)
  if (prefix === 0) return f.numeric ? '0.0.0.0/0' : 'anywhere'
  const name = f.numeric ? undefined : f.nameOf(addr, prefix)
  const text = name ?? addr
  return prefix === 32 ? text : `${text}/${prefix}`
}

function port(p: number, f: ListFormat): string {
  return f.numeric ? `${p}` : (SERVICES[p] ?? `${p}`)
}

function targetName(r: RuleSpec): string {
  return r.target.kind === 'jump' ? r.target.chain : r.target.kind
}

function matches(r: RuleSpec, f: ListFormat): string {
  let s = ''
  if (r.ctstate) s += ` ctstate ${['NEW', 'RELATED', 'ESTABLISHED'].filter((x) => r.ctstate!.includes(x as 'NEW')).join(',')}`
  if (r.dstTypeLocal) s += ` ADDRTYPE match dst-type ${r.dstTypeLocal.negate ? '!' : ''}LOCAL`
  if (r.protocol === 'tcp' || r.protocol === 'udp') s += ` ${r.protocol}${r.destinationPort !== undefined ? ` dpt:${port(r.destinationPort, f)}` : ''}`
  const t = r.target
  if (t.kind === 'DNAT') s += ` to:${t.toAddress}${t.toPort !== undefined ? `:${t.toPort}` : ''}`
  return s
}

function iface(spec: RuleSpec['inInterface'], f: ListFormat): string {
  if (!spec) return f.numeric ? '*' : 'any'
  return `${spec.negate ? '!' : ''}${spec.name}`
}

function header(c: ChainView, f: ListFormat): string {
  let line = `Chain ${c.name}`
  if (c.policy) line += ` (policy ${c.policy}${f.verbose ? ` ${c.policyCounter?.packets ?? 0} packets, ${c.policyCounter?.bytes ?? 0} bytes` : ''})`
  else line += ` (${c.references ?? 0} references)`
  let cols = ''
  if (f.lineNumbers) cols += 'num  '
  if (f.verbose) cols += f.exact ? `${'pkts'.padStart(8)} ${'bytes'.padStart(10)} ` : ' pkts bytes '
  cols += 'target    ' + ' prot ' + 'opt'
  if (f.verbose) cols += ' in     out    '
  cols += ` ${'source'.padEnd(19)} ` + ` ${'destination'.padEnd(19)} `
  return `${line}\n${cols}\n`
}

function ruleLine(r: RuleSpec, i: number, counter: { packets: number; bytes: number }, f: ListFormat): string {
  let s = ''
  if (f.lineNumbers) s += `${i + 1}`.padEnd(4) + ' '
  if (f.verbose) s += f.exact ? `${counter.packets}`.padStart(8) + ' ' + `${counter.bytes}`.padStart(10) + ' ' : num(counter.packets, f) + num(counter.bytes, f)
  s += targetName(r).padEnd(9) + ' '
  s += ' ' + (r.protocol ?? 'all').padEnd(5)
  s += '-- '
  if (f.verbose) s += ` ${iface(r.inInterface, f).padEnd(6)} ${iface(r.outInterface, f).padEnd(6)} `
  s += (r.source?.negate ? '!' : ' ') + address(r.source?.cidr, f).padEnd(19) + ' '
  s += (r.destination?.negate ? '!' : ' ') + address(r.destination?.cidr, f).padEnd(19) + ' '
  return s + matches(r, f) + '\n'
}

/** `iptables -L`: each chain's header, column line and rules, chains separated by an empty line. */
export function formatList(chains: readonly ChainView[], f: ListFormat): string {
  return chains.map((c) => header(c, f) + c.rules.map((r, i) => ruleLine(r, i, c.counters[i]!, f)).join('')).join('\n')
}

const neg = (n?: boolean) => (n ? '! ' : '')

/** One rule in iptables-save form: -s -d -i -o -p, then the matches, then -j. */
export function saveRule(chain: string, r: RuleSpec): string {
  const parts = [`-A ${chain}`]
  if (r.source) parts.push(`${neg(r.source.negate)}-s ${r.source.cidr}`)
  if (r.destination) parts.push(`${neg(r.destination.negate)}-d ${r.destination.cidr}`)
  if (r.inInterface) parts.push(`${neg(r.inInterface.negate)}-i ${r.inInterface.name}`)
  if (r.outInterface) parts.push(`${neg(r.outInterface.negate)}-o ${r.outInterface.name}`)
  if (r.protocol) parts.push(`-p ${r.protocol}`)
  if (r.ctstate) parts.push(`-m conntrack --ctstate ${['NEW', 'RELATED', 'ESTABLISHED'].filter((x) => r.ctstate!.includes(x as 'NEW')).join(',')}`)
  if (r.dstTypeLocal) parts.push(`-m addrtype ${neg(r.dstTypeLocal.negate)}--dst-type LOCAL`)
  if (r.protocol === 'tcp' || r.protocol === 'udp') parts.push(`-m ${r.protocol}${r.destinationPort !== undefined ? ` --dport ${r.destinationPort}` : ''}`)
  const t = r.target
  parts.push(`-j ${targetName(r)}`)
  if (t.kind === 'DNAT') parts.push(`--to-destination ${t.toAddress}${t.toPort !== undefined ? `:${t.toPort}` : ''}`)
  return parts.join(' ') + '\n'
}

/** `iptables -S [CHAIN]`: the chains' -P/-N lines, then every rule. */
export function formatSave(chains: readonly ChainView[]): string {
  const decl = chains.map((c) => (c.policy ? `-P ${c.name} ${c.policy}\n` : `-N ${c.name}\n`)).join('')
  return decl + chains.map((c) => c.rules.map((r) => saveRule(c.name, r)).join('')).join('')
}
