/**
 * Docker's netfilter rules in the host namespace, programmed the way
 * libnetwork 20.10's bridge driver does (drivers/bridge/setup_ip_tables.go,
 * link.go, iptables.go): at start the DOCKER, DOCKER-ISOLATION-STAGE-1/2
 * and DOCKER-USER chains with FORWARD policy DROP; per bridge network the
 * FORWARD accepts, the isolation pair, the nat RETURN and MASQUERADE, each
 * inserted at the top so the newest network comes first (then the
 * DOCKER-USER and STAGE-1 jumps are moved back above them); per published
 * port a DNAT in nat DOCKER, an ACCEPT in filter DOCKER and the hairpin
 * MASQUERADE. Everything goes through the kernel's IptablesApi; when the
 * stack has none yet, nothing is programmed.
 */
import type { IptablesApi, RuleSpec, TableName } from '../kernel/net/iptables-types'

const ISO1 = 'DOCKER-ISOLATION-STAGE-1'
const ISO2 = 'DOCKER-ISOLATION-STAGE-2'
const USER = 'DOCKER-USER'
const jump = (chain: string): RuleSpec['target'] => ({ kind: 'jump', chain })

export interface BridgeRulesConfig {
  readonly bridge: string
  /** CIDR text of the network's subnet. */
  readonly subnet: string
  readonly internal: boolean
  /** com.docker.network.bridge.enable_icc (default true). */
  readonly icc: boolean
  /** com.docker.network.bridge.enable_ip_masquerade (default true). */
  readonly masquerade: boolean
}

export interface PortRule {
  readonly bridge: string
  readonly protocol: 'tcp' | 'udp'
  /** '' or 0.0.0.0 for all addresses. */
  readonly hostIp: string
  readonly hostPort: number
  readonly containerIp: string
  readonly containerPort: number
}

interface Placed {
  readonly table: TableName
  readonly chain: string
  readonly rule: RuleSpec
}

export class DockerIptables {
  private readonly networks = new Map<string, Placed[]>()
  private readonly ports = new Map<string, Placed[]>()

  constructor(private readonly api: IptablesApi | undefined) {}

  /** What dockerd does once at start (setupIPChains, arrangeUserFilterRule). */
  init(): void {
    const api = this.api
    if (!api) return
    api.newChain('nat', 'DOCKER')
    api.newChain('filter', 'DOCKER')
    api.newChain('filter', ISO1)
    api.newChain('filter', ISO2)
    api.append('filter', ISO1, { target: { kind: 'RETURN' } })
    api.append('filter', ISO2, { target: { kind: 'RETURN' } })
    api.append('nat', 'PREROUTING', { dstTypeLocal: {}, target: jump('DOCKER') })
    api.append('nat', 'OUTPUT', { destination: { cidr: '127.0.0.0/8', negate: true }, dstTypeLocal: {}, target: jump('DOCKER') })
    api.setPolicy('filter', 'FORWARD', 'DROP')
    api.newChain('filter', USER)
    api.append('filter', USER, { target: { kind: 'RETURN' } })
  }

  /** FORWARD must start with the DOCKER-USER jump, then the STAGE-1 jump (ensureJumpRule). */
  private arrangeJumps(): void {
    const api = this.api!
    for (const chain of [ISO1, USER]) {
      const rule: RuleSpec = { target: jump(chain) }
      api.delete('filter', 'FORWARD', rule)
      api.insert('filter', 'FORWARD', rule, 1)
    }
  }

  private insertAll(placed: readonly Placed[]): void {
    const api = this.api!
    // A block inserted at the top keeps its own order: insert it backwards.
    for (const p of [...placed].reverse()) api.insert(p.table, p.chain, p.rule, 1)
  }

  addNetwork(key: string, c: BridgeRulesConfig): void {
    if (!this.api) return
    const br = c.bridge
    const forward: Placed[] = []
    const f = (rule: RuleSpec): void => void forward.push({ table: 'filter', chain: 'FORWARD', rule })
    if (!c.internal) {
      f({ outInterface: { name: br }, ctstate: ['RELATED', 'ESTABLISHED'], target: { kind: 'ACCEPT' } })
      f({ outInterface: { name: br }, target: jump('DOCKER') })
      f({ inInterface: { name: br }, outInterface: { name: br, negate: true }, target: { kind: 'ACCEPT' } })
    }
    f({ inInterface: { name: br }, outInterface: { name: br }, target: { kind: c.icc ? 'ACCEPT' : 'DROP' } })
    const isolation: Placed[] = c.internal
      ? [
          { table: 'filter', chain: ISO1, rule: { source: { cidr: c.subnet, negate: true }, outInterface: { name: br }, target: { kind: 'DROP' } } },
          { table: 'filter', chain: ISO1, rule: { inInterface: { name: br }, destination: { cidr: c.subnet, negate: true }, target: { kind: 'DROP' } } },
        ]
      : [
          { table: 'filter', chain: ISO1, rule: { inInterface: { name: br }, outInterface: { name: br, negate: true }, target: jump(ISO2) } },
          { table: 'filter', chain: ISO2, rule: { outInterface: { name: br }, target: { kind: 'DROP' } } },
        ]
    const nat: Placed[] = []
    if (!c.internal && c.masquerade) nat.push({ table: 'nat', chain: 'POSTROUTING', rule: { source: { cidr: c.subnet }, outInterface: { name: br, negate: true }, target: { kind: 'MASQUERADE' } } })
    if (!c.internal) nat.push({ table: 'nat', chain: 'DOCKER', rule: { inInterface: { name: br }, target: { kind: 'RETURN' } } })
    this.insertAll(forward)
    for (const p of [...nat, ...isolation]) this.api.insert(p.table, p.chain, p.rule, 1)
    this.arrangeJumps()
    this.networks.set(key, [...forward, ...nat, ...isolation])
  }

  removeNetwork(key: string): void {
    const placed = this.networks.get(key)
    if (!placed || !this.api) return
    for (const p of placed) this.api.delete(p.table, p.chain, p.rule)
    this.networks.delete(key)
  }

  /** One published port of one endpoint (bridge driver `setPerPortIptables`). */
  addPort(owner: string, p: PortRule): void {
    if (!this.api) return
    const proto = p.protocol
    const anyHost = p.hostIp === '' || p.hostIp === '0.0.0.0'
    const placed: Placed[] = [
      {
        table: 'nat',
        chain: 'DOCKER',
        rule: {
          ...(anyHost ? {} : { destination: { cidr: `${p.hostIp}/32` } }),
          inInterface: { name: p.bridge, negate: true },
          protocol: proto,
          destinationPort: p.hostPort,
          target: { kind: 'DNAT', toAddress: p.containerIp, toPort: p.containerPort },
        },
      },
      {
        table: 'filter',
        chain: 'DOCKER',
        rule: { destination: { cidr: `${p.containerIp}/32` }, inInterface: { name: p.bridge, negate: true }, outInterface: { name: p.bridge }, protocol: proto, destinationPort: p.containerPort, target: { kind: 'ACCEPT' } },
      },
      {
        table: 'nat',
        chain: 'POSTROUTING',
        rule: { source: { cidr: `${p.containerIp}/32` }, destination: { cidr: `${p.containerIp}/32` }, protocol: proto, destinationPort: p.containerPort, target: { kind: 'MASQUERADE' } },
      },
    ]
    for (const x of placed) this.api.append(x.table, x.chain, x.rule)
    this.ports.set(owner, [...(this.ports.get(owner) ?? []), ...placed])
  }

  removePorts(owner: string): void {
    const placed = this.ports.get(owner)
    if (!placed || !this.api) return
    for (const p of placed) this.api.delete(p.table, p.chain, p.rule)
    this.ports.delete(owner)
  }
}
