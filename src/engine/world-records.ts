/**
 * The records the world publishes (src/protocol/records.ts), derived from
 * the kernel's namespaces and links and the daemon's containers and
 * networks each time the world flushes. Pure reads: nothing here changes
 * state, so a record can never disagree with what `ip` or `docker` print.
 */
import { formatIpv4 } from '../lib/ipv4'
import type { ContainerRecord, InterfaceRecord, NetnsRecord, NetworkRecord, PortBindingRecord, TerminalRecord, WorldRecord } from '../protocol/records'
import type { Container } from './docker/container'
import type { DockerDaemon } from './docker/daemon'
import type { Link, NetNamespace, NetworkStack } from './kernel/net/types'

export interface TerminalState {
  readonly id: string
  readonly title: string
  readonly container?: string
  readonly reading: boolean
  readonly open: boolean
}

const netnsRecordId = (ns: NetNamespace): string => `netns:${ns.id}`
const interfaceRecordId = (ns: NetNamespace, ifindex: number): string => `${netnsRecordId(ns)}/${ifindex}`

function interfaceRecord(ns: NetNamespace, link: Link): InterfaceRecord {
  const addresses = link.addresses.filter((a) => a.family === 'inet').map((a) => `${formatIpv4(a.local as number)}/${a.prefixLength}`)
  return {
    kind: 'interface',
    id: interfaceRecordId(ns, link.ifindex),
    netns: netnsRecordId(ns),
    ifindex: link.ifindex,
    name: link.name,
    type: link.kind,
    mac: link.mac,
    addresses,
    state: ns.operState(link),
    ...(link.kind === 'veth' ? { peer: interfaceRecordId(link.peer.ns, link.peer.ifindex) } : {}),
    ...(link.master !== undefined ? { master: interfaceRecordId(ns, link.master) } : {}),
  }
}

function portRecords(c: Container): PortBindingRecord[] {
  return c.NetworkSettings.Ports.filter((p) => p.PublicPort !== undefined && p.IP !== undefined).map((p) => ({
    hostIp: p.IP!,
    hostPort: p.PublicPort!,
    containerPort: p.PrivatePort,
    protocol: p.Type,
  }))
}

/** The shell a terminal tab opens in a container: bash where the image has it, else sh. */
export function containerShell(c: Container): string {
  return c.rootfs.tryLookup('/bin/bash') ? 'bash' : 'sh'
}

function containerRecord(c: Container): ContainerRecord {
  const mode = c.HostConfig.NetworkMode === 'default' ? 'bridge' : c.HostConfig.NetworkMode
  return {
    kind: 'container',
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    image: c.Config.Image,
    state: c.State.Status === 'removing' ? 'dead' : c.State.Status,
    ...(c.sandbox && c.State.Status === 'running' ? { netns: netnsRecordId(c.sandbox.net) } : {}),
    networkMode: mode,
    ports: portRecords(c),
    shell: containerShell(c),
  }
}

export function worldRecords(net: NetworkStack, daemon: DockerDaemon, hostname: string, terminals: readonly TerminalState[]): WorldRecord[] {
  const records: WorldRecord[] = [{ kind: 'host', id: 'host-machine', hostname }]
  // The LAN behind eth0 is scenery, not part of the Docker host: it has no owner among the host and containers.
  const containerIds = new Set(daemon.listContainers().map((c) => c.Id))
  const visible = net.namespaces().filter((ns) => ns === net.host || containerIds.has(ns.label))
  for (const ns of visible) {
    const netns: NetnsRecord = { kind: 'netns', id: netnsRecordId(ns), owner: ns === net.host ? 'host' : ns.label }
    records.push(netns)
    for (const link of ns.links()) records.push(interfaceRecord(ns, link))
  }
  for (const c of daemon.listContainers()) records.push(containerRecord(c))
  for (const n of daemon.listNetworks()) {
    const config = n.IPAM.Config[0]
    const network: NetworkRecord = {
      kind: 'network',
      id: n.Id,
      name: n.Name,
      driver: n.Driver as NetworkRecord['driver'],
      ...(n.bridge ? { bridge: interfaceRecordId(net.host, n.bridge.ifindex) } : {}),
      ...(config?.Subnet ? { subnet: config.Subnet } : {}),
      ...(config?.Gateway ? { gateway: config.Gateway } : n.pool ? { gateway: formatIpv4(n.pool.gateway) } : {}),
    }
    records.push(network)
  }
  for (const t of terminals) {
    const rec: TerminalRecord = { kind: 'terminal', id: t.id, title: t.title, reading: t.reading, open: t.open, ...(t.container ? { container: t.container } : {}) }
    records.push(rec)
  }
  return records
}
