/**
 * `docker network ls` and `docker network inspect` output (docker/cli 20.10
 * cli/command/formatter and network/formatter.go; fact 7, 8): the Engine
 * API's NetworkResource in its key order, 4-space indented, Go maps with
 * sorted keys, containers keyed by id; the ls table with Docker's tabwriter.
 */
import type { Network } from '../../../docker/network'
import { formatRfc3339Nano } from '../../../docker/time'
import { formatIpv4 } from '../../../../lib/ipv4'
import { table } from './tabwriter'
import { executeTemplate, goJson } from './template'

const sorted = <T>(o: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** types.NetworkResource as the daemon answers GET /networks/{id}. */
export function networkResource(n: Network): Record<string, unknown> {
  const containers = [...n.endpoints.values()]
    .sort((a, b) => (a.containerId < b.containerId ? -1 : 1))
    .map((ep) => [
      ep.containerId,
      {
        Name: ep.name,
        EndpointID: ep.id,
        MacAddress: ep.mac ?? '',
        IPv4Address: ep.ip !== undefined ? `${formatIpv4(ep.ip)}/${ep.prefixLength}` : '',
        IPv6Address: '',
      },
    ])
  return {
    Name: n.Name,
    Id: n.Id,
    Created: formatRfc3339Nano(n.Created, n.CreatedNanos),
    Scope: n.Scope,
    Driver: n.Driver,
    EnableIPv6: n.EnableIPv6,
    IPAM: {
      Driver: n.IPAM.Driver,
      Options: n.IPAM.Options === null ? null : sorted(n.IPAM.Options),
      Config: n.IPAM.Config.map((c) => ({ Subnet: c.Subnet, ...(c.IPRange ? { IPRange: c.IPRange } : {}), ...(c.Gateway ? { Gateway: c.Gateway } : {}) })),
    },
    Internal: n.Internal,
    Attachable: n.Attachable,
    Ingress: n.Ingress,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: Object.fromEntries(containers),
    Options: sorted(n.Options),
    Labels: sorted(n.Labels),
  }
}

/** `docker network inspect` without --format: the list, indented as the CLI's inspect does. */
export function formatNetworkInspect(networks: readonly Network[]): string {
  return goJson(networks.map(networkResource), '    ') + '\n'
}

/** The template context of `network ls --format` (formatter.networkContext). */
function lsContext(n: Network, trunc: boolean): Record<string, unknown> {
  const labels = Object.entries(sorted(n.Labels))
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
  return {
    ID: trunc ? n.Id.slice(0, 12) : n.Id,
    Name: n.Name,
    Driver: n.Driver,
    Scope: n.Scope,
    IPv6: String(n.EnableIPv6),
    Internal: String(n.Internal),
    Labels: labels,
    CreatedAt: formatRfc3339Nano(n.Created, n.CreatedNanos).replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC'),
  }
}

const HEADERS: Record<string, string> = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT' }

export interface NetworkLsOptions {
  readonly quiet: boolean
  readonly trunc: boolean
  readonly format?: string
}

/** `docker network ls`: the default table, `-q`, or a Go template (`table …` adds the header row). */
export function formatNetworkLs(networks: readonly Network[], o: NetworkLsOptions): string {
  if (o.quiet) return networks.map((n) => `${o.trunc ? n.Id.slice(0, 12) : n.Id}\n`).join('')
  const format = o.format ?? 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}'
  const isTable = format.startsWith('table')
  const body = isTable ? format.slice(5).replace(/^\s+/, '') : format
  const rows = networks.map((n) => executeTemplate(body, lsContext(n, o.trunc)))
  if (!isTable) return rows.map((r) => `${r}\n`).join('')
  const header = body.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, f: string) => HEADERS[f] ?? f.toUpperCase())
  return table([header, ...rows].map((r) => r.split('\t')))
}
