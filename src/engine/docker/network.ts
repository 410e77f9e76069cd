/**
 * Networks and their endpoints, with libnetwork's names. A bridge network
 * owns a Linux bridge (docker0, br-<id12>), an IPAM pool and one endpoint
 * per attached container; `host` and `none` are the two built-in networks
 * without a bridge (fact 7, `none` has driver `null`).
 */
import type { Ipv4 } from '../../lib/ipv4'
import type { BridgeLink, VethLink } from '../kernel/net/types'
import type { IpamPool } from './ipam'

export type NetworkDriver = 'bridge' | 'host' | 'null'

export interface IpamConfig {
  readonly Subnet: string
  readonly IPRange?: string
  readonly Gateway?: string
}

export interface Network {
  readonly Name: string
  readonly Id: string
  readonly Created: number // epoch ms
  readonly CreatedNanos: number // sub-millisecond digits of Created (RFC3339Nano)
  readonly Scope: 'local'
  readonly Driver: NetworkDriver
  readonly EnableIPv6: boolean
  readonly IPAM: { readonly Driver: string; readonly Options: Record<string, string> | null; readonly Config: readonly IpamConfig[] }
  readonly Internal: boolean
  readonly Attachable: boolean
  readonly Ingress: boolean
  readonly Options: Readonly<Record<string, string>>
  readonly Labels: Readonly<Record<string, string>>
  /** Bridge networks only. */
  readonly bridgeName?: string
  bridge?: BridgeLink
  readonly pool?: IpamPool
  /** The subnet came from `--subnet` (only then may endpoints ask for `--ip`). */
  readonly userSubnet?: boolean
  /** Container id → endpoint, for running containers. */
  readonly endpoints: Map<string, Endpoint>
}

/** A container's attachment to a network while it runs (a libnetwork endpoint). */
export interface Endpoint {
  readonly id: string // 64 hex
  readonly networkId: string
  readonly containerId: string
  /** Container name without the slash. */
  readonly name: string
  readonly ip?: Ipv4
  readonly prefixLength?: number
  readonly mac?: string
  /** Host end of the veth pair (bridge networks); its `peer` is the container's ethN. */
  readonly hostVeth?: VethLink
  /** The interface name inside the container (eth0, eth1, …). */
  readonly ifName?: string
  /** Names the embedded DNS answers for it besides `name` (aliases, short id); user networks only. */
  readonly aliases: readonly string[]
  /** Container-local names from `--link target:alias` on a user network: alias → target. */
  readonly links?: Readonly<Record<string, string>>
}

/** User-defined networks have the embedded DNS, aliases and `--ip` (not the default bridge, host or none). */
export const isUserDefined = (n: Network): boolean => n.Driver === 'bridge' && n.Name !== 'bridge'

/** The six options of the default bridge (fact 1, capture 002). */
export const DEFAULT_BRIDGE_OPTIONS: Readonly<Record<string, string>> = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
}
