/**
 * Command specs for the container, image and volume commands beyond the
 * first set in commands.ts: use lines, descriptions and flags as docker/cli
 * 20.10 declares them (for `--help` and the usage errors).
 */
import type { CommandSpec, FlagDoc } from './commands'

export const b = (long: string, short: string | undefined, usage: string, def?: string): FlagDoc => ({ long, ...(short ? { short } : {}), type: 'bool', usage, ...(def ? { default: def } : {}) })
export const s = (long: string, short: string | undefined, usage: string, varname = 'string', def?: string): FlagDoc => ({
  long,
  ...(short ? { short } : {}),
  type: varname === 'list' || varname === 'map' ? 'list' : varname === 'int' ? 'int' : 'string',
  usage,
  varname,
  ...(def !== undefined ? { default: def } : {}),
})

const cmd = (name: string, use: string, short: string, args: CommandSpec['args'], flags: FlagDoc[] = [], interspersed = true): CommandSpec => ({ name, use, short, args, flags, interspersed })

const FORMAT = s('format', 'f', 'Format the output using the given Go template')
const TIME = (what: string): FlagDoc => s('time', 't', `Seconds to wait for stop before killing ${what}`, 'int', '10')

export const MORE_COMMANDS: Record<string, CommandSpec> = {
  restart: cmd('restart', 'docker restart [OPTIONS] CONTAINER [CONTAINER...]', 'Restart one or more containers', { min: 1 }, [TIME('the container')]),
  kill: cmd('kill', 'docker kill [OPTIONS] CONTAINER [CONTAINER...]', 'Kill one or more running containers', { min: 1 }, [s('signal', 's', 'Signal to send to the container', 'string', '"KILL"')]),
  pause: cmd('pause', 'docker pause CONTAINER [CONTAINER...]', 'Pause all processes within one or more containers', { min: 1 }),
  unpause: cmd('unpause', 'docker unpause CONTAINER [CONTAINER...]', 'Unpause all processes within one or more containers', { min: 1 }),
  rename: cmd('rename', 'docker rename CONTAINER NEW_NAME', 'Rename a container', { exact: 2 }),
  logs: cmd('logs', 'docker logs [OPTIONS] CONTAINER', 'Fetch the logs of a container', { exact: 1 }, [
    b('details', undefined, 'Show extra details provided to logs'),
    b('follow', 'f', 'Follow log output'),
    s('since', undefined, 'Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)'),
    s('tail', 'n', 'Number of lines to show from the end of the logs', 'string', '"all"'),
    b('timestamps', 't', 'Show timestamps'),
    s('until', undefined, 'Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)'),
  ]),
  top: cmd('top', 'docker top CONTAINER [ps OPTIONS]', 'Display the running processes of a container', { min: 1 }, [], false),
  stats: cmd('stats', 'docker stats [OPTIONS] [CONTAINER...]', 'Display a live stream of container(s) resource usage statistics', {}, [
    b('all', 'a', 'Show all containers (default shows just running)'),
    s('format', undefined, 'Pretty-print images using a Go template'),
    b('no-stream', undefined, 'Disable streaming stats and only pull the first result'),
    b('no-trunc', undefined, 'Do not truncate output'),
  ]),
  inspect: cmd('inspect', 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]', 'Return low-level information on Docker objects', { min: 1 }, [
    FORMAT,
    b('size', 's', 'Display total file sizes if the type is container'),
    s('type', undefined, 'Return JSON for specified type'),
  ]),
  'container inspect': cmd('container inspect', 'docker container inspect [OPTIONS] CONTAINER [CONTAINER...]', 'Display detailed information on one or more containers', { min: 1 }, [
    FORMAT,
    b('size', 's', 'Display total file sizes'),
  ]),
  'image inspect': cmd('image inspect', 'docker image inspect [OPTIONS] IMAGE [IMAGE...]', 'Display detailed information on one or more images', { min: 1 }, [FORMAT]),
  tag: cmd('tag', 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE', { exact: 2 }),
  history: cmd('history', 'docker history [OPTIONS] IMAGE', 'Show the history of an image', { exact: 1 }, [
    s('format', undefined, 'Pretty-print images using a Go template'),
    b('human', 'H', 'Print sizes and dates in human readable format', 'true'),
    b('no-trunc', undefined, "Don't truncate output"),
    b('quiet', 'q', 'Only show image IDs'),
  ]),
  'volume create': cmd('volume create', 'docker volume create [OPTIONS] [VOLUME]', 'Create a volume', { max: 1 }, [
    s('driver', 'd', 'Specify volume driver name', 'string', '"local"'),
    s('label', undefined, 'Set metadata for a volume', 'list'),
    s('opt', 'o', 'Set driver specific options', 'map', 'map[]'),
  ]),
  'volume ls': cmd('volume ls', 'docker volume ls [OPTIONS]', 'List volumes', { max: 0 }, [
    s('filter', 'f', "Provide filter values (e.g. 'dangling=true')", 'filter'),
    s('format', undefined, 'Pretty-print volumes using a Go template'),
    b('quiet', 'q', 'Only display volume names'),
  ]),
  'volume inspect': cmd('volume inspect', 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]', 'Display detailed information on one or more volumes', { min: 1 }, [FORMAT]),
  'volume rm': cmd('volume rm', 'docker volume rm [OPTIONS] VOLUME [VOLUME...]', 'Remove one or more volumes. You cannot remove a volume that is in use by a container.', { min: 1 }, [
    b('force', 'f', 'Force the removal of one or more volumes'),
  ]),
  'volume prune': cmd('volume prune', 'docker volume prune [OPTIONS]', 'Remove all unused local volumes', { max: 0 }, [
    s('filter', undefined, "Provide filter values (e.g. 'label=<label>')", 'filter'),
    b('force', 'f', 'Do not prompt for confirmation'),
  ]),
}

/** `docker create`: run's flags without the ones only an attached run has. */
export function createSpec(run: CommandSpec): CommandSpec {
  return {
    ...run,
    name: 'create',
    use: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create a new container',
    flags: run.flags.filter((f) => !['detach', 'sig-proxy', 'detach-keys'].includes(f.long)),
  }
}

/** Management commands: `docker container|image|volume [COMMAND]`. */
export const GROUPS: Record<string, { short: string; commands: [string, string][] }> = {
  container: {
    short: 'Manage containers',
    commands: [
      ['attach', 'Attach local standard input, output, and error streams to a running container'],
      ['commit', "Create a new image from a container's changes"],
      ['cp', 'Copy files/folders between a container and the local filesystem'],
      ['create', 'Create a new container'],
      ['diff', "Inspect changes to files or directories on a container's filesystem"],
      ['exec', 'Run a command in a running container'],
      ['export', "Export a container's filesystem as a tar archive"],
      ['inspect', 'Display detailed information on one or more containers'],
      ['kill', 'Kill one or more running containers'],
      ['logs', 'Fetch the logs of a container'],
      ['ls', 'List containers'],
      ['pause', 'Pause all processes within one or more containers'],
      ['port', 'List port mappings or a specific mapping for the container'],
      ['prune', 'Remove all stopped containers'],
      ['rename', 'Rename a container'],
      ['restart', 'Restart one or more containers'],
      ['rm', 'Remove one or more containers'],
      ['run', 'Run a command in a new container'],
      ['start', 'Start one or more stopped containers'],
      ['stats', 'Display a live stream of container(s) resource usage statistics'],
      ['stop', 'Stop one or more running containers'],
      ['top', 'Display the running processes of a container'],
      ['unpause', 'Unpause all processes within one or more containers'],
      ['update', 'Update configuration of one or more containers'],
      ['wait', 'Block until one or more containers stop, then print their exit codes'],
    ],
  },
  image: {
    short: 'Manage images',
    commands: [
      ['build', 'Build an image from a Dockerfile'],
      ['history', 'Show the history of an image'],
      ['import', 'Import the contents from a tarball to create a filesystem image'],
      ['inspect', 'Display detailed information on one or more images'],
      ['load', 'Load an image from a tar archive or STDIN'],
      ['ls', 'List images'],
      ['prune', 'Remove unused images'],
      ['pull', 'Pull an image or a repository from a registry'],
      ['push', 'Push an image or a repository to a registry'],
      ['rm', 'Remove one or more images'],
      ['save', 'Save one or more images into a tar archive (streamed to STDOUT by default)'],
      ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
    ],
  },
  volume: {
    short: 'Manage volumes',
    commands: [
      ['create', 'Create a volume'],
      ['inspect', 'Display detailed information on one or more volumes'],
      ['ls', 'List volumes'],
      ['prune', 'Remove all unused local volumes'],
      ['rm', 'Remove one or more volumes'],
    ],
  },
}

export function groupHelp(group: string): string {
  const g = GROUPS[group]!
  const rows = g.commands.map(([n, d]) => `  ${n.padEnd(11)} ${d}`).join('\n')
  return `\nUsage:  docker ${group} COMMAND\n\n${g.short}\n\nCommands:\n${rows}\n\nRun 'docker ${group} COMMAND --help' for more information on a command.\n`
}
