/**
 * The iptables tables of one namespace (net/ipv4/netfilter/ip_tables.c as
 * iptables(8) and iptables-extensions(8) describe it): `filter` and `nat`,
 * built-in chains with policies, user chains, jumps and RETURN, per-rule
 * packet and byte counters. `traverse` walks one table's chain for one
 * packet at one hook and says what was decided and where; netfilter.ts
 * calls it at the hooks and conntrack applies the NAT it returns. Errors
 * carry the messages iptables prints.
 */
import { cidrContains, parseCidr } from '../../../lib/ipv4'
import type { ChainView, IptablesApi, RuleSpec, TableName, Target } from './iptables-types'

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING'

const BUILTIN: Record<TableName, readonly Hook[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
}

/** An error as iptables reports it: the message (without the program name) and its exit status. */
export class IptablesError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

const NO_CHAIN = 'No chain/target/match by that name.'

interface Counter {
  packets: number
  bytes: number
}
interface Chain {
  readonly name: string
  policy?: 'ACCEPT' | 'DROP'
  readonly policyCounter: Counter
  rules: { spec: RuleSpec; counter: Counter }[]
}

/** What the walk needs to know about the packet. */
export interface MatchContext {
  readonly src: number
  readonly dst: number
  readonly protocol: 'icmp' | 'udp' | 'tcp'
  readonly dstPort?: number
  readonly inDev?: string
  readonly outDev?: string
  readonly ctstate: 'NEW' | 'ESTABLISHED' | 'RELATED'
  readonly dstLocal: boolean
  readonly bytes: number
}

/** Where a verdict was reached: `rule` is 1-based within `chain`; no rule means the chain's policy. */
export interface VerdictSite {
  readonly table: TableName
  readonly chain: string
  readonly rule?: number
}

export type Verdict =
  | { readonly kind: 'ACCEPT' | 'DROP'; readonly site: VerdictSite }
  | { readonly kind: 'DNAT'; readonly toAddress: string; readonly toPort?: number; readonly site: VerdictSite }
  | { readonly kind: 'MASQUERADE'; readonly site: VerdictSite }

/** xt_physdev-less interface match: `docker0`, or a `+` wildcard prefix (`veth+`). */
function ifaceMatches(pattern: string, name: string | undefined): boolean {
  if (name === undefined) return false
  return pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : name === pattern
}

function negatable(match: boolean, negate: boolean | undefined): boolean {
  return negate ? !match : match
}

export function ruleMatches(r: RuleSpec, m: MatchContext): boolean {
  if (r.inInterface && !negatable(ifaceMatches(r.inInterface.name, m.inDev), r.inInterface.negate)) return false
  if (r.outInterface && !negatable(ifaceMatches(r.outInterface.name, m.outDev), r.outInterface.negate)) return false
  if (r.source && !negatable(cidrContains(parseCidr(r.source.cidr)!, m.src), r.source.negate)) return false
  if (r.destination && !negatable(cidrContains(parseCidr(r.destination.cidr)!, m.dst), r.destination.negate)) return false
  if (r.protocol && r.protocol !== m.protocol) return false
  if (r.destinationPort !== undefined && r.destinationPort !== m.dstPort) return false
  if (r.ctstate && !r.ctstate.includes(m.ctstate)) return false
  if (r.dstTypeLocal && !negatable(m.dstLocal, r.dstTypeLocal.negate)) return false
  return true
}

function sameTarget(a: Target, b: Target): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Rule equality as `iptables -D` with a rule spec compares (all matches and the target). */
export function sameRule(a: RuleSpec, b: RuleSpec): boolean {
  const { target: ta, ...ma } = a
  const { target: tb, ...mb } = b
  return sameTarget(ta, tb) && JSON.stringify(canonical(ma)) === JSON.stringify(canonical(mb))
}

function canonical(o: object): [string, unknown][] {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
}

const MAX_DEPTH = 64

export class Iptables implements IptablesApi {
  private readonly tables: Record<TableName, Map<string, Chain>> = { filter: new Map(), nat: new Map() }

  constructor() {
    for (const table of ['filter', 'nat'] as const) {
      for (const name of BUILTIN[table]) this.tables[table].set(name, { name, policy: 'ACCEPT', policyCounter: { packets: 0, bytes: 0 }, rules: [] })
    }
  }

  private chain(table: TableName, name: string): Chain {
    const c = this.tables[table].get(name)
    if (!c) throw new IptablesError(NO_CHAIN)
    return c
  }

  private checkRule(table: TableName, rule: RuleSpec): void {
    const t = rule.target
    if (t.kind === 'jump') {
      if (!this.tables[table].has(t.chain) || BUILTIN[table].includes(t.chain as Hook)) throw new IptablesError(NO_CHAIN)
    }
    if ((t.kind === 'DNAT' || t.kind === 'MASQUERADE') && table !== 'nat') throw new IptablesError("Invalid argument. Run `dmesg' for more information.")
    if (rule.destinationPort !== undefined && rule.protocol !== 'tcp' && rule.protocol !== 'udp') {
      throw new IptablesError('unknown option "--dport"', 2)
    }
  }

  newChain(table: TableName, chain: string): void {
    if (this.tables[table].has(chain)) throw new IptablesError('Chain already exists.')
    this.tables[table].set(chain, { name: chain, policyCounter: { packets: 0, bytes: 0 }, rules: [] })
  }

  deleteChain(table: TableName, chain: string): void {
    const c = this.chain(table, chain)
    if (c.policy) throw new IptablesError('Invalid argument.')
    if (this.references(table, chain) > 0) throw new IptablesError('Too many links.')
    if (c.rules.length > 0) throw new IptablesError('Directory not empty.')
    this.tables[table].delete(chain)
  }

  setPolicy(table: TableName, chain: string, policy: 'ACCEPT' | 'DROP'): void {
    const c = this.tables[table].get(chain)
    if (!c || !c.policy) throw new IptablesError('Bad built-in chain name.')
    c.policy = policy
  }

  append(table: TableName, chain: string, rule: RuleSpec): void {
    const c = this.chain(table, chain)
    this.checkRule(table, rule)
    c.rules.push({ spec: rule, counter: { packets: 0, bytes: 0 } })
  }

  insert(table: TableName, chain: string, rule: RuleSpec, position = 1): void {
    const c = this.chain(table, chain)
    this.checkRule(table, rule)
    if (position < 1 || position > c.rules.length + 1) throw new IptablesError('Index of insertion too big.')
    c.rules.splice(position - 1, 0, { spec: rule, counter: { packets: 0, bytes: 0 } })
  }

  delete(table: TableName, chain: string, rule: RuleSpec): boolean {
    const c = this.chain(table, chain)
    const i = c.rules.findIndex((r) => sameRule(r.spec, rule))
    if (i < 0) return false
    c.rules.splice(i, 1)
    return true
  }

  /** `-D chain N` (additive to the contract): false when there is no rule N. */
  deleteAt(table: TableName, chain: string, position: number): boolean {
    const c = this.chain(table, chain)
    if (position < 1 || position > c.rules.length) return false
    c.rules.splice(position - 1, 1)
    return true
  }

  flush(table: TableName, chain?: string): void {
    if (chain !== undefined) this.chain(table, chain).rules = []
    else for (const c of this.tables[table].values()) c.rules = []
  }

  /** `-Z`: zero the counters (additive to the contract). */
  zero(table: TableName, chain?: string): void {
    const chains = chain !== undefined ? [this.chain(table, chain)] : [...this.tables[table].values()]
    for (const c of chains) {
      c.policyCounter.packets = c.policyCounter.bytes = 0
      for (const r of c.rules) r.counter.packets = r.counter.bytes = 0
    }
  }

  /** How many rules jump to `chain` (`Chain DOCKER (2 references)`). */
  references(table: TableName, chain: string): number {
    let n = 0
    for (const c of this.tables[table].values()) for (const r of c.rules) if (r.spec.target.kind === 'jump' && r.spec.target.chain === chain) n++
    return n
  }

  chains(table: TableName): readonly ChainView[] {
    // Built-in chains first in kernel order, then user chains sorted by name (libiptc's order).
    const all = [...this.tables[table].values()]
    const builtin = BUILTIN[table].map((n) => this.tables[table].get(n)!)
    const user = all.filter((c) => !c.policy).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    return [...builtin, ...user].map((c) => ({
      name: c.name,
      ...(c.policy ? { policy: c.policy, policyCounter: { ...c.policyCounter } } : {}),
      references: c.policy ? undefined : this.references(table, c.name),
      rules: c.rules.map((r) => r.spec),
      counters: c.rules.map((r) => ({ ...r.counter })),
    }))
  }

  /** Walks built-in chain `hook` of `table` for one packet (ipt_do_table). */
  traverse(table: TableName, hook: Hook, m: MatchContext): Verdict {
    const start = this.tables[table].get(hook)
    if (!start) return { kind: 'ACCEPT', site: { table, chain: hook } }
    const result = this.walk(table, start, m, 0)
    if (result !== 'RETURN') return result
    start.policyCounter.packets++
    start.policyCounter.bytes += m.bytes
    return { kind: start.policy ?? 'ACCEPT', site: { table, chain: hook } }
  }

  private walk(table: TableName, chain: Chain, m: MatchContext, depth: number): Verdict | 'RETURN' {
    if (depth > MAX_DEPTH) return { kind: 'DROP', site: { table, chain: chain.name } }
    for (let i = 0; i < chain.rules.length; i++) {
      const { spec, counter } = chain.rules[i]!
      if (!ruleMatches(spec, m)) continue
      counter.packets++
      counter.bytes += m.bytes
      const site: VerdictSite = { table, chain: chain.name, rule: i + 1 }
      const t = spec.target
      switch (t.kind) {
        case 'ACCEPT':
        case 'DROP':
          return { kind: t.kind, site }
        case 'RETURN':
          return 'RETURN'
        case 'DNAT':
          return { kind: 'DNAT', toAddress: t.toAddress, ...(t.toPort !== undefined ? { toPort: t.toPort } : {}), site }
        case 'MASQUERADE':
          return { kind: 'MASQUERADE', site }
        case 'jump': {
          const next = this.tables[table].get(t.chain)
          if (!next) continue
          const r = this.walk(table, next, m, depth + 1)
          if (r !== 'RETURN') return r
        }
      }
    }
    return 'RETURN'
  }
}
