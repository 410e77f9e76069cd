/**
 * Runs a parsed `ip` command against the process's namespace and returns
 * data for format.ts. Nothing here writes text except error messages that
 * the kernel or iproute2 produce verbatim.
 */
import { formatCidr, formatIpv4, networkAddress, broadcastAddress, type Ipv4 } from '../../../lib/ipv4'
import { NetError, STRERROR } from '../../kernel/net/errors'
import type { InterfaceAddress, Link, NetNamespace, NetworkStack, Route } from '../../kernel/net/types'
import type { GlobalOptions, IpCommand, ShowFilter } from './parse'

export interface AddressView {
  readonly family: 'inet' | 'inet6'
  readonly local: string
  readonly prefixLength: number
  readonly broadcast?: string
  readonly metric?: number
  readonly scope: string
  readonly dynamic: boolean
  readonly tentative: boolean
  readonly label: string
  readonly validLft: number | 'forever'
  readonly preferredLft: number | 'forever'
}

export interface LinkView {
  readonly ifindex: number
  readonly name: string
  /** `@if5` (peer in another namespace) or `@veth0` (same namespace). */
  readonly peerSuffix: string
  readonly flags: readonly string[]
  readonly mtu: number
  readonly qdisc: string
  readonly master?: string
  readonly state: string
  readonly qlen: number
  readonly linkType: 'ether' | 'loopback'
  readonly mac: string
  readonly brd: string
  readonly netnsid?: number
  readonly addresses: readonly AddressView[]
}

export interface RouteView {
  readonly dst: string
  readonly via?: string
  readonly dev: string
  readonly proto?: string
  readonly scope?: string
  readonly src?: string
  readonly metric?: number
  readonly linkdown: boolean
}

export interface NeighView {
  readonly ip: string
  readonly dev: string
  readonly mac?: string
  readonly state: string
}

export type IpResult =
  | { readonly kind: 'version' }
  | { readonly kind: 'links'; readonly mode: 'address' | 'link'; readonly links: readonly LinkView[] }
  | { readonly kind: 'routes'; readonly routes: readonly RouteView[] }
  | { readonly kind: 'neighbours'; readonly entries: readonly NeighView[]; readonly showDev: boolean }
  | { readonly kind: 'route-get'; readonly type: 'unicast' | 'local' | 'broadcast'; readonly dst: string; readonly via?: string; readonly dev: string; readonly src: string }
  | { readonly kind: 'done' }
  | { readonly kind: 'error'; readonly stderr: string; readonly exitCode: number }

export interface IpEnv {
  readonly net: NetNamespace
  readonly stack: NetworkStack
  /** Virtual ms, for lifetimes and DAD. */
  readonly now: number
}

const error = (stderr: string, exitCode: number): IpResult => ({ kind: 'error', stderr, exitCode })
const noDevice = (name: string): IpResult => error(`Cannot find device "${name}"\n`, 1)

/** How iproute2 reports a failed rtnetlink request: the extack message, or strerror(errno). */
function rtnetlinkError(e: unknown): IpResult {
  if (!(e instanceof NetError)) throw e
  return error(e.extack ? `Error: ${e.extack}\n` : `RTNETLINK answers: ${STRERROR[e.errno]}\n`, 2)
}

export function runIp(env: IpEnv, options: GlobalOptions, command: IpCommand): IpResult {
  const { net, stack } = env
  switch (command.kind) {
    case 'version':
      return { kind: 'version' }
    case 'addr-show':
    case 'link-show':
      return showLinks(env, options, command.filter, command.kind === 'addr-show' ? 'address' : 'link')
    case 'addr-change': {
      const link = net.link(command.dev)
      if (!link) return noDevice(command.dev)
      const p = command.prefix
      const address: InterfaceAddress = {
        family: 'inet',
        local: p.address,
        prefixLength: p.prefixLength,
        ...(command.broadcast === '+' ? { broadcast: broadcastAddress(p) } : command.broadcast !== undefined ? { broadcast: command.broadcast } : {}),
        scope: command.scope ?? (p.address >>> 24 === 127 ? 'host' : 'global'),
        ...(command.metric !== undefined ? { metric: command.metric } : {}),
      }
      try {
        if (command.op === 'add') stack.addAddress(link, address)
        else stack.removeAddress(link, address)
      } catch (e) {
        return rtnetlinkError(e)
      }
      return { kind: 'done' }
    }
    case 'link-set': {
      const link = net.link(command.dev)
      if (!link) return noDevice(command.dev)
      try {
        if (command.mtu !== undefined) stack.setMtu(link, command.mtu)
        if (command.name !== undefined) stack.rename(link, command.name)
        if (command.up !== undefined) stack.setUp(link, command.up)
      } catch (e) {
        return rtnetlinkError(e)
      }
      return { kind: 'done' }
    }
    case 'route-show': {
      let routes = net.routes()
      if (command.dev !== undefined) {
        const link = net.link(command.dev)
        if (!link) return noDevice(command.dev)
        routes = routes.filter((r) => r.dev === link.ifindex)
      }
      if (command.onlyDefault) routes = routes.filter((r) => r.dst === undefined || r.dst.prefixLength === 0)
      return { kind: 'routes', routes: routes.map((r) => routeView(net, r)) }
    }
    case 'route-get': {
      const r = stack.routeGet(net, command.dst)
      if (!r) return error('RTNETLINK answers: Network is unreachable\n', 2)
      return {
        kind: 'route-get',
        type: r.type,
        dst: formatIpv4(r.dst),
        ...(r.via !== undefined ? { via: formatIpv4(r.via) } : {}),
        dev: net.link(r.dev)?.name ?? '?',
        src: formatIpv4(r.src),
      }
    }
    case 'route-change':
      return changeRoute(env, command)
    case 'neigh-show': {
      let dev: Link | undefined
      if (command.dev !== undefined) {
        dev = net.link(command.dev)
        if (!dev) return noDevice(command.dev)
      }
      const entries = net
        .neighbours()
        .filter((n) => !dev || n.dev === dev.ifindex)
        .map((n) => ({ ip: formatIpv4(n.ip), dev: net.link(n.dev)?.name ?? '?', ...(n.mac && n.state !== 'FAILED' && n.state !== 'INCOMPLETE' ? { mac: n.mac } : {}), state: n.state }))
      return { kind: 'neighbours', entries, showDev: !dev }
    }
  }
}

function changeRoute(env: IpEnv, command: Extract<IpCommand, { kind: 'route-change' }>): IpResult {
  const { net, stack } = env
  let devIndex: number | undefined
  if (command.dev !== undefined) {
    const link = net.link(command.dev)
    if (!link) return noDevice(command.dev)
    devIndex = link.ifindex
  } else if (command.via !== undefined) {
    // No dev: the kernel takes the link of the connected route that holds the gateway (fib_check_nh).
    const onLink = net.routes().find((r) => r.scope === 'link' && r.dst && (command.via! & maskOf(r.dst.prefixLength)) >>> 0 === r.dst.address)
    if (!onLink) return error('Error: Nexthop has invalid gateway.\n', 2)
    devIndex = onLink.dev
  } else return error('Error: Device for nexthop is not up.\n', 2)
  const route = {
    ...(command.dst && command.dst.prefixLength > 0 ? { dst: { address: networkAddress(command.dst), prefixLength: command.dst.prefixLength } } : {}),
    ...(command.via !== undefined ? { via: command.via } : {}),
    dev: devIndex,
    proto: 'boot' as const,
    scope: command.via !== undefined ? ('global' as const) : ('link' as const),
    ...(command.metric !== undefined ? { metric: command.metric } : {}),
    table: 'main' as const,
  }
  try {
    if (command.op === 'add') stack.addRoute(net, route)
    else {
      const existing = net.routes().find((r) => r.dst?.address === route.dst?.address && r.dst?.prefixLength === route.dst?.prefixLength)
      if (!existing) return error('RTNETLINK answers: No such process\n', 2)
      stack.removeRoute(net, existing)
    }
  } catch (e) {
    return rtnetlinkError(e)
  }
  return { kind: 'done' }
}

function maskOf(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0
}

function showLinks(env: IpEnv, options: GlobalOptions, filter: ShowFilter, mode: 'address' | 'link'): IpResult {
  const { net } = env
  let links = [...net.links()]
  if (filter.dev !== undefined) {
    const link = net.link(filter.dev)
    if (!link) return error(`Device "${filter.dev}" does not exist.\n`, 1)
    links = [link]
  }
  if (filter.master !== undefined) {
    const master = net.link(filter.master)
    // iproute2's invarg() message is followed by an empty line here (captured: 13-errors.host.ip-link-show-master-nosuch).
    if (!master) return error(`Error: argument "${filter.master}" is wrong: Device does not exist\n\n`, 255)
    links = links.filter((l) => l.master === master.ifindex)
  }
  if (filter.type !== undefined) links = links.filter((l) => l.kind === filter.type)
  if (filter.up) links = links.filter((l) => l.adminUp)
  const views = links.map((l) => linkView(env, l, mode === 'address' ? options.family : 'link'))
  // With -4/-6, links without an address of that family are not listed.
  const shown = mode === 'address' && (options.family === 'inet' || options.family === 'inet6') ? views.filter((v) => v.addresses.length > 0) : views
  return { kind: 'links', mode, links: shown }
}

function linkView(env: IpEnv, link: Link, family: GlobalOptions['family']): LinkView {
  const { net, now } = env
  const crossNs = link.kind === 'veth' && link.peer.ns !== link.ns
  const master = link.master !== undefined ? net.link(link.master)?.name : undefined
  const addresses = family === 'link' ? [] : link.addresses.filter((a) => !family || a.family === family).map((a) => addressView(a, link, now))
  return {
    ifindex: link.ifindex,
    name: link.name,
    peerSuffix: link.kind === 'veth' ? (crossNs ? `@if${link.peer.ifindex}` : `@${link.peer.name}`) : '',
    flags: net.flags(link),
    mtu: link.mtu,
    qdisc: link.qdisc,
    ...(master !== undefined ? { master } : {}),
    state: net.operState(link),
    qlen: link.txqueuelen,
    linkType: link.kind === 'loopback' ? 'loopback' : 'ether',
    mac: link.mac,
    brd: link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff',
    ...(crossNs && link.kind === 'veth' ? { netnsid: net.nsidOf(link.peer.ns) } : {}),
    addresses,
  }
}

function lifetime(total: number | undefined, a: InterfaceAddress, now: number): number | 'forever' {
  if (total === undefined) return 'forever'
  return Math.max(0, total - Math.floor((now - (a.createdAt ?? 0)) / 1000))
}

function addressView(a: InterfaceAddress, link: Link, now: number): AddressView {
  return {
    family: a.family,
    local: a.family === 'inet' ? formatIpv4(a.local as Ipv4) : (a.local as string),
    prefixLength: a.prefixLength,
    ...(a.broadcast !== undefined ? { broadcast: formatIpv4(a.broadcast) } : {}),
    ...(a.metric !== undefined ? { metric: a.metric } : {}),
    scope: a.scope,
    dynamic: a.dynamic === true,
    tentative: a.tentativeUntil !== undefined && now < a.tentativeUntil,
    label: link.name,
    validLft: lifetime(a.validLft, a, now),
    preferredLft: lifetime(a.preferredLft, a, now),
  }
}

function routeView(net: NetNamespace, r: Route): RouteView {
  const dev = net.link(r.dev)
  return {
    dst: r.dst && r.dst.prefixLength > 0 ? (r.dst.prefixLength === 32 ? formatIpv4(r.dst.address) : formatCidr(r.dst)) : 'default',
    ...(r.via !== undefined ? { via: formatIpv4(r.via) } : {}),
    dev: dev?.name ?? '?',
    // rtnetlink: RTPROT_BOOT is not printed; RT_SCOPE_UNIVERSE is not printed.
    ...(r.proto !== 'boot' ? { proto: r.proto } : {}),
    ...(r.scope !== 'global' ? { scope: r.scope } : {}),
    ...(r.src !== undefined ? { src: formatIpv4(r.src) } : {}),
    ...(r.metric !== undefined ? { metric: r.metric } : {}),
    linkdown: dev !== undefined && net.operState(dev) !== 'UP' && dev.kind !== 'loopback',
  }
}
