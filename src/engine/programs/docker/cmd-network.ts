/**
 * `docker network ls|create|inspect|connect|disconnect|rm|prune` (docker/cli
 * 20.10 cli/command/network). The CLI-side checks (consolidateIpam) print
 * bare; daemon answers print as `Error response from daemon: …`, except a
 * missing network on inspect/rm, which the Go client words as
 * `Error: No such network: x` (captures 070–099, 170–174, 234–239).
 */
import type { IpamConfig, Network } from '../../docker/network'
import { cidrContains, parseCidr, parseIpv4 } from '../../../lib/ipv4'
import { Interrupted } from '../../kernel/proc/errors'
import { call, clientError, daemonError, type Cli } from './cli'
import { prepareCommand } from './prepare'
import { flagList, flagValue, type ParsedFlags } from './flags'
import { formatNetworkInspect, formatNetworkLs, networkResource } from './format/network'
import { executeTemplate } from './format/template'
import { NETWORK_ALIASES, NETWORK_COMMANDS, networkGroupHelp, networkHelpText } from './network-specs'

class CliError extends Error {}

/** pflag StringSlice: each value split on commas. */
const strings = (f: ParsedFlags, name: string): string[] => flagList(f, name).flatMap((v) => v.split(','))

/** opts.MapOpts / ListOpts `key=value`. */
function keyValues(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => (v.includes('=') ? [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)] : [v, ''])))
}

/** subnetMatches: does `data` (an address or a CIDR) lie in `subnet`? */
function subnetMatches(subnet: string, data: string): boolean {
  const s = parseCidr(subnet)
  if (!s) throw new CliError(`invalid subnet ${subnet}: invalid CIDR address: ${subnet}`)
  const ip = data.includes('/') ? parseCidr(data)?.address : parseIpv4(data)
  return ip !== undefined && cidrContains(s, ip)
}

/** create.go consolidateIpam (IPv4 only; aux addresses are not modelled). */
export function consolidateIpam(subnets: readonly string[], ranges: readonly string[], gateways: readonly string[]): IpamConfig[] {
  if (subnets.length < ranges.length || subnets.length < gateways.length) throw new CliError('every ip-range or gateway must have a corresponding subnet')
  const data = new Map<string, { Subnet: string; IPRange?: string; Gateway?: string }>()
  for (const s of subnets) {
    for (const k of data.keys()) {
      if (subnetMatches(s, k) || subnetMatches(k, s)) throw new CliError('multiple overlapping subnet configuration is not supported')
    }
    data.set(s, { Subnet: s })
  }
  const place = (values: readonly string[], key: 'IPRange' | 'Gateway', what: string): void => {
    for (const v of values) {
      let match = false
      for (const s of subnets) {
        if (!subnetMatches(s, v)) continue
        const d = data.get(s)!
        if (d[key] !== undefined) {
          throw new CliError(key === 'IPRange' ? `cannot configure multiple ranges (${v}, ${d[key]}) on the same subnet (${s})` : `cannot configure multiple gateways (${v}, ${d[key]}) for the same subnet (${s})`)
        }
        d[key] = v
        match = true
      }
      if (!match) throw new CliError(`no matching subnet for ${what} ${v}`)
    }
  }
  place(ranges, 'IPRange', 'range')
  place(gateways, 'Gateway', 'gateway')
  return [...data.values()]
}

async function create(cli: Cli, f: ParsedFlags): Promise<number> {
  const ipam = consolidateIpam(strings(f, 'subnet'), strings(f, 'ip-range'), strings(f, 'gateway'))
  const net = await call(
    cli,
    cli.api.networkCreate({
      Name: f.args[0]!,
      Driver: flagValue(f, 'driver') ?? 'bridge',
      Internal: f.bools.has('internal'),
      Attachable: f.bools.has('attachable'),
      IPAM: { Driver: flagValue(f, 'ipam-driver') ?? 'default', Config: ipam, Options: keyValues(flagList(f, 'ipam-opt')) },
      Options: keyValues(flagList(f, 'opt')),
      Labels: keyValues(flagList(f, 'label')),
    }),
  )
  cli.out(`${net.Id}\n`)
  return 0
}

/** filters name (substring), id (prefix), driver, type custom|builtin, label. */
function filtered(list: readonly Network[], filters: readonly string[]): Network[] {
  const by = new Map<string, string[]>()
  for (const spec of filters) {
    const eq = spec.indexOf('=')
    if (eq < 0) throw new CliError(`bad format of filter (expected name=value)`)
    const key = spec.slice(0, eq)
    if (!['name', 'id', 'driver', 'type', 'label', 'scope', 'dangling'].includes(key)) throw new Error(`Invalid filter '${key}'`)
    by.set(key, [...(by.get(key) ?? []), spec.slice(eq + 1)])
  }
  const builtin = (n: Network): boolean => ['bridge', 'host', 'none'].includes(n.Name)
  const tests: Record<string, (n: Network, v: string) => boolean> = {
    name: (n, v) => n.Name.includes(v),
    id: (n, v) => n.Id.startsWith(v),
    driver: (n, v) => n.Driver === v,
    type: (n, v) => (v === 'builtin' ? builtin(n) : !builtin(n)),
    label: (n, v) => (v.includes('=') ? n.Labels[v.split('=')[0]!] === v.slice(v.indexOf('=') + 1) : v in n.Labels),
    scope: (n, v) => n.Scope === v,
    dangling: (n, v) => (v === 'true') === (n.endpoints.size === 0 && !builtin(n)),
  }
  return list.filter((n) => [...by].every(([k, vs]) => vs.some((v) => tests[k]!(n, v))))
}

/** fvbommel/sortorder NaturalLess: digit runs compare as numbers (auto2 < auto10). */
export function naturalLess(a: string, b: string): boolean {
  const chunks = (s: string): string[] => s.match(/\d+|\D+/g) ?? []
  const x = chunks(a)
  const y = chunks(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!
    const q = y[i]!
    if (p === q) continue
    const numeric = /^\d/.test(p) && /^\d/.test(q)
    if (numeric && Number(p) !== Number(q)) return Number(p) < Number(q)
    if (numeric) return p.length < q.length
    return p < q
  }
  return x.length < y.length
}

async function ls(cli: Cli, f: ParsedFlags): Promise<number> {
  const list = filtered(await call(cli, cli.api.networkList()), flagList(f, 'filter')).sort((a, b) => (naturalLess(a.Name, b.Name) ? -1 : naturalLess(b.Name, a.Name) ? 1 : 0))
  const format = flagValue(f, 'format')
  cli.out(formatNetworkLs(list, { quiet: f.bools.has('quiet'), trunc: !f.bools.has('no-trunc'), ...(format ? { format } : {}) }))
  return 0
}

async function inspect(cli: Cli, f: ParsedFlags): Promise<number> {
  const found: Network[] = []
  const errors: string[] = []
  for (const ref of f.args) {
    try {
      found.push(await call(cli, cli.api.networkInspect(ref)))
    } catch (e) {
      errors.push(clientError(e))
    }
  }
  const format = flagValue(f, 'format')
  if (format) for (const n of found) cli.out(`${executeTemplate(format, networkResource(n))}\n`)
  else cli.out(formatNetworkInspect(found))
  if (errors.length === 0) return 0
  cli.err(`${errors.join('\n')}\n`)
  return 1
}

async function connect(cli: Cli, f: ParsedFlags): Promise<number> {
  const ip = flagValue(f, 'ip')
  const aliases = strings(f, 'alias')
  await call(cli, cli.api.networkConnect(f.args[0]!, f.args[1]!, { ...(ip ? { ipv4Address: ip } : {}), ...(aliases.length > 0 ? { aliases } : {}) }))
  return 0
}

async function disconnect(cli: Cli, f: ParsedFlags): Promise<number> {
  await call(cli, cli.api.networkDisconnect(f.args[0]!, f.args[1]!, f.bools.has('force')))
  return 0
}

async function rm(cli: Cli, f: ParsedFlags): Promise<number> {
  let status = 0
  for (const name of f.args) {
    try {
      await call(cli, cli.api.networkRemove(name))
      cli.out(`${name}\n`)
    } catch (e) {
      cli.err(`${clientError(e)}\n`)
      status = 1
    }
  }
  return status
}

const PRUNE_WARNING = 'WARNING! This will remove all custom networks not used by at least one container.'

async function prune(cli: Cli, f: ParsedFlags): Promise<number> {
  if (!f.bools.has('force')) {
    cli.out(`${PRUNE_WARNING}\nAre you sure you want to continue? [y/N] `)
    let answer = ''
    for (let chunk = await cli.ctx.proc.read(); chunk !== null; chunk = await cli.ctx.proc.read()) {
      answer += chunk
      if (answer.includes('\n')) break
    }
    if (!/^\s*y(es)?\s*$/i.test(answer.split('\n')[0] ?? '')) return 0
  }
  const names = await call(cli, cli.api.networkPrune())
  if (names.length > 0) cli.out(`Deleted Networks:\n${names.map((n) => `${n}\n`).join('')}\n`)
  return 0
}

const HANDLERS: Record<string, (cli: Cli, f: ParsedFlags) => Promise<number>> = { connect, create, disconnect, inspect, ls, prune, rm }

/** `docker network ARGS…` after the word `network`. */
export async function network(cli: Cli, args: readonly string[]): Promise<number> {
  const first = args[0]
  if (first === undefined || first === '--help' || first === '-h') {
    ;(first === undefined ? cli.err : cli.out)(networkGroupHelp())
    return 0
  }
  const sub = NETWORK_ALIASES[first] ?? first
  const spec = NETWORK_COMMANDS[sub]
  const handler = HANDLERS[sub]
  if (!spec || !handler) {
    cli.err(`${networkGroupHelp().trimEnd()}\n`)
    return 1
  }
  const flags = prepareCommand(cli, spec, spec.name, args.slice(1), networkHelpText)
  if (typeof flags === 'number') return flags
  try {
    return await handler(cli, flags)
  } catch (e) {
    if (e instanceof Interrupted) throw e
    cli.err(`${e instanceof CliError ? e.message : daemonError(e)}\n`)
    return 1
  }
}
