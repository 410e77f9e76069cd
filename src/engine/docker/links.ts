/**
 * Legacy links on the default bridge (moby daemon/links.go, links/links.go;
 * fact 15): `--link name[:alias]` is registered at create (the target must
 * exist), and at start it gives the container one /etc/hosts line for the
 * target (`IP<TAB>alias id12 [name]`) and the target's `ALIAS_PORT…`,
 * `ALIAS_NAME` and `ALIAS_ENV_…` variables. The link is one-way.
 */
import type { Container } from './container'
import { parsePortKey } from './container'
import { DockerError } from './errors'
import type { HostsRecord } from './container-files'

export interface LinkSpec {
  /** The target as typed (`tomcat01`). */
  readonly name: string
  readonly alias: string
}

/** opts.ParseLink: `name[:alias]`, leading slashes dropped. */
export function parseLink(text: string): LinkSpec {
  const [name = '', alias] = text.split(':', 2)
  const clean = name.replace(/^\/+/, '')
  if (clean === '') throw new DockerError('invalidParameter', `invalid link format: ${text}`)
  return { name: clean, alias: (alias ?? clean).replace(/^\/+/, '') }
}

/** `--link` on a user network (libnetwork CreateOptionAlias): alias → target, for the linking container's DNS only. */
export function linkAliases(links: readonly string[]): Record<string, string> {
  return Object.fromEntries(links.map((l) => parseLink(l)).map((l) => [l.alias.toLowerCase(), l.name.toLowerCase()]))
}

/** HostConfig.Links entries as the daemon stores them: `/tomcat01:/tomcat03/tomcat01` (capture 035). */
export function hostConfigLink(child: Container, parentName: string, alias: string): string {
  return `${child.Name}:${parentName}/${alias}`
}

/** Splits a stored link back into the child's name and the alias. */
export function storedLink(link: string): { child: string; alias: string } {
  const [child = '', path = ''] = link.split(':')
  return { child: child.replace(/^\//, ''), alias: path.slice(path.lastIndexOf('/') + 1) }
}

/** The /etc/hosts record for one link (buildSandboxOptions). */
export function linkHostsRecord(child: Container, alias: string, ip: string): HostsRecord {
  const name = child.Name.slice(1)
  return { ip, names: `${alias} ${child.Config.Hostname}${alias !== name ? ` ${name}` : ''}` }
}

/** links.Link.ToEnv: default port, each port (ranges collapsed), the name, the child's env without HOME and PATH. */
export function linkEnv(parentName: string, child: Container, alias: string, ip: string): string[] {
  const prefix = alias.toUpperCase().replace(/-/g, '_')
  const ports = child.Config.ExposedPorts.map(parsePortKey).sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol))
  const env: string[] = []
  const first = ports[0]
  if (first) env.push(`${prefix}_PORT=${first.protocol}://${ip}:${first.port}`)
  for (let i = 0; i < ports.length; ) {
    const p = ports[i]!
    let j = i
    while (j + 1 < ports.length && ports[j + 1]!.port === ports[j]!.port + 1 && ports[j + 1]!.protocol === p.protocol) j++
    const proto = p.protocol.toUpperCase()
    if (j > i + 1) {
      const last = ports[j]!
      env.push(`${prefix}_PORT_${p.port}_${proto}_START=${p.protocol}://${ip}:${p.port}`)
      env.push(`${prefix}_PORT_${p.port}_${proto}_ADDR=${ip}`)
      env.push(`${prefix}_PORT_${p.port}_${proto}_PROTO=${p.protocol}`)
      env.push(`${prefix}_PORT_${p.port}_${proto}_PORT_START=${p.port}`)
      env.push(`${prefix}_PORT_${p.port}_${proto}_END=${p.protocol}://${ip}:${last.port}`)
      env.push(`${prefix}_PORT_${p.port}_${proto}_PORT_END=${last.port}`)
    }
    for (let k = i; k <= j; k++) {
      const q = ports[k]!
      env.push(`${prefix}_PORT_${q.port}_${proto}=${q.protocol}://${ip}:${q.port}`)
      env.push(`${prefix}_PORT_${q.port}_${proto}_ADDR=${ip}`)
      env.push(`${prefix}_PORT_${q.port}_${proto}_PORT=${q.port}`)
      env.push(`${prefix}_PORT_${q.port}_${proto}_PROTO=${q.protocol}`)
    }
    i = j + 1
  }
  env.push(`${prefix}_NAME=/${parentName}/${alias}`)
  for (const e of child.Config.Env) {
    const eq = e.indexOf('=')
    if (eq < 0) continue
    const key = e.slice(0, eq)
    if (key === 'HOME' || key === 'PATH') continue
    env.push(`${prefix}_ENV_${key}=${e.slice(eq + 1)}`)
  }
  return env
}
