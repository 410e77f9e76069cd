/**
 * The iptables model's contract (issue 4): tables of chains of rules, as
 * iptables(8) and iptables-extensions(8) describe them, consulted by the
 * stack at the netfilter hooks. The kernel provides the machinery
 * (`NetNamespace.iptables`); the Docker daemon installs its chains
 * (DOCKER, DOCKER-USER, DOCKER-ISOLATION-STAGE-1/2, DNAT, MASQUERADE)
 * through it in the order libnetwork does, and `iptables -L/-S` lists them.
 */
export type TableName = 'filter' | 'nat'

/** A built-in chain's policy, or where a rule sends the packet. */
export type Target =
  | { readonly kind: 'ACCEPT' }
  | { readonly kind: 'DROP' }
  | { readonly kind: 'RETURN' }
  | { readonly kind: 'jump'; readonly chain: string }
  /** `-j DNAT --to-destination ip[:port]` */
  | { readonly kind: 'DNAT'; readonly toAddress: string; readonly toPort?: number }
  | { readonly kind: 'MASQUERADE' }

export interface RuleSpec {
  /** `-i docker0`, `! -i docker0` → { name: 'docker0', negate: true } */
  readonly inInterface?: { readonly name: string; readonly negate?: boolean }
  readonly outInterface?: { readonly name: string; readonly negate?: boolean }
  /** CIDR text, e.g. `172.18.0.0/16`. */
  readonly source?: { readonly cidr: string; readonly negate?: boolean }
  readonly destination?: { readonly cidr: string; readonly negate?: boolean }
  readonly protocol?: 'tcp' | 'udp' | 'icmp'
  readonly destinationPort?: number
  /** `-m conntrack --ctstate RELATED,ESTABLISHED` */
  readonly ctstate?: readonly ('NEW' | 'RELATED' | 'ESTABLISHED')[]
  /** `-m addrtype --dst-type LOCAL` */
  readonly dstTypeLocal?: { readonly negate?: boolean }
  readonly target: Target
}

export interface ChainView {
  readonly name: string
  /** Built-in chains have a policy; user chains do not. */
  readonly policy?: 'ACCEPT' | 'DROP'
  readonly rules: readonly RuleSpec[]
  /** Packet/byte counters per rule (`iptables -L -v`), same order as `rules`. */
  readonly counters: readonly { readonly packets: number; readonly bytes: number }[]
  /** Built-in chains: packets that fell through to the policy (`policy DROP 3 packets, 252 bytes`). */
  readonly policyCounter?: { readonly packets: number; readonly bytes: number }
  /** User chains: how many rules jump here (`Chain DOCKER (2 references)`). */
  readonly references?: number
}

/** What `iptables` (and the daemon) can do to one namespace's tables. Errors use iptables' own messages. */
export interface IptablesApi {
  newChain(table: TableName, chain: string): void
  deleteChain(table: TableName, chain: string): void
  setPolicy(table: TableName, chain: string, policy: 'ACCEPT' | 'DROP'): void
  append(table: TableName, chain: string, rule: RuleSpec): void
  /** `-I chain [position]`, 1-based; default 1. */
  insert(table: TableName, chain: string, rule: RuleSpec, position?: number): void
  /** Deletes the first rule equal to `rule`; false when none matches. */
  delete(table: TableName, chain: string, rule: RuleSpec): boolean
  flush(table: TableName, chain?: string): void
  chains(table: TableName): readonly ChainView[]
  /** `-D chain N`, 1-based; false when there is no rule N. */
  deleteAt(table: TableName, chain: string, position: number): boolean
  /** `-Z [chain]`: zero the packet and byte counters. */
  zero(table: TableName, chain?: string): void
}
