/**
 * `docker create`, `start` (-a, -i), `restart`, `kill`, `pause`, `unpause`,
 * `rename` (docker/cli 20.10 cli/command/container). The multi-container
 * ones echo each argument as typed on success and print the daemon's error
 * for the others, exit 1 if any failed.
 */
import { start as startEach } from './cmd-containers'
import { resolvePath } from '../../kernel/fs/fs'
import { Interrupted } from '../../kernel/proc/errors'
import { call, daemonError, type Cli } from './cli'
import { createRequest, createWithPull, RunError } from './cmd-run'
import { flagValue, type ParsedFlags } from './flags'

/** Runs `op` for each argument in order; prints the name or collects the error. */
async function each(cli: Cli, names: readonly string[], op: (name: string) => Promise<unknown>): Promise<number> {
  const errors: string[] = []
  for (const name of names) {
    try {
      await call(cli, op(name))
      cli.out(`${name}\n`)
    } catch (e) {
      errors.push(daemonError(e))
    }
  }
  if (errors.length === 0) return 0
  cli.err(`${errors.join('\n')}\n`)
  return 1
}

export const pause = (cli: Cli, f: ParsedFlags): Promise<number> => each(cli, f.args, (n) => cli.api.containerPause(n))
export const unpause = (cli: Cli, f: ParsedFlags): Promise<number> => each(cli, f.args, (n) => cli.api.containerUnpause(n))
export const kill = (cli: Cli, f: ParsedFlags): Promise<number> => each(cli, f.args, (n) => cli.api.containerKill(n, flagValue(f, 'signal') ?? 'KILL'))
export const restart = (cli: Cli, f: ParsedFlags): Promise<number> => {
  const t = flagValue(f, 'time')
  return each(cli, f.args, (n) => cli.api.containerRestart(n, t === undefined ? undefined : Number(t)))
}

export async function rename(cli: Cli, f: ParsedFlags): Promise<number> {
  const [from, to] = f.args as [string, string]
  if (from.trim() === '' || to.trim() === '') {
    cli.err('Error: Neither old nor new names may be empty\n')
    return 1
  }
  try {
    await call(cli, cli.api.containerRename(from, to))
    return 0
  } catch (e) {
    cli.err(`${daemonError(e)}\n`)
    return 1
  }
}

export async function create(cli: Cli, f: ParsedFlags): Promise<number> {
  try {
    const proc = cli.ctx.proc
    const req = createRequest(f, false, (path) => proc.sandbox.fs.readFile(resolvePath(proc.cwd, path)))
    cli.out(`${await createWithPull(cli, req)}\n`)
    return 0
  } catch (e) {
    if (!(e instanceof RunError)) throw e
    cli.err(`${e.message}\n`) // runCreate returns the error as is: no `docker:` prefix, exit 1
    return 1
  }
}

export async function start(cli: Cli, f: ParsedFlags): Promise<number> {
  const attach = f.bools.has('attach') || f.bools.has('interactive')
  if (!attach) return startEach(cli, f)
  if (f.args.length > 1) {
    cli.err('Error: you cannot start and attach multiple containers at once\n')
    return 1
  }
  const proc = cli.ctx.proc
  const name = f.args[0]!
  let tty = false
  try {
    tty = (await call(cli, cli.api.containerInspect(name))).Config.Tty
  } catch (e) {
    cli.err(`${daemonError(e)}\n`)
    return 1
  }
  const onTty = tty && proc.stdin.tty !== undefined
  const detach = onTty ? undefined : cli.api.containerAttach(name, { stdout: proc.stdout, stderr: proc.stderr })
  const exited = cli.api.containerWait(name, 'next-exit')
  try {
    const stdio = onTty ? { tty: proc.stdin.tty! } : f.bools.has('interactive') ? { stdin: proc.stdin } : {}
    const main = await call(cli, cli.api.containerStart(name, stdio))
    if (!main) return 0
    const previous = proc.stdin.tty?.foregroundPgid
    if (onTty) proc.stdin.tty!.foregroundPgid = main.pgid
    else proc.trap('SIGINT', () => void cli.api.containerKill(name, 'INT').catch(() => {}))
    try {
      for (;;) {
        try {
          return await proc.waitFor(exited)
        } catch (e) {
          if (!(e instanceof Interrupted)) throw e
        }
      }
    } finally {
      if (onTty && previous !== undefined) proc.stdin.tty!.foregroundPgid = previous
    }
  } catch (e) {
    if (e instanceof Interrupted) throw e
    cli.err(`${daemonError(e)}\nError: failed to start containers: ${name}\n`)
    return 1
  } finally {
    detach?.()
  }
}
