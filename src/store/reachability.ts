/**
 * Who can reach whom, and why not: for each ordered pair of containers,
 * whether `ping <ip>` and `ping <name>` would work, from the records alone.
 * Pure, unit tested. The rules are Docker's (the tutorial's facts):
 *   - by IP: both running and sharing a network (different bridge networks
 *     are isolated by DOCKER-ISOLATION; `--network host` reaches every bridge
 *     through the host's routes);
 *   - by name: the name is in the source's /etc/hosts (`--link`, one way),
 *     or both are on a shared user-defined network (its embedded DNS at
 *     127.0.0.11); the default bridge has no DNS.
 */
import type { ContainerRecord, RecordId, WorldRecord } from '../protocol/records'

export type Reason = 'stopped' | 'no-network' | 'different-networks' | 'no-dns-default-bridge' | 'one-way-link' | 'no-dns'

export interface Verdict {
  readonly ok: boolean
  /** How it works when ok: the network used, or `link`/`dns`. */
  readonly via?: string
  /** The address used by IP. */
  readonly address?: string
  readonly reason?: Reason
}

export interface ReachCell {
  readonly from: RecordId
  readonly to: RecordId
  readonly byIp: Verdict
  readonly byName: Verdict
}

const DEFAULT_BRIDGE = 'bridge'

const nets = (c: ContainerRecord) => (c.networks ?? []).filter((n) => n.name !== 'host' && n.name !== 'none')

/** Names `c` is known by in another container's /etc/hosts (a `--link` alias or name). */
function hostsHas(hostsFile: string | undefined, name: string): boolean {
  if (!hostsFile) return false
  return hostsFile.split('\n').some((line) => {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/)
    return fields.length > 1 && fields.slice(1).includes(name)
  })
}

export function reach(a: ContainerRecord, b: ContainerRecord): ReachCell {
  const cell = (byIp: Verdict, byName: Verdict): ReachCell => ({ from: a.id, to: b.id, byIp, byName })
  if (a.state !== 'running' || b.state !== 'running') {
    const v: Verdict = { ok: false, reason: 'stopped' }
    return cell(v, v)
  }
  if (a.networkMode === 'none' || b.networkMode === 'none') {
    const v: Verdict = { ok: false, reason: 'no-network' }
    return cell(v, v)
  }
  const aNets = nets(a)
  const bNets = nets(b)
  const shared = bNets.filter((bn) => aNets.some((an) => an.name === bn.name) && bn.ipAddress !== '')
  let byIp: Verdict
  if (shared.length > 0) byIp = { ok: true, via: shared[0]!.name, address: shared[0]!.ipAddress }
  else if (a.networkMode === 'host' && bNets.some((n) => n.ipAddress !== '')) byIp = { ok: true, via: 'host', address: bNets.find((n) => n.ipAddress !== '')!.ipAddress }
  else byIp = { ok: false, reason: 'different-networks', ...(bNets[0]?.ipAddress ? { address: bNets[0].ipAddress } : {}) }

  let byName: Verdict
  if (hostsHas(a.hostsFile, b.name)) byName = byIp.ok ? { ok: true, via: 'link' } : { ok: false, reason: byIp.reason! }
  else if (shared.some((n) => n.name !== DEFAULT_BRIDGE)) byName = { ok: true, via: 'dns' }
  else if (hostsHas(b.hostsFile, a.name)) byName = { ok: false, reason: 'one-way-link' }
  else if (!byIp.ok) byName = { ok: false, reason: byIp.reason! }
  else if (shared.every((n) => n.name === DEFAULT_BRIDGE)) byName = { ok: false, reason: 'no-dns-default-bridge' }
  else byName = { ok: false, reason: 'no-dns' }
  return cell(byIp, byName)
}

/** Every ordered pair of distinct containers, in record order (running ones first is the caller's choice). */
export function reachabilityMatrix(records: ReadonlyMap<RecordId, WorldRecord>): { containers: ContainerRecord[]; cells: ReachCell[] } {
  const containers = [...records.values()].filter((r): r is ContainerRecord => r.kind === 'container')
  const cells: ReachCell[] = []
  for (const a of containers) for (const b of containers) if (a !== b) cells.push(reach(a, b))
  return { containers, cells }
}
