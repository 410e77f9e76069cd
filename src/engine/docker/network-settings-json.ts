/**
 * `NetworkSettings` of `docker inspect` (capture 104): the sandbox, the
 * published ports (a Go map, so keys sorted; exposed-only ports are null),
 * the default bridge's endpoint repeated at top level (fact: only there),
 * and one entry per network in connect order. Endpoint fields the
 * networking side may add (IPAMConfig, Links, DriverOpts) are read when
 * present.
 */
import type { Container, EndpointSettings } from './container'
import { standInHex } from './digest'

function endpointJson(s: EndpointSettings): Record<string, unknown> {
  const extra = s as EndpointSettings & { IPAMConfig?: unknown; Links?: unknown; DriverOpts?: unknown }
  return {
    IPAMConfig: extra.IPAMConfig ?? null,
    Links: extra.Links ?? null,
    Aliases: s.Aliases && s.Aliases.length > 0 ? [...s.Aliases] : null,
    NetworkID: s.NetworkID,
    EndpointID: s.EndpointID,
    Gateway: s.Gateway,
    IPAddress: s.IPAddress,
    IPPrefixLen: s.IPPrefixLen,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    MacAddress: s.MacAddress,
    DriverOpts: extra.DriverOpts ?? null,
  }
}

export function portsJson(c: Container): Record<string, unknown> {
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {}
  if (c.State.Status !== 'running' && c.State.Status !== 'paused') return ports
  for (const p of c.NetworkSettings.Ports) {
    const key = `${p.PrivatePort}/${p.Type}`
    if (p.PublicPort === undefined) {
      ports[key] ??= null
      continue
    }
    ports[key] = [...(ports[key] ?? []), { HostIp: p.IP ?? '', HostPort: String(p.PublicPort) }]
  }
  return Object.fromEntries(Object.entries(ports).sort(([a], [b]) => (a < b ? -1 : 1)))
}

export function networkSettingsJson(c: Container): Record<string, unknown> {
  const running = c.sandbox !== undefined
  const sandboxId = running ? standInHex(`${c.Id} sandbox ${c.State.StartedAt ?? 0}`) : ''
  const bridge = c.NetworkSettings.Networks.get('bridge')
  const top = bridge && c.HostConfig.NetworkMode !== 'host' ? bridge : undefined
  return {
    Bridge: '',
    SandboxID: sandboxId,
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    Ports: portsJson(c),
    SandboxKey: running ? `/var/run/docker/netns/${sandboxId.slice(0, 12)}` : '',
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: top?.EndpointID ?? '',
    Gateway: top?.Gateway ?? '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: top?.IPAddress ?? '',
    IPPrefixLen: top?.IPPrefixLen ?? 0,
    IPv6Gateway: '',
    MacAddress: top?.MacAddress ?? '',
    Networks: Object.fromEntries([...c.NetworkSettings.Networks].map(([name, s]) => [name, endpointJson(s)])),
  }
}
