/**
 * Port publishing at start (libnetwork bridge driver `allocatePorts`):
 * each exposed port with a binding (`-p`, or every exposed port with `-P`)
 * gets a host port on 0.0.0.0, and the same port on `::` (20.10 binds both,
 * fact 10); other exposed ports are listed without a binding (PORTS
 * `8080/tcp`). Only recorded: DNAT and the proxy come in a later issue.
 */
import type { Container, Port } from './container'
import { parsePortKey } from './container'
import { DockerError } from './errors'
import type { PortAllocator } from './ports'

export function publishPorts(c: Container, alloc: PortAllocator, endpointId: string): Port[] {
  const ports: Port[] = []
  const keys = [...c.Config.ExposedPorts].sort((a, b) => parsePortKey(a).port - parsePortKey(b).port || a.localeCompare(b))
  try {
    for (const key of keys) {
      const { port, protocol } = parsePortKey(key)
      const bindings = c.HostConfig.PortBindings[key] ?? (c.HostConfig.PublishAllPorts ? [{ HostIp: '', HostPort: '' }] : undefined)
      if (!bindings) {
        ports.push({ PrivatePort: port, Type: protocol })
        continue
      }
      for (const b of bindings) {
        const requested = b.HostPort === '' ? 0 : Number(b.HostPort)
        if (b.HostIp !== '' && b.HostIp !== '0.0.0.0') {
          ports.push({ IP: b.HostIp, PrivatePort: port, PublicPort: alloc.request(b.HostIp, protocol, requested), Type: protocol })
          continue
        }
        const v4 = alloc.request('0.0.0.0', protocol, requested)
        ports.push({ IP: '0.0.0.0', PrivatePort: port, PublicPort: v4, Type: protocol })
        if (b.HostIp === '') {
          try {
            ports.push({ IP: '::', PrivatePort: port, PublicPort: alloc.request('::', protocol, v4), Type: protocol })
          } catch {
            // IPv6 binding is best effort in 20.10
          }
        }
      }
    }
  } catch (error) {
    releasePorts(ports, alloc)
    const why = error instanceof Error ? error.message : String(error)
    throw new DockerError('system', `driver failed programming external connectivity on endpoint ${c.Name.slice(1)} (${endpointId}): ${why}`)
  }
  return ports
}

export function releasePorts(ports: readonly Port[], alloc: PortAllocator): void {
  for (const p of ports) if (p.PublicPort !== undefined && p.IP !== undefined) alloc.release(p.IP, p.Type, p.PublicPort)
}
