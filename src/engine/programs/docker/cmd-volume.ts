/** `docker volume create|ls|rm|prune` (docker/cli 20.10 cli/command/volume); inspect is in cmd-inspect.ts. */
import { call, clientError, daemonError, type Cli } from './cli'
import { flagList, flagValue, type ParsedFlags } from './flags'
import { table } from './format/tabwriter'
import { templateTable } from './format/ps-template'
import { TemplateError } from './format/template'

export async function volumeCreate(cli: Cli, f: ParsedFlags): Promise<number> {
  const driver = flagValue(f, 'driver') ?? 'local'
  if (driver !== 'local') {
    cli.err(`Error response from daemon: create ${f.args[0] ?? ''}: error looking up volume plugin ${driver}: plugin "${driver}" not found\n`)
    return 1
  }
  const labels = Object.fromEntries(flagList(f, 'label').map((l) => [l.split('=')[0]!, l.slice(l.indexOf('=') + 1)]))
  try {
    const v = await call(cli, cli.api.volumeCreate(f.args[0], labels))
    cli.out(`${v.Name}\n`)
    return 0
  } catch (e) {
    cli.err(`${daemonError(e)}\n`)
    return 1
  }
}

export async function volumeLs(cli: Cli, f: ParsedFlags): Promise<number> {
  const list = await call(cli, cli.api.volumeList())
  if (f.bools.has('quiet')) {
    cli.out(list.map((v) => `${v.Name}\n`).join(''))
    return 0
  }
  const format = flagValue(f, 'format')
  if (format === undefined) {
    cli.out(table([['DRIVER', 'VOLUME NAME'], ...list.map((v) => [v.Driver, v.Name])]))
    return 0
  }
  try {
    const rows = list.map((v) => ({ Name: v.Name, Driver: v.Driver, Scope: v.Scope, Mountpoint: v.Mountpoint, Labels: '', Links: 'N/A', Size: 'N/A' }))
    cli.out(templateTable(format, rows, { Name: 'VOLUME NAME', Driver: 'DRIVER', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE' }, '*formatter.volumeContext'))
    return 0
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e
    cli.err(`${e.message}\n`)
    return 1
  }
}

export async function volumeRm(cli: Cli, f: ParsedFlags): Promise<number> {
  const errors: string[] = []
  for (const name of f.args) {
    try {
      await call(cli, cli.api.volumeRemove(name, f.bools.has('force')))
      cli.out(`${name}\n`)
    } catch (e) {
      errors.push(clientError(e))
    }
  }
  if (errors.length === 0) return 0
  cli.err(`${errors.join('\n')}\n`)
  return 1
}

export async function volumePrune(cli: Cli, f: ParsedFlags): Promise<number> {
  if (!f.bools.has('force')) {
    cli.out('WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ')
    const answer = (await cli.ctx.proc.read()) ?? ''
    if (!/^\s*y(es)?\s*$/i.test(answer.split('\n')[0] ?? '')) return 0
  }
  const removed = await call(cli, cli.api.volumePrune())
  if (removed.length > 0) cli.out(`Deleted Volumes:\n${removed.map((n) => `${n}\n`).join('')}\n`)
  cli.out('Total reclaimed space: 0B\n')
  return 0
}
