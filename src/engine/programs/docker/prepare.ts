/**
 * cobra's preamble for every command: parse the flags (an unknown or bad flag
 * is exit 125 with `See 'docker NAME --help'.`), answer `--help`, and check the
 * number of arguments (exit 1 with the usage text). Shared by the top-level
 * dispatch and `docker network …`.
 */
import type { Cli } from './cli'
import { argsError, type CommandSpec } from './commands'
import { FlagError, parseFlags, type ParsedFlags } from './flags'

/** The parsed flags, or the exit status to return at once. */
export function prepareCommand(cli: Cli, spec: CommandSpec, name: string, argv: readonly string[], help: (spec: CommandSpec) => string): ParsedFlags | number {
  let flags: ParsedFlags
  try {
    flags = parseFlags(argv, spec.flags, spec.interspersed)
  } catch (e) {
    if (!(e instanceof FlagError)) throw e
    cli.err(`${e.message}\nSee 'docker ${name} --help'.\n`)
    return 125
  }
  if (flags.help) {
    cli.out(help(spec))
    return 0
  }
  const usage = argsError(spec, flags.args.length)
  if (usage) {
    cli.err(`${usage}\n`)
    return 1
  }
  return flags
}
