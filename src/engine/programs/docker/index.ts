/**
 * The `docker` CLI: `createDockerProgram(api)` gives the program the
 * registry runs for `docker …`. It parses like cobra/pflag, calls the
 * daemon API and prints through the format files. Exit statuses follow
 * docker/cli: 125 for flag errors (and `run` failures), 1 for usage and
 * daemon errors.
 */
import type { DockerApi } from '../../docker/api'
import type { Program } from '../../shell/runtime'
import { makeCli, type Cli } from './cli'
import { ps, rm, stop } from './cmd-containers'
import { exec } from './cmd-exec'
import { images, pull, rmi } from './cmd-images'
import { run } from './cmd-run'
import { network } from './cmd-network'
import { port } from './cmd-port'
import { NETWORKING_COMMANDS } from './network-specs'
import { COMMANDS, helpText } from './commands'
import { prepareCommand } from './prepare'
import { MORE_ALIASES, MORE_HANDLERS, MORE_SPECS } from './handlers-more'
import { GROUPS, groupHelp } from './specs'
import type { ParsedFlags } from './flags'
import { formatVersion, versionLine } from './format/version'
import { mainHelp } from './format/help'

/** The CLI's own start-up (`docker --version`: 30 ms, real-docker-timings.md). */
export const CLI_STARTUP_MS = 28

type Handler = (cli: Cli, f: ParsedFlags) => Promise<number>

const HANDLERS: Record<string, Handler> = {
  run,
  exec,
  ps,
  rm,
  rmi,
  images,
  stop,
  pull,
  port,
  version: async (cli) => {
    cli.out(formatVersion(cli.api.version()))
    return 0
  },
}
Object.assign(HANDLERS, MORE_HANDLERS) // container/image/volume breadth, `start` (with -a/-i) among them

/** Management-command spellings of the same commands (`docker container ls`). */
const ALIASES: Record<string, string> = {
  ...MORE_ALIASES,
  'container run': 'run',
  'container exec': 'exec',
  'container ls': 'ps',
  'container port': 'port',
  'container list': 'ps',
  'container ps': 'ps',
  'container rm': 'rm',
  'container stop': 'stop',
  'container start': 'start',
  'image ls': 'images',
  'image list': 'images',
  'image rm': 'rmi',
  'image pull': 'pull',
}

export function createDockerProgram(api: DockerApi): Program {
  return async (ctx) => {
    const cli = makeCli(ctx, api)
    await ctx.proc.sleep(CLI_STARTUP_MS)
    let args = ctx.argv.slice(1)
    const first = args[0]
    if (first === undefined || first === '--help' || first === '-h') {
      cli.out(mainHelp())
      return 0
    }
    if (first === '--version' || first === '-v') {
      cli.out(versionLine())
      return 0
    }
    if (first === 'network') return network(cli, args.slice(1))
    if (first in GROUPS && (args.length === 1 || args[1] === '--help' || args[1] === '-h')) {
      cli.out(groupHelp(first))
      return 0
    }
    const alias = args.length > 1 ? ALIASES[`${args[0]} ${args[1]}`] : undefined
    if (alias) args = [alias, ...args.slice(2)]
    else if (args.length > 1 && MORE_SPECS[`${args[0]} ${args[1]}`]) args = [`${args[0]} ${args[1]}`, ...args.slice(2)]
    const name = args[0]!
    const spec = MORE_SPECS[name] ?? COMMANDS[name] ?? NETWORKING_COMMANDS[name]
    const handler = HANDLERS[name]
    if (!spec || !handler) {
      cli.err(`docker: '${name}' is not a docker command.\nSee 'docker --help'\n`)
      return 1
    }
    const flags = prepareCommand(cli, spec, name, args.slice(1), helpText)
    return typeof flags === 'number' ? flags : handler(cli, flags)
  }
}
