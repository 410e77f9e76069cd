/**
 * `docker network` and its subcommands as docker/cli 20.10 declares them
 * (cli/command/network/*.go): use lines, descriptions, aliases and flags,
 * for parsing, `--help` and the usage errors (captures 060, 061).
 */
import type { CommandSpec, FlagDoc } from './commands'
import { flagUsages } from './commands'

type Kind = FlagDoc['type']
const f = (long: string, short: string | undefined, usage: string, varname?: string, def?: string): FlagDoc => {
  const type: Kind = varname === undefined ? 'bool' : ['strings', 'list', 'map', 'filter'].includes(varname) ? 'list' : varname === 'int' ? 'int' : 'string'
  return { long, ...(short ? { short } : {}), type, usage, ...(varname ? { varname } : {}), ...(def !== undefined ? { default: def } : {}) }
}

export interface NetworkCommandSpec extends CommandSpec {
  readonly aliases?: readonly string[]
}

const spec = (name: string, use: string, short: string, args: CommandSpec['args'], flags: FlagDoc[], aliases?: string[]): NetworkCommandSpec => ({
  name: `network ${name}`,
  use: `docker network ${use}`,
  short,
  args,
  flags,
  interspersed: true,
  ...(aliases ? { aliases } : {}),
})

export const NETWORK_COMMANDS: Record<string, NetworkCommandSpec> = {
  connect: spec('connect', 'connect [OPTIONS] NETWORK CONTAINER', 'Connect a container to a network', { exact: 2 }, [
    f('alias', undefined, 'Add network-scoped alias for the container', 'strings'),
    f('driver-opt', undefined, 'driver options for the network', 'strings'),
    f('ip', undefined, 'IPv4 address (e.g., 172.30.100.104)', 'string'),
    f('ip6', undefined, 'IPv6 address (e.g., 2001:db8::33)', 'string'),
    f('link', undefined, 'Add link to another container', 'list'),
    f('link-local-ip', undefined, 'Add a link-local address for the container', 'strings'),
  ]),
  create: spec('create', 'create [OPTIONS] NETWORK', 'Create a network', { exact: 1 }, [
    f('attachable', undefined, 'Enable manual container attachment'),
    f('aux-address', undefined, 'Auxiliary IPv4 or IPv6 addresses used by Network driver', 'map', 'map[]'),
    f('config-from', undefined, 'The network from which to copy the configuration', 'string'),
    f('config-only', undefined, 'Create a configuration only network'),
    f('driver', 'd', 'Driver to manage the Network', 'string', '"bridge"'),
    f('gateway', undefined, 'IPv4 or IPv6 Gateway for the master subnet', 'strings'),
    f('ingress', undefined, 'Create swarm routing-mesh network'),
    f('internal', undefined, 'Restrict external access to the network'),
    f('ip-range', undefined, 'Allocate container ip from a sub-range', 'strings'),
    f('ipam-driver', undefined, 'IP Address Management Driver', 'string', '"default"'),
    f('ipam-opt', undefined, 'Set IPAM driver specific options', 'map', 'map[]'),
    f('ipv6', undefined, 'Enable IPv6 networking'),
    f('label', undefined, 'Set metadata on a network', 'list'),
    f('opt', 'o', 'Set driver specific options', 'map', 'map[]'),
    f('scope', undefined, "Control the network's scope", 'string'),
    f('subnet', undefined, 'Subnet in CIDR format that represents a network segment', 'strings'),
  ]),
  disconnect: spec('disconnect', 'disconnect [OPTIONS] NETWORK CONTAINER', 'Disconnect a container from a network', { exact: 2 }, [
    f('force', 'f', 'Force the container to disconnect from a network'),
  ]),
  inspect: spec('inspect', 'inspect [OPTIONS] NETWORK [NETWORK...]', 'Display detailed information on one or more networks', { min: 1 }, [
    f('format', 'f', 'Format the output using the given Go template', 'string'),
    f('verbose', 'v', 'Verbose output for diagnostics'),
  ]),
  ls: spec(
    'ls',
    'ls [OPTIONS]',
    'List networks',
    { max: 0 },
    [
      f('filter', 'f', "Provide filter values (e.g. 'driver=bridge')", 'filter'),
      f('format', undefined, 'Pretty-print networks using a Go template', 'string'),
      f('no-trunc', undefined, 'Do not truncate the output'),
      f('quiet', 'q', 'Only display network IDs'),
    ],
    ['ls', 'list'],
  ),
  prune: spec('prune', 'prune [OPTIONS]', 'Remove all unused networks', { max: 0 }, [
    f('filter', undefined, "Provide filter values (e.g. 'until=<timestamp>')", 'filter'),
    f('force', 'f', 'Do not prompt for confirmation'),
  ]),
  rm: spec('rm', 'rm NETWORK [NETWORK...]', 'Remove one or more networks', { min: 1 }, [], ['rm', 'remove']),
}

/** Other spellings of the subcommands. */
export const NETWORK_ALIASES: Record<string, string> = { list: 'ls', remove: 'rm' }

/** cobra's usage template as docker/cli 20.10 sets it, with the Aliases block. */
export function networkHelpText(cmd: NetworkCommandSpec): string {
  const aliases = cmd.aliases ? `\n\nAliases:\n  ${cmd.aliases.join(', ')}` : ''
  const options = cmd.flags.length > 0 ? `\n\nOptions:\n${flagUsages(cmd.flags)}` : ''
  return `\nUsage:  ${cmd.use}\n\n${cmd.short}${aliases}${options}\n`
}

/** `docker network --help` (capture 060). */
export function networkGroupHelp(): string {
  const rows = Object.values(NETWORK_COMMANDS)
    .map((c) => `  ${c.name.slice('network '.length).padEnd(11)} ${c.short}`)
    .join('\n')
  return `\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n${rows}\n\nRun 'docker network COMMAND --help' for more information on a command.\n`
}

/** Top-level commands of the networking side (looked up after commands.ts). */
export const NETWORKING_COMMANDS: Record<string, CommandSpec> = {
  port: { name: 'port', use: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]', short: 'List port mappings or a specific mapping for the container', interspersed: true, args: { min: 1, max: 2 }, flags: [] },
}
