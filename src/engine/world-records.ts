/**
 * The records the world publishes (src/protocol/records.ts), derived from
 * the kernel's namespaces and links and the daemon's containers and
 * networks each time the world flushes. Pure reads: nothing here changes
 * state, so a record can never disagree with what `ip` or `docker` print.
 */
import { formatIpv4 } from '../lib/ipv4'
import type { ContainerRecord, FdbRecord, InterfaceRecord, NetnsRecord, NetworkRecord, PortBindingRecord, RouteRecord, TerminalRecord, WorldRecord } from '../protocol/records'
import type { HopProtocol, PacketHop } from '../protocol/trace'
import type { Container } from './docker/container'
import type { DockerDaemon } from './docker/daemon'
import type { EthernetFrame, HopEvent, Link, NetNamespace, NetworkStack } from './kernel/net/types'

export interface TerminalState {
  readonly id: string
  readonly title: string
  readonly container?: string
  readonly reading: boolean
  readonly open: boolean
}

const netnsRecordId = (ns: NetNamespace): string => `netns:${ns.id}`
const interfaceRecordId = (ns: NetNamespace, ifindex: number): string => `${netnsRecordId(ns)}/${ifindex}`

/** The bridge's MAC table without ages, so a record changes only when an entry comes or goes. */
function fdbRecords(net: NetworkStack, ns: NetNamespace, link: Link): FdbRecord[] | undefined {
  if (link.kind !== 'bridge') return undefined
  return net.fdb(link).map((e) => ({ mac: e.mac, port: ns.link(e.port)?.name ?? String(e.port), permanent: e.permanent }))
}

function routeRecords(ns: NetNamespace): RouteRecord[] {
  return ns.routes()
    .filter((r) => r.table === 'main')
    .map((r) => ({
      dst: r.dst ? `${formatIpv4(r.dst.address)}/${r.dst.prefixLength}` : 'default',
      dev: ns.link(r.dev)?.name ?? String(r.dev),
      ...(r.via !== undefined ? { via: formatIpv4(r.via) } : {}),
      proto: r.proto,
      scope: r.scope,
      ...(r.src !== undefined ? { src: formatIpv4(r.src) } : {}),
    }))
}

function interfaceRecord(ns: NetNamespace, link: Link, net?: NetworkStack): InterfaceRecord {
  const fdb = net ? fdbRecords(net, ns, link) : undefined
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
    ...(fdb ? { fdb } : {}),
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
  let shell = shells.get(c)
  if (shell === undefined) {
    shell = c.rootfs.tryLookup('/bin/bash') ? 'bash' : 'sh'
    shells.set(c, shell) // an image's shell does not change; records are rebuilt on every flush
  }
  return shell
}
const shells = new WeakMap<Container, string>()

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
    networks: [...c.NetworkSettings.Networks].map(([name, e]) => ({ name, networkId: e.NetworkID, ipAddress: e.IPAddress, macAddress: e.MacAddress, aliases: e.Aliases ?? [] })),
    links: c.HostConfig.Links,
    hostsFile: c.files.hosts.content,
    resolvConf: c.files.resolvConf.content,
  }
}

export function worldRecords(net: NetworkStack, daemon: DockerDaemon, hostname: string, terminals: readonly TerminalState[]): WorldRecord[] {
  const records: WorldRecord[] = [{ kind: 'host', id: 'host-machine', hostname }]
  // The LAN behind eth0 is scenery, not part of the Docker host: it has no owner among the host and containers.
  const containerIds = new Set(daemon.listContainers().map((c) => c.Id))
  const visible = net.namespaces().filter((ns) => ns === net.host || containerIds.has(ns.label))
  for (const ns of visible) {
    const netns: NetnsRecord = { kind: 'netns', id: netnsRecordId(ns), owner: ns === net.host ? 'host' : ns.label, routes: routeRecords(ns) }
    records.push(netns)
    for (const link of ns.links()) records.push(interfaceRecord(ns, link, net))
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

// ---- packet hops for the UI (`packet.trace`) ----

function describeFrame(frame: EthernetFrame): { protocol: HopProtocol; summary: string; headers: [string, string][] } {
  const headers: [string, string][] = [['Ethernet', `src ${frame.src}  dst ${frame.dst}`]]
  const p = frame.payload
  if (p.kind === 'arp') {
    const [sha, spa, tpa] = [p.senderHardwareAddr, formatIpv4(p.senderProtocolAddr), formatIpv4(p.targetProtocolAddr)]
    headers.push(['ARP', `${p.operation}  sender ${spa} (${sha})  target ${tpa} (${p.targetHardwareAddr})`])
    const summary = p.operation === 'request' ? `ARP, Request who-has ${tpa} tell ${spa}` : `ARP, Reply ${spa} is-at ${sha}`
    return { protocol: 'arp', summary, headers }
  }
  const [src, dst] = [formatIpv4(p.src), formatIpv4(p.dst)]
  // Read loosely: the stack is gaining UDP and TCP, and this summary must not break when it does.
  const proto = String((p as { protocol: unknown }).protocol)
  headers.push(['IPv4', `src ${src}  dst ${dst}  ttl ${p.ttl}  proto ${proto}`])
  const m = p.payload as unknown as Record<string, unknown>
  if (proto === 'icmp') {
    const type = String(m.type)
    const echo = type === 'echo-request' || type === 'echo-reply'
    const text = echo ? `ICMP echo ${type === 'echo-request' ? 'request' : 'reply'}, id ${String(m.id)}, seq ${String(m.seq)}` : `ICMP ${type} (${String(m.code)})`
    headers.push(['ICMP', echo ? `type ${type}  id ${String(m.id)}  seq ${String(m.seq)}` : `type ${type}  code ${String(m.code)}`])
    return { protocol: 'icmp', summary: `${src} > ${dst}: ${text}`, headers }
  }
  const sport = m.srcPort ?? m.sourcePort
  const dport = m.dstPort ?? m.destinationPort
  const ports = sport !== undefined && dport !== undefined ? [`.${String(sport)}`, `.${String(dport)}`] : ['', '']
  const protocol: HopProtocol = proto === 'tcp' ? 'tcp' : proto === 'udp' ? (sport === 53 || dport === 53 ? 'dns' : 'udp') : 'other'
  headers.push([proto.toUpperCase(), sport !== undefined ? `sport ${String(sport)}  dport ${String(dport)}` : ''])
  return { protocol, summary: `${src}${ports[0]} > ${dst}${ports[1]}: ${protocol.toUpperCase()}`, headers }
}

/** The drop reason a hop event may carry (added to the stack by the kernel's netfilter work), as one line. */
function dropText(event: HopEvent): string | undefined {
  const drop = (event as { drop?: unknown }).drop
  if (drop === undefined || drop === null || drop === false) return undefined
  if (typeof drop === 'string') return drop
  const d = drop as { chain?: unknown; rule?: unknown; text?: unknown; description?: unknown }
  const text = d.text ?? d.description ?? d.rule
  return [d.chain, text].filter((x) => x !== undefined).map(String).join(': ') || 'DROP'
}

/** Maps a stack hop event to the record the UI animates. `packet` groups the hops of one frame. */
export function hopRecord(event: HopEvent, seq: number, packet: number): PacketHop {
  const drop = dropText(event)
  const end = (e: HopEvent['from']) => ({ iface: `netns:${e.ns}/${e.ifindex}`, name: e.name })
  return {
    seq,
    packet,
    at: event.at,
    kind: drop !== undefined ? 'drop' : event.kind,
    from: end(event.from),
    to: end(event.to),
    ...describeFrame(event.frame),
    ...(drop !== undefined ? { drop } : {}),
  }
}
