/**
 * libnetwork `portallocator`: dynamic host ports per (host IP, protocol),
 * handed out round-robin: the search continues after the last port handed
 * out, so a freed port is not reused at once (fact 9). The kernel's
 * ephemeral range decides the bounds; the tutorial's host shows 49153+.
 */
import { DockerError } from './errors'

export const DYNAMIC_PORT_START = 49153
export const DYNAMIC_PORT_END = 65535

export type Protocol = 'tcp' | 'udp' | 'sctp'

interface PortMap {
  used: Set<number>
  last: number
}

export class PortAllocator {
  private maps = new Map<string, PortMap>()

  constructor(
    private readonly begin = DYNAMIC_PORT_START,
    private readonly end = DYNAMIC_PORT_END,
  ) {}

  private map(hostIp: string, proto: Protocol): PortMap {
    const key = `${hostIp}/${proto}`
    let m = this.maps.get(key)
    if (!m) {
      m = { used: new Set(), last: this.begin - 1 }
      this.maps.set(key, m)
    }
    return m
  }

  /** A specific port (`-p 6371:6379`), or the next dynamic one when `port` is 0. */
  request(hostIp: string, proto: Protocol, port = 0): number {
    const m = this.map(hostIp, proto)
    if (port !== 0) {
      if (m.used.has(port)) throw new DockerError('system', `Bind for ${hostIp}:${port} failed: port is already allocated`)
      m.used.add(port)
      return port
    }
    for (let i = 0; i <= this.end - this.begin; i++) {
      m.last = m.last >= this.end ? this.begin : m.last + 1
      if (!m.used.has(m.last)) {
        m.used.add(m.last)
        return m.last
      }
    }
    throw new DockerError('system', 'all ports are allocated')
  }

  release(hostIp: string, proto: Protocol, port: number): void {
    this.map(hostIp, proto).used.delete(port)
  }
}
