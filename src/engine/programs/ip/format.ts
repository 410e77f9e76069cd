/**
 * The only place `ip`'s text is written (iproute2 6.1: ip/ipaddress.c
 * print_linkinfo / print_addrinfo, ip/iproute.c print_route,
 * ip/ipneigh.c print_neigh). Many lines end in a space because iproute2
 * prints each field as "%s " — keep them.
 */
import type { GlobalOptions } from './parse'
import type { AddressView, IpResult, LinkView, NeighView, RouteView } from './run'

export interface IpOutput {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}

export const IP_VERSION = 'ip utility, iproute2-6.1.0, libbpf 1.1.2\n'

export function formatIp(result: IpResult, options: GlobalOptions): IpOutput {
  const ok = (stdout: string): IpOutput => ({ stdout, stderr: '', exitCode: 0 })
  switch (result.kind) {
    case 'version':
      return ok(IP_VERSION)
    case 'error':
      return { stdout: '', stderr: result.stderr, exitCode: result.exitCode }
    case 'done':
      return ok('')
    case 'links':
      if (options.brief) return ok(result.links.map((l) => briefLine(l, result.mode)).join(''))
      if (options.oneline && result.mode === 'address') return ok(result.links.map(onelineAddresses).join(''))
      return ok(result.links.map((l) => linkRecord(l, result.mode, options)).join(''))
    case 'routes':
      return ok(result.routes.map(routeLine).join(''))
    case 'neighbours':
      return ok(result.entries.map((e) => neighLine(e, result.showDev)).join(''))
    case 'route-get': {
      const via = result.via !== undefined ? `via ${result.via} ` : ''
      if (result.type === 'local') return ok(`local ${result.dst} dev ${result.dev} src ${result.src} uid 0 \n    cache <local> \n`)
      if (result.type === 'broadcast') return ok(`broadcast ${result.dst} dev ${result.dev} src ${result.src} uid 0 \n    cache <local,brd> \n`)
      return ok(`${result.dst} ${via}dev ${result.dev} src ${result.src} uid 0 \n    cache \n`)
    }
  }
}

/** `4: eth0@if5: <…> mtu 1500 qdisc noqueue [master br] state UP [mode DEFAULT ]group default [qlen N]` */
function headerLine(l: LinkView, mode: 'address' | 'link'): string {
  const master = l.master !== undefined ? ` master ${l.master}` : ''
  const linkMode = mode === 'link' ? 'mode DEFAULT ' : ''
  const qlen = l.qlen > 0 ? `qlen ${l.qlen}` : ''
  return `${l.ifindex}: ${l.name}${l.peerSuffix}: <${l.flags.join(',')}> mtu ${l.mtu} qdisc ${l.qdisc}${master} state ${l.state} ${linkMode}group default ${qlen}`
}

function linkRecord(l: LinkView, mode: 'address' | 'link', options: GlobalOptions): string {
  const lines: string[] = []
  const netnsid = l.netnsid !== undefined ? ` link-netnsid ${l.netnsid}` : ''
  const familyFiltered = mode === 'address' && (options.family === 'inet' || options.family === 'inet6')
  if (familyFiltered) {
    // Without the link/ether line, link-netnsid goes on the first line (after its trailing space).
    lines.push(headerLine(l, mode) + netnsid)
  } else {
    lines.push(headerLine(l, mode))
    lines.push(`    link/${l.linkType} ${l.mac} brd ${l.brd}${netnsid}`)
  }
  if (mode === 'address') for (const a of l.addresses) lines.push(addressLine(a), lifetimeLine(a))
  return lines.join(options.oneline ? '\\' : '\n') + '\n'
}

/** `inet 10.0.2.15/24 metric 100 brd 10.0.2.255 scope global dynamic eth0` / `inet6 fe80::…/64 scope link ` */
function addressLine(a: AddressView): string {
  let s = `    ${a.family} ${a.local}/${a.prefixLength} `
  if (a.metric !== undefined) s += `metric ${a.metric} `
  if (a.broadcast !== undefined) s += `brd ${a.broadcast} `
  s += `scope ${a.scope} `
  if (a.dynamic) s += 'dynamic '
  if (a.tentative) s += 'tentative '
  // IPv4 addresses carry a label (the device name), printed last without a trailing space.
  if (a.family === 'inet') s += a.label
  return s
}

function lft(v: number | 'forever'): string {
  return v === 'forever' ? 'forever' : `${v}sec`
}

function lifetimeLine(a: AddressView): string {
  return `       valid_lft ${lft(a.validLft)} preferred_lft ${lft(a.preferredLft)}`
}

/** `ip -o addr`: one line per address, `IDX: NAME    ` then the address, `\` for the newline. */
function onelineAddresses(l: LinkView): string {
  return l.addresses.map((a) => `${l.ifindex}: ${l.name}    ${addressLine(a).trimStart()}\\${lifetimeLine(a)}\n`).join('')
}

/** `ip -br`: name padded to 16, operstate padded to 14, then addresses (or MAC and flags), each followed by a space. */
function briefLine(l: LinkView, mode: 'address' | 'link'): string {
  const head = `${(l.name + l.peerSuffix).padEnd(16)} ${l.state.padEnd(14)} `
  if (mode === 'link') return `${head}${l.mac} <${l.flags.join(',')}> \n`
  return head + l.addresses.map((a) => `${a.local}/${a.prefixLength}${a.metric !== undefined ? ` metric ${a.metric}` : ''} `).join('') + '\n'
}

/** `172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.2 ` */
function routeLine(r: RouteView): string {
  const parts = [r.dst]
  if (r.via !== undefined) parts.push(`via ${r.via}`)
  parts.push(`dev ${r.dev}`)
  if (r.proto !== undefined) parts.push(`proto ${r.proto}`)
  if (r.scope !== undefined) parts.push(`scope ${r.scope}`)
  if (r.src !== undefined) parts.push(`src ${r.src}`)
  if (r.metric !== undefined) parts.push(`metric ${r.metric}`)
  if (r.linkdown) parts.push('linkdown')
  return parts.join(' ') + ' \n'
}

/** `172.18.0.3 dev eth0 lladdr 02:42:ac:12:00:03 REACHABLE ` (`dev X` left out under `show dev X`). */
function neighLine(e: NeighView, showDev: boolean): string {
  return `${e.ip} ${showDev ? `dev ${e.dev} ` : ''}${e.mac !== undefined ? `lladdr ${e.mac} ` : ''}${e.state} \n`
}
