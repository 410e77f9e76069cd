/**
 * argv → a typed `ip` command, or the usage error iproute2 6.1 prints.
 * iproute2 matches options, objects and commands by prefix in table order
 * (`matches()` in lib/utils.c), so `ip a s eth0` is `ip address show eth0`
 * and `ip r` is `ip route`.
 */
import { inetAton, parseCidr, parseIpv4, type Cidr, type Ipv4 } from '../../../lib/ipv4'

export interface GlobalOptions {
  family?: 'inet' | 'inet6' | 'link'
  oneline: boolean
  brief: boolean
  stats: boolean
  details: boolean
}

export interface ShowFilter {
  dev?: string
  up: boolean
  master?: string
  type?: string
}

export type IpCommand =
  | { readonly kind: 'version' }
  | { readonly kind: 'addr-show'; readonly filter: ShowFilter }
  | { readonly kind: 'addr-change'; readonly op: 'add' | 'del'; readonly prefix: Cidr; readonly dev: string; readonly broadcast?: Ipv4 | '+'; readonly scope?: 'host' | 'link' | 'global'; readonly metric?: number }
  | { readonly kind: 'link-show'; readonly filter: ShowFilter }
  | { readonly kind: 'link-set'; readonly dev: string; readonly up?: boolean; readonly mtu?: number; readonly name?: string }
  | { readonly kind: 'route-show'; readonly dev?: string; readonly onlyDefault: boolean }
  | { readonly kind: 'route-get'; readonly dst: Ipv4 }
  | { readonly kind: 'route-change'; readonly op: 'add' | 'del'; readonly dst?: Cidr; readonly via?: Ipv4; readonly dev?: string; readonly metric?: number }
  | { readonly kind: 'neigh-show'; readonly dev?: string }

export type Parsed =
  | { readonly ok: true; readonly options: GlobalOptions; readonly command: IpCommand }
  | { readonly ok: false; readonly stderr: string; readonly exitCode: number }

export const IP_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`

export const ADDR_USAGE = `Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
                                                      [ CONFFLAG-LIST ]
       ip address del IFADDR dev IFNAME [mngtmpaddr]
       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]
                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]
       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]
                         [ nomaster ]
                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]
                         [ label LABEL ] [up] [ vrf NAME ] ]
       ip address {showdump|restore}
IFADDR := PREFIX | ADDR peer PREFIX
          [ broadcast ADDR ] [ anycast ADDR ]
          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ permanent | dynamic | secondary | primary |
           [-]tentative | [-]deprecated | [-]dadfailed | temporary |
           CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
          ip6erspan | ip6gre | ip6gretap | ip6tnl |
          ipip | ipoib | ipvlan | ipvtap |
          macsec | macvlan | macvtap |
          netdevsim | nlmon | rmnet | sit | team | team_slave |
          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
          xfrm | virt_wifi }
`

/** lib/utils.c matches(): `prefix` is a non-empty prefix of `word`. */
export function matches(prefix: string, word: string): boolean {
  return prefix.length > 0 && word.startsWith(prefix)
}

/** ip.c's object table, in its order (the first prefix match wins). */
const OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'ntbl', 'link', 'l2tp', 'fou', 'ila', 'macsec', 'tunnel', 'tunl', 'tuntap', 'tap', 'token', 'tcpmetrics', 'tcp_metrics', 'monitor', 'xfrm', 'mroute', 'mrule', 'netns', 'netconf', 'vrf', 'sr', 'nexthop', 'mptcp', 'ioam', 'help', 'stats']

class UsageError {
  constructor(
    readonly stderr: string,
    readonly exitCode: number,
  ) {}
}
const fail = (stderr: string, exitCode: number): never => {
  throw new UsageError(stderr, exitCode)
}
const incomplete = (): never => fail('Command line is not complete. Try option "help"\n', 255)

export function parseIp(argv: readonly string[]): Parsed {
  try {
    return parse(argv)
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, stderr: e.stderr, exitCode: e.exitCode }
    throw e
  }
}

function parse(argv: readonly string[]): Parsed {
  const options: GlobalOptions = { oneline: false, brief: false, stats: false, details: false }
  let i = 1
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    let opt = argv[i]!
    if (opt.startsWith('--')) opt = opt.slice(1)
    if (opt === '-4') options.family = 'inet'
    else if (opt === '-6') options.family = 'inet6'
    else if (opt === '-0') options.family = 'link'
    else if (matches(opt, '-family')) {
      const f = argv[++i] ?? incomplete()
      if (f === 'inet' || f === 'inet6' || f === 'link') options.family = f
      else fail(`Error: argument "${f}" is wrong: invalid protocol family\n`, 255)
    } else if (matches(opt, '-stats') || matches(opt, '-statistics')) options.stats = true
    else if (matches(opt, '-details')) options.details = true
    else if (matches(opt, '-oneline')) options.oneline = true
    else if (matches(opt, '-Version')) return { ok: true, options, command: { kind: 'version' } }
    else if (matches(opt, '-brief') && opt.length >= 3) options.brief = true
    else if (matches(opt, '-help')) fail(IP_USAGE, 255)
    else fail(`Option "${argv[i]}" is unknown, try "ip -help".\n`, 255)
  }
  const objectWord = argv[i]
  if (objectWord === undefined) fail(IP_USAGE, 255)
  const object = OBJECTS.find((o) => matches(objectWord!, o))
  if (!object) fail(`Object "${objectWord}" is unknown, try "ip help".\n`, 1)
  const rest = argv.slice(i + 1)
  switch (object) {
    case 'address':
      return { ok: true, options, command: parseAddress(rest) }
    case 'link':
      return { ok: true, options, command: parseLink(rest) }
    case 'route':
      return { ok: true, options, command: parseRoute(rest) }
    case 'neighbor':
    case 'neighbour':
      return { ok: true, options, command: parseNeigh(rest) }
    case 'help':
      return fail(IP_USAGE, 255)
    default:
      return fail(`ip: "${object}" is not modelled by this simulator.\n`, 255)
  }
}

/** `[dev] NAME`, `up`, `master M`, `type T` (ipaddr_list_flush_or_save / iplink_list). */
function parseShowFilter(args: readonly string[], object: 'address' | 'link'): ShowFilter {
  const filter: ShowFilter = { up: false }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === 'dev') filter.dev = args[++i] ?? incomplete()
    else if (a === 'up') filter.up = true
    else if (a === 'master') filter.master = args[++i] ?? incomplete()
    else if (a === 'type') filter.type = args[++i] ?? incomplete()
    else if (filter.dev !== undefined) fail(`Error: either "dev" is duplicate, or "${a}" is a garbage.\n`, 255)
    else filter.dev = a
  }
  void object
  return filter
}

function parseAddress(args: readonly string[]): IpCommand {
  const cmd = args[0]
  if (cmd === undefined) return { kind: 'addr-show', filter: { up: false } }
  if (matches(cmd, 'add') || matches(cmd, 'delete')) return parseAddrChange(matches(cmd, 'add') ? 'add' : 'del', args.slice(1))
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return { kind: 'addr-show', filter: parseShowFilter(args.slice(1), 'address') }
  if (matches(cmd, 'help')) fail(ADDR_USAGE, 255)
  return fail(`Command "${cmd}" is unknown, try "ip address help".\n`, 255)
}

function parseAddrChange(op: 'add' | 'del', args: readonly string[]): IpCommand {
  let prefix: Cidr | undefined
  let dev: string | undefined
  let broadcast: Ipv4 | '+' | undefined
  let scope: 'host' | 'link' | 'global' | undefined
  let metric: number | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === 'dev') dev = args[++i] ?? incomplete()
    else if (matches(a, 'broadcast') || a === 'brd') {
      const v = args[++i] ?? incomplete()
      broadcast = v === '+' ? '+' : (parseIpv4(v) ?? fail(`Error: inet address is expected rather than "${v}".\n`, 1))
    } else if (a === 'scope') {
      const v = args[++i] ?? incomplete()
      if (v !== 'host' && v !== 'link' && v !== 'global') fail(`Error: argument "${v}" is wrong: invalid scope value.\n`, 255)
      scope = v as 'host' | 'link' | 'global'
    } else if (a === 'metric' || a === 'priority' || a === 'preference') metric = Number(args[++i] ?? incomplete())
    else if (a === 'local' || prefix === undefined) {
      const v = a === 'local' ? (args[++i] ?? incomplete()) : a
      prefix = parseCidr(v.includes('/') ? v : `${v}/32`) ?? fail(`Error: inet prefix is expected rather than "${v}".\n`, 1)
    } else fail(`Error: either "local" is duplicate, or "${a}" is a garbage.\n`, 255)
  }
  if (dev === undefined) fail('Not enough information: "dev" argument is required.\n', 1)
  if (prefix === undefined) fail('RTNETLINK answers: Operation not supported\n', 2)
  return { kind: 'addr-change', op, prefix: prefix!, dev: dev!, ...(broadcast !== undefined ? { broadcast } : {}), ...(scope ? { scope } : {}), ...(metric !== undefined ? { metric } : {}) }
}

function parseLink(args: readonly string[]): IpCommand {
  const cmd = args[0]
  if (cmd === undefined) return { kind: 'link-show', filter: { up: false } }
  if (matches(cmd, 'set')) {
    let dev: string | undefined
    let up: boolean | undefined
    let mtu: number | undefined
    let name: string | undefined
    const rest = args.slice(1)
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!
      if (a === 'up' || a === 'down') up = a === 'up'
      else if (a === 'mtu') mtu = Number(rest[++i] ?? incomplete())
      else if (a === 'name') name = rest[++i] ?? incomplete()
      else if (a === 'dev') dev = rest[++i] ?? incomplete()
      else if (dev === undefined) dev = a
      else fail(`Error: either "dev" is duplicate, or "${a}" is a garbage.\n`, 255)
    }
    if (dev === undefined) fail('Not enough information: "dev" argument is required.\n', 255)
    return { kind: 'link-set', dev: dev!, ...(up !== undefined ? { up } : {}), ...(mtu !== undefined ? { mtu } : {}), ...(name !== undefined ? { name } : {}) }
  }
  if (matches(cmd, 'show') || matches(cmd, 'list') || matches(cmd, 'lst')) return { kind: 'link-show', filter: parseShowFilter(args.slice(1), 'link') }
  return fail(`Command "${cmd}" is unknown, try "ip link help".\n`, 255)
}

function parseRoute(args: readonly string[]): IpCommand {
  const cmd = args[0]
  if (cmd === undefined) return { kind: 'route-show', onlyDefault: false }
  if (matches(cmd, 'list') || matches(cmd, 'show')) {
    let dev: string | undefined
    let onlyDefault = false
    const rest = args.slice(1)
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!
      if (a === 'dev' || a === 'oif') dev = rest[++i] ?? incomplete()
      else if (a === 'default') onlyDefault = true
    }
    return { kind: 'route-show', ...(dev !== undefined ? { dev } : {}), onlyDefault }
  }
  if (matches(cmd, 'get')) {
    const target = args.slice(1).find((a) => a !== 'to')
    if (target === undefined) fail('need at least a destination address\n', 1)
    const dst = inetAton(target!)
    if (dst === undefined) fail(`Error: any valid prefix is expected rather than "${target}".\n`, 1)
    return { kind: 'route-get', dst: dst! }
  }
  if (matches(cmd, 'add') || matches(cmd, 'delete')) {
    const op = matches(cmd, 'add') ? 'add' : 'del'
    let dst: Cidr | undefined
    let sawDst = false
    let via: Ipv4 | undefined
    let dev: string | undefined
    let metric: number | undefined
    const rest = args.slice(1)
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!
      if (a === 'via') {
        const v = rest[++i] ?? incomplete()
        via = parseIpv4(v) ?? fail(`Error: inet address is expected rather than "${v}".\n`, 1)
      } else if (a === 'dev' || a === 'oif') dev = rest[++i] ?? incomplete()
      else if (a === 'metric' || a === 'priority' || a === 'preference') metric = Number(rest[++i] ?? incomplete())
      else if (a === 'default' || a === '0/0') sawDst = true
      else if (!sawDst) {
        sawDst = true
        dst = parseCidr(a.includes('/') ? a : `${a}/32`) ?? fail(`Error: any valid prefix is expected rather than "${a}".\n`, 1)
      } else fail(`Error: either "to" is duplicate, or "${a}" is a garbage.\n`, 255)
    }
    return { kind: 'route-change', op, ...(dst ? { dst } : {}), ...(via !== undefined ? { via } : {}), ...(dev !== undefined ? { dev } : {}), ...(metric !== undefined ? { metric } : {}) }
  }
  return fail(`Command "${cmd}" is unknown, try "ip route help".\n`, 255)
}

function parseNeigh(args: readonly string[]): IpCommand {
  const cmd = args[0]
  if (cmd === undefined) return { kind: 'neigh-show' }
  if (matches(cmd, 'show') || matches(cmd, 'list') || matches(cmd, 'lst')) {
    let dev: string | undefined
    const rest = args.slice(1)
    for (let i = 0; i < rest.length; i++) if (rest[i] === 'dev') dev = rest[++i] ?? incomplete()
    return { kind: 'neigh-show', ...(dev !== undefined ? { dev } : {}) }
  }
  return fail(`Command "${cmd}" is unknown, try "ip neigh help".\n`, 255)
}
