/**
 * `docker port CONTAINER [PRIVATE_PORT[/PROTO]]` (docker/cli 20.10
 * cli/command/container/port.go; fact 24): every binding as
 * `8080/tcp -> 0.0.0.0:49153`, sorted as strings; with a port, only
 * `IP:PORT` lines, or `Error: No public port '9999/tcp' published for c`.
 */
import type { Cli } from './cli'
import { call, clientError } from './cli'
import type { ParsedFlags } from './flags'

export async function port(cli: Cli, f: ParsedFlags): Promise<number> {
  const [ref, wanted] = f.args as [string, string | undefined]
  let ports
  try {
    ports = (await call(cli, cli.api.containerInspect(ref))).NetworkSettings.Ports
  } catch (e) {
    cli.err(`${clientError(e)}\n`)
    return 1
  }
  const published = ports.filter((p) => p.PublicPort !== undefined)
  if (wanted !== undefined) {
    const [number, proto] = wanted.split('/', 2)
    const key = `${number}/${proto || 'tcp'}`
    if (!/^\d+$/.test(number ?? '')) {
      cli.err(`Error: Invalid containerPort: ${number}\n`)
      return 1
    }
    const lines = published.filter((p) => `${p.PrivatePort}/${p.Type}` === key).map((p) => `${p.IP ?? ''}:${p.PublicPort}\n`)
    if (lines.length === 0) {
      cli.err(`Error: No public port '${key}' published for ${ref}\n`)
      return 1
    }
    cli.out(lines.join(''))
    return 0
  }
  const lines = published.map((p) => `${p.PrivatePort}/${p.Type} -> ${p.IP ?? ''}:${p.PublicPort}`).sort()
  cli.out(lines.map((l) => `${l}\n`).join(''))
  return 0
}
