/**
 * libnetwork's default IPAM, as far as the tutorial shows it: a pool is a
 * subnet with a gateway; container addresses are the lowest free address
 * from .2 up (fact 3), released when the container stops. Default pools
 * come from the predefined list, skipping any that overlap a host route or
 * an existing network (facts 1, 2).
 */
import { broadcastAddress, cidrsOverlap, formatIpv4, cidrContains, networkAddress, type Cidr, type Ipv4 } from '../../lib/ipv4'
import { DockerError } from './errors'

export class IpamPool {
  private allocated = new Set<Ipv4>()

  constructor(
    readonly subnet: Cidr,
    readonly gateway: Ipv4,
    /** `--ip-range`: dynamic addresses come from here only. */
    readonly range?: Cidr,
  ) {}

  /** Addresses held by endpoints (the gateway is never in here). */
  addresses(): Ipv4[] {
    return [...this.allocated].sort((a, b) => a - b)
  }

  isFree(ip: Ipv4): boolean {
    return !this.allocated.has(ip) && ip !== this.gateway
  }

  /**
   * The lowest free host address, or `preferred` when given
   * (`--ip`, fact 20's messages when it cannot be had).
   */
  allocate(preferred?: Ipv4): Ipv4 {
    const within = this.range ?? this.subnet
    const first = Math.max(networkAddress(within), networkAddress(this.subnet) + 1)
    const last = Math.min(broadcastAddress(within), broadcastAddress(this.subnet) - 1)
    if (preferred !== undefined) {
      if (!cidrContains(this.subnet, preferred)) {
        throw new DockerError('invalidParameter', `Invalid address ${formatIpv4(preferred)}: It does not belong to any of this network's subnets`)
      }
      if (!this.isFree(preferred)) throw new DockerError('conflict', 'Address already in use')
      this.allocated.add(preferred)
      return preferred
    }
    for (let ip = first; ip <= last; ip++) {
      if (this.isFree(ip)) {
        this.allocated.add(ip)
        return ip
      }
    }
    throw new DockerError('unavailable', 'no available IPv4 addresses on this network\'s address pools')
  }

  release(ip: Ipv4): void {
    this.allocated.delete(ip)
  }
}

/** ipamutils.PredefinedLocalScopeDefaultNetworks: 172.17–31.0.0/16, then 192.168.0.0/16 in /20s. */
export function predefinedPools(): Cidr[] {
  const pools: Cidr[] = []
  for (let b = 17; b <= 31; b++) pools.push({ address: ((172 << 24) | (b << 16)) >>> 0, prefixLength: 16 })
  for (let c = 0; c < 256; c += 16) pools.push({ address: ((192 << 24) | (168 << 16) | (c << 8)) >>> 0, prefixLength: 20 })
  return pools
}

/**
 * The first predefined pool that overlaps none of `taken` (host routes,
 * existing networks), starting after `cursor` and wrapping once: the
 * allocator is round-robin (fact 2). Returns the pool and its index.
 */
export function choosePool(taken: readonly Cidr[], cursor = -1): { pool: Cidr; index: number } | undefined {
  const pools = predefinedPools()
  for (let k = 1; k <= pools.length; k++) {
    const index = (cursor + k) % pools.length
    const pool = pools[index]!
    if (!taken.some((t) => cidrsOverlap(t, pool))) return { pool, index }
  }
  return undefined
}

/**
 * libnetwork ipam `getPredefinedPool`: the search starts after the last
 * pool handed out (predefinedStartIndices), so a freed pool is not reused
 * until the list wraps (fact 2). docker0's pool is elected apart and does
 * not move the cursor.
 */
export class PredefinedPools {
  private cursor = -1

  next(taken: readonly Cidr[]): Cidr | undefined {
    const chosen = choosePool(taken, this.cursor)
    if (!chosen) return undefined
    this.cursor = chosen.index
    return chosen.pool
  }
}

export const NO_POOL_MESSAGE = 'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network'
