/** `docker ps`, `rm`, `stop`, `start` (docker/cli 20.10 cli/command/container). */
import type { ParsedFlags } from './flags'
import { flagList, flagValue } from './flags'
import { formatPsTemplate, PS_DEFAULT } from './format/ps-template'
import { TemplateError } from './format/template'
import { call, clientError, daemonError, type Cli } from './cli'
import { formatPs } from './format/ps'

/** opts.FilterOpt: `key=value` pairs into the API's filter map. */
export function parseFilters(values: readonly string[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {}
  for (const v of values) {
    const i = v.indexOf('=')
    if (i < 0) throw new Error(`invalid argument "${v}" for "-f, --filter" flag: bad format of filter (expected name=value)`)
    const key = v.slice(0, i).trim().toLowerCase()
    ;(filters[key] ??= []).push(v.slice(i + 1))
  }
  return filters
}

export async function ps(cli: Cli, f: ParsedFlags): Promise<number> {
  const last = Number(flagValue(f, 'last') ?? '-1')
  const all = f.bools.has('all') || f.bools.has('latest') || last > 0
  let filters: Record<string, string[]>
  try {
    filters = parseFilters(flagList(f, 'filter'))
  } catch (e) {
    cli.err(`${e instanceof Error ? e.message : String(e)}\nSee 'docker ps --help'.\n`)
    return 125
  }
  const size = f.bools.has('size')
  let list
  try {
    list = await call(cli, cli.api.containerList({ all, filters, size }))
  } catch (e) {
    cli.err(`${daemonError(e)}\n`)
    return 1
  }
  if (f.bools.has('latest')) list = list.slice(0, 1)
  else if (last > 0) list = list.slice(0, last)
  const trunc = !f.bools.has('no-trunc')
  const format = flagValue(f, 'format')
  const quiet = f.bools.has('quiet')
  if (quiet || (format === undefined && !size)) {
    cli.out(formatPs(list, cli.api.systemTime(), { quiet, trunc }))
    return 0
  }
  try {
    cli.out(formatPsTemplate(list, cli.api.systemTime(), format ?? `${PS_DEFAULT}\t{{.Size}}`, trunc))
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e
    cli.err(`${e.message}\n`)
    return 1
  }
  return 0
}

/**
 * Runs `op` for every argument at once (docker/cli parallelOperation) and
 * reports in argument order: the argument as typed on success (fact 21).
 */
async function eachInOrder(cli: Cli, names: readonly string[], op: (name: string) => Promise<void>, word: (e: unknown) => string): Promise<string[]> {
  const results = names.map((n) =>
    op(n).then(
      () => undefined,
      (e: unknown) => word(e),
    ),
  )
  const errors: string[] = []
  for (let i = 0; i < names.length; i++) {
    const error = await call(cli, results[i]!)
    if (error === undefined) cli.out(`${names[i]}\n`)
    else errors.push(error)
  }
  return errors
}

export async function rm(cli: Cli, f: ParsedFlags): Promise<number> {
  const force = f.bools.has('force')
  const volumes = f.bools.has('volumes')
  const errors = await eachInOrder(
    cli,
    f.args,
    (name) => {
      const trimmed = name.replace(/^\/+|\/+$/g, '')
      if (trimmed === '') return Promise.reject(new Error('Container name cannot be empty'))
      return cli.api.containerRemove(trimmed, { force, volumes })
    },
    clientError,
  )
  if (errors.length === 0) return 0
  cli.err(`${errors.join('\n')}\n`)
  return 1
}

export async function stop(cli: Cli, f: ParsedFlags): Promise<number> {
  const time = flagValue(f, 'time')
  const errors = await eachInOrder(cli, f.args, (name) => cli.api.containerStop(name, time === undefined ? undefined : Number(time)), daemonError)
  if (errors.length === 0) return 0
  cli.err(`${errors.join('\n')}\n`)
  return 1
}

/** `docker start NAME…` without -a/-i: start each, echo its name; the lifecycle `start` delegates here. */
export async function start(cli: Cli, f: ParsedFlags): Promise<number> {
  const failed: string[] = []
  for (const name of f.args) {
    try {
      await call(cli, cli.api.containerStart(name))
      cli.out(`${name}\n`)
    } catch (e) {
      cli.err(`${daemonError(e)}\n`)
      failed.push(name)
    }
  }
  if (failed.length === 0) return 0
  cli.err(`Error: failed to start containers: ${failed.join(', ')}\n`)
  return 1
}
