/** `docker ps`, `rm`, `stop`, `start` (docker/cli 20.10 cli/command/container). */
import type { ParsedFlags } from './flags'
import { flagValue } from './flags'
import { call, clientError, daemonError, type Cli } from './cli'
import { formatPs } from './format/ps'

export async function ps(cli: Cli, f: ParsedFlags): Promise<number> {
  const last = Number(flagValue(f, 'last') ?? '-1')
  const all = f.bools.has('all') || f.bools.has('latest') || last > 0
  let list = await call(cli, cli.api.containerList({ all }))
  if (f.bools.has('latest')) list = list.slice(0, 1)
  else if (last > 0) list = list.slice(0, last)
  cli.out(formatPs(list, cli.api.systemTime(), { quiet: f.bools.has('quiet'), trunc: !f.bools.has('no-trunc') }))
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
  const errors = await eachInOrder(
    cli,
    f.args,
    (name) => {
      const trimmed = name.replace(/^\/+|\/+$/g, '')
      if (trimmed === '') return Promise.reject(new Error('Container name cannot be empty'))
      return cli.api.containerRemove(trimmed, { force })
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
