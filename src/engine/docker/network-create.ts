/**
 * `POST /networks/create` as the 20.10 daemon validates it (daemon/network.go
 * createNetwork, getIpamConfig; libnetwork NewNetwork): predefined names,
 * duplicate names (the CLI always sets CheckDuplicate), the IPAM config's
 * CIDRs, the driver, then the pool (fact 19's messages).
 */
import { cidrContains, cidrsOverlap, networkAddress, parseCidr, parseIpv4, type Cidr, type Ipv4 } from '../../lib/ipv4'
import { DockerError } from './errors'
import type { IpamConfig, Network, NetworkDriver } from './network'

export interface NetworkCreateRequest {
  readonly Name: string
  /** '' means bridge. */
  readonly Driver?: string
  readonly Internal?: boolean
  readonly Attachable?: boolean
  readonly IPAM?: { readonly Driver?: string; readonly Config?: readonly IpamConfig[]; readonly Options?: Record<string, string> }
  readonly Options?: Record<string, string>
  readonly Labels?: Record<string, string>
}

export const PREDEFINED_NETWORKS = ['bridge', 'host', 'none', 'default']

/** The parsed pool of a create request. */
export interface PoolRequest {
  readonly subnet?: Cidr
  readonly range?: Cidr
  readonly gateway?: Ipv4
  readonly config?: IpamConfig
}

/** Checks before the driver and the pool: name, IPAM CIDRs (in that order). */
export function validateCreate(req: NetworkCreateRequest, existing: readonly Network[]): void {
  if (PREDEFINED_NETWORKS.includes(req.Name)) throw new DockerError('forbidden', `operation is not permitted on predefined ${req.Name} network `)
  if (existing.some((n) => n.Name === req.Name)) throw new DockerError('conflict', `network with name ${req.Name} already exists`)
  for (const c of req.IPAM?.Config ?? []) {
    if (!parseCidr(c.Subnet)) throw new DockerError('invalidParameter', `Invalid subnet ${c.Subnet} : invalid CIDR address: ${c.Subnet}`)
    if (c.IPRange !== undefined && c.IPRange !== '' && !parseCidr(c.IPRange)) throw new DockerError('invalidParameter', `Invalid ip range ${c.IPRange} : invalid CIDR address: ${c.IPRange}`)
    if (c.Gateway !== undefined && c.Gateway !== '' && parseIpv4(c.Gateway) === undefined) throw new DockerError('invalidParameter', `Invalid gateway ${c.Gateway} : ParseIP returned nil`)
  }
}

/** libnetwork `New(driver)`: built-in drivers only; anything else is a missing plugin. */
export function driverOf(req: NetworkCreateRequest): NetworkDriver {
  const driver = req.Driver === undefined || req.Driver === '' ? 'bridge' : req.Driver
  if (driver === 'host' || driver === 'null') throw new DockerError('forbidden', `only one instance of "${driver}" network is allowed`)
  if (driver !== 'bridge') throw new DockerError('notFound', `plugin "${driver}" not found`)
  return driver
}

/** The pool the request asks for (the first IPv4 config), or nothing for a default pool. */
export function poolRequest(req: NetworkCreateRequest, existing: readonly Network[]): PoolRequest {
  const config = req.IPAM?.Config?.[0]
  if (!config) return {}
  const subnet = parseCidr(config.Subnet)!
  const normalised = { address: networkAddress(subnet), prefixLength: subnet.prefixLength }
  for (const n of existing) {
    for (const c of n.IPAM.Config) {
      const other = parseCidr(c.Subnet)
      if (other && cidrsOverlap(other, normalised)) throw new DockerError('forbidden', 'Pool overlaps with other one on this address space')
    }
  }
  const range = config.IPRange ? parseCidr(config.IPRange) : undefined
  if (range && !cidrContains(normalised, range.address)) throw new DockerError('invalidParameter', `Invalid ip range ${config.IPRange}: it does not belong to the subnet ${config.Subnet}`)
  const gateway = config.Gateway ? parseIpv4(config.Gateway) : undefined
  return { subnet: normalised, ...(range ? { range } : {}), ...(gateway !== undefined ? { gateway } : {}), config }
}
