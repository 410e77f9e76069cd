/**
 * The inspector's text, shaped like the tools print it (`ip addr`, `ip
 * route`, `docker port`, `docker network inspect`, `bridge fdb`), from the
 * records. Pure. This is the UI's own rendering of records, so it is kept
 * close to the tools' look but is not their output (the terminal is).
 */
import type { ContainerRecord, InterfaceRecord, NetworkRecord, RecordId, RouteRecord, WorldRecord } from '../../protocol/records'

export function interfacesOf(records: ReadonlyMap<RecordId, WorldRecord>, netns: RecordId | undefined): InterfaceRecord[] {
  if (netns === undefined) return []
  return [...records.values()].filter((r): r is InterfaceRecord => r.kind === 'interface' && r.netns === netns).sort((a, b) => a.ifindex - b.ifindex)
}

export function ipAddrText(records: ReadonlyMap<RecordId, WorldRecord>, ifaces: readonly InterfaceRecord[]): string {
  const lines: string[] = []
  for (const i of ifaces) {
    const peer = i.peer !== undefined ? records.get(i.peer) : undefined
    const name = peer?.kind === 'interface' ? `${i.name}@if${peer.ifindex}` : i.name
    const master = i.master !== undefined ? records.get(i.master) : undefined
    lines.push(`${i.ifindex}: ${name}: state ${i.state}${master?.kind === 'interface' ? ` master ${master.name}` : ''}`)
    lines.push(`    link/${i.type === 'loopback' ? 'loopback' : 'ether'} ${i.mac}`)
    for (const a of i.addresses) lines.push(`    inet ${a} scope ${a.startsWith('127.') ? 'host' : 'global'} ${i.name}`)
  }
  return lines.join('\n')
}

export function routesText(routes: readonly RouteRecord[] | undefined): string {
  return (routes ?? [])
    .map((r) =>
      [r.dst, r.via !== undefined ? `via ${r.via}` : '', `dev ${r.dev}`, r.proto && r.proto !== 'boot' && r.proto !== 'static' ? `proto ${r.proto}` : '', r.scope && r.scope !== 'global' ? `scope ${r.scope}` : '', r.src !== undefined ? `src ${r.src}` : '']
        .filter(Boolean)
        .join(' '),
    )
    .join('\n')
}

/** `docker port <c>`. */
export function portsText(c: ContainerRecord): string {
  return c.ports.map((p) => `${p.containerPort}/${p.protocol} -> ${p.hostIp}:${p.hostPort}`).join('\n')
}

/** The members part of `docker network inspect`, as JSON. */
export function networkInspectText(records: ReadonlyMap<RecordId, WorldRecord>, n: NetworkRecord): string {
  const containers: Record<string, unknown> = {}
  for (const r of records.values()) {
    if (r.kind !== 'container') continue
    const ep = r.networks?.find((x) => x.name === n.name || x.networkId === n.id)
    if (!ep || ep.ipAddress === '') continue
    const prefix = n.subnet?.split('/')[1]
    containers[r.id] = { Name: r.name, MacAddress: ep.macAddress, IPv4Address: prefix ? `${ep.ipAddress}/${prefix}` : ep.ipAddress }
  }
  const doc = {
    Name: n.name,
    Id: n.id,
    Driver: n.driver,
    IPAM: { Config: n.subnet ? [{ Subnet: n.subnet, ...(n.gateway ? { Gateway: n.gateway } : {}) }] : [] },
    Containers: containers,
  }
  return JSON.stringify(doc, null, 4)
}

/** The bridge's ports (the host ends of veth pairs) with the container at the other end. */
export function bridgePorts(records: ReadonlyMap<RecordId, WorldRecord>, bridge: RecordId): { port: string; peer: string; container?: string }[] {
  const owners = new Map<RecordId, string>()
  for (const r of records.values()) if (r.kind === 'container' && r.netns) owners.set(r.netns, r.name)
  const out: { port: string; peer: string; container?: string }[] = []
  for (const r of records.values()) {
    if (r.kind !== 'interface' || r.master !== bridge) continue
    const peer = r.peer !== undefined ? records.get(r.peer) : undefined
    const container = peer?.kind === 'interface' ? owners.get(peer.netns) : undefined
    out.push({ port: r.name, peer: peer?.kind === 'interface' ? peer.name : '', ...(container ? { container } : {}) })
  }
  return out
}

export function fdbText(i: InterfaceRecord): string {
  return (i.fdb ?? []).map((e) => `${e.mac} dev ${e.port}${e.permanent ? ' permanent' : ''}`).join('\n')
}
