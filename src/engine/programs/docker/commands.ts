/**
 * The commands this CLI knows: use line, short description, flags (with
 * pflag's usage text, for `--help`) and argument rules, as docker/cli 20.10
 * declares them. `run` lists only the flags the playground implements.
 */
import type { FlagSpec } from './flags'

export interface FlagDoc extends FlagSpec {
  readonly usage: string
  /** pflag's varname shown after the flag (`string`, `list`, `int`). */
  readonly varname?: string
  readonly default?: string
}

export interface CommandSpec {
  readonly name: string
  readonly use: string
  readonly short: string
  readonly flags: readonly FlagDoc[]
  readonly interspersed: boolean
  readonly args: { readonly min?: number; readonly max?: number; readonly exact?: number }
}

const b = (long: string, short: string | undefined, usage: string): FlagDoc => ({ long, ...(short ? { short } : {}), type: 'bool', usage })
const s = (long: string, short: string | undefined, usage: string, varname = 'string', def?: string): FlagDoc => ({
  long,
  ...(short ? { short } : {}),
  type: varname === 'list' ? 'list' : varname === 'int' ? 'int' : 'string',
  usage,
  varname,
  ...(def !== undefined ? { default: def } : {}),
})

export const COMMANDS: Record<string, CommandSpec> = {
  run: {
    name: 'run',
    use: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Run a command in a new container',
    interspersed: false,
    args: { min: 1 },
    flags: [
      b('detach', 'd', 'Run container in background and print container ID'),
      s('entrypoint', undefined, 'Overwrite the default ENTRYPOINT of the image'),
      s('env', 'e', 'Set environment variables', 'list'),
      s('env-file', undefined, 'Read in a file of environment variables', 'list'),
      s('expose', undefined, 'Expose a port or a range of ports', 'list'),
      s('hostname', 'h', 'Container host name'),
      b('interactive', 'i', 'Keep STDIN open even if not attached'),
      s('ip', undefined, 'IPv4 address (e.g., 172.30.100.104)'),
      s('link', undefined, 'Add link to another container', 'list'),
      s('name', undefined, 'Assign a name to the container'),
      s('net', undefined, 'Connect a container to a network', 'network', 'default'),
      s('network', undefined, 'Connect a container to a network', 'network', 'default'),
      s('network-alias', undefined, 'Add network-scoped alias for the container', 'list'),
      s('publish', 'p', "Publish a container's port(s) to the host", 'list'),
      b('publish-all', 'P', 'Publish all exposed ports to random ports'),
      s('restart', undefined, 'Restart policy to apply when a container exits', 'string', '"no"'),
      b('rm', undefined, 'Automatically remove the container when it exits'),
      b('tty', 't', 'Allocate a pseudo-TTY'),
      s('user', 'u', 'Username or UID (format: <name|uid>[:<group|gid>])'),
      s('volume', 'v', 'Bind mount a volume', 'list'),
      s('workdir', 'w', 'Working directory inside the container'),
    ],
  },
  exec: {
    name: 'exec',
    use: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    short: 'Run a command in a running container',
    interspersed: false,
    args: { min: 2 },
    flags: [
      b('detach', 'd', 'Detached mode: run command in the background'),
      s('detach-keys', undefined, 'Override the key sequence for detaching a container'),
      s('env', 'e', 'Set environment variables', 'list'),
      s('env-file', undefined, 'Read in a file of environment variables', 'list'),
      b('interactive', 'i', 'Keep STDIN open even if not attached'),
      b('privileged', undefined, 'Give extended privileges to the command'),
      b('tty', 't', 'Allocate a pseudo-TTY'),
      s('user', 'u', 'Username or UID (format: <name|uid>[:<group|gid>])'),
      s('workdir', 'w', 'Working directory inside the container'),
    ],
  },
  ps: {
    name: 'ps',
    use: 'docker ps [OPTIONS]',
    short: 'List containers',
    interspersed: true,
    args: { max: 0 },
    flags: [
      b('all', 'a', 'Show all containers (default shows just running)'),
      s('filter', 'f', 'Filter output based on conditions provided', 'filter'),
      s('format', undefined, 'Pretty-print containers using a Go template'),
      s('last', 'n', 'Show n last created containers (includes all states)', 'int', '-1'),
      b('latest', 'l', 'Show the latest created container (includes all states)'),
      b('no-trunc', undefined, "Don't truncate output"),
      b('quiet', 'q', 'Only display container IDs'),
      b('size', 's', 'Display total file sizes'),
    ],
  },
  rm: {
    name: 'rm',
    use: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Remove one or more containers',
    interspersed: true,
    args: { min: 1 },
    flags: [
      b('force', 'f', 'Force the removal of a running container (uses SIGKILL)'),
      b('link', 'l', 'Remove the specified link'),
      b('volumes', 'v', 'Remove anonymous volumes associated with the container'),
    ],
  },
  rmi: {
    name: 'rmi',
    use: 'docker rmi [OPTIONS] IMAGE [IMAGE...]',
    short: 'Remove one or more images',
    interspersed: true,
    args: { min: 1 },
    flags: [b('force', 'f', 'Force removal of the image'), b('no-prune', undefined, 'Do not delete untagged parents')],
  },
  images: {
    name: 'images',
    use: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
    short: 'List images',
    interspersed: true,
    args: { max: 1 },
    flags: [
      b('all', 'a', 'Show all images (default hides intermediate images)'),
      b('digests', undefined, 'Show digests'),
      s('filter', 'f', 'Filter output based on conditions provided', 'filter'),
      s('format', undefined, 'Pretty-print images using a Go template'),
      b('no-trunc', undefined, "Don't truncate output"),
      b('quiet', 'q', 'Only show image IDs'),
    ],
  },
  stop: {
    name: 'stop',
    use: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Stop one or more running containers',
    interspersed: true,
    args: { min: 1 },
    flags: [s('time', 't', 'Seconds to wait for stop before killing it', 'int', '10')],
  },
  start: {
    name: 'start',
    use: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Start one or more stopped containers',
    interspersed: true,
    args: { min: 1 },
    flags: [
      b('attach', 'a', 'Attach STDOUT/STDERR and forward signals'),
      s('detach-keys', undefined, 'Override the key sequence for detaching a container'),
      b('interactive', 'i', "Attach container's STDIN"),
    ],
  },
  pull: {
    name: 'pull',
    use: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
    short: 'Pull an image or a repository from a registry',
    interspersed: true,
    args: { exact: 1 },
    flags: [
      b('all-tags', 'a', 'Download all tagged images in the repository'),
      { ...b('disable-content-trust', undefined, 'Skip image verification'), default: 'true' },
      s('platform', undefined, 'Set platform if server is multi-platform capable'),
      b('quiet', 'q', 'Suppress verbose output'),
    ],
  },
  version: {
    name: 'version',
    use: 'docker version [OPTIONS]',
    short: 'Show the Docker version information',
    interspersed: true,
    args: { max: 0 },
    flags: [s('format', 'f', 'Format the output using the given Go template'), s('kubeconfig', undefined, 'Kubernetes config file')],
  },
}

/** pflag FlagUsages: flags sorted by name, usage aligned after the longest `-x, --name type`. */
export function flagUsages(flags: readonly FlagDoc[]): string {
  const sorted = [...flags].sort((x, y) => (x.long < y.long ? -1 : 1))
  const heads = sorted.map((f) => (f.short ? `  -${f.short}, --${f.long}` : `      --${f.long}`) + (f.varname ? ` ${f.varname}` : ''))
  const maxlen = Math.max(...heads.map((h) => h.length + 1))
  return sorted
    .map((f, i) => `${heads[i]} ${' '.repeat(maxlen - heads[i]!.length)} ${f.usage}${f.default !== undefined ? ` (default ${f.default})` : ''}`)
    .join('\n')
}

/** cobra's usage template as docker/cli 20.10 sets it. */
export function helpText(cmd: CommandSpec): string {
  return `\nUsage:  ${cmd.use}\n\n${cmd.short}\n${cmd.flags.length > 0 ? `\nOptions:\n${flagUsages(cmd.flags)}\n` : ''}`
}

/** cli.RequiresMinArgs / RequiresMaxArgs / ExactArgs (fact 22). */
export function argsError(cmd: CommandSpec, count: number): string | undefined {
  const path = `docker ${cmd.name}`
  const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments')
  const tail = `\nSee '${path} --help'.\n\nUsage:  ${cmd.use}\n\n${cmd.short}`
  const { min, max, exact } = cmd.args
  if (exact !== undefined && count !== exact) return `"${path}" requires exactly ${exact} ${plural(exact)}.${tail}`
  if (min !== undefined && count < min) return `"${path}" requires at least ${min} ${plural(min)}.${tail}`
  if (max !== undefined && count > max) return max === 0 ? `"${path}" accepts no arguments.${tail}` : `"${path}" requires at most ${max} ${plural(max)}.${tail}`
  return undefined
}
