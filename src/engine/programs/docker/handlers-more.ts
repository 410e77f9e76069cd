/**
 * The container, image and volume commands beyond the first set, for the
 * dispatcher in index.ts: handlers, specs and the management-command
 * spellings (`docker container kill`, `docker image history`).
 */
import type { Cli } from './cli'
import { COMMANDS, type CommandSpec } from './commands'
import { history, tag } from './cmd-image-more'
import { containerInspect, imageInspect, inspect, volumeInspect } from './cmd-inspect'
import { create, kill, pause, rename, restart, start, unpause } from './cmd-lifecycle'
import { logs, stats, top } from './cmd-logs'
import { volumeCreate, volumeLs, volumePrune, volumeRm } from './cmd-volume'
import type { ParsedFlags } from './flags'
import { createSpec, MORE_COMMANDS } from './specs'

type Handler = (cli: Cli, f: ParsedFlags) => Promise<number>

export const MORE_HANDLERS: Record<string, Handler> = {
  create,
  start,
  restart,
  kill,
  pause,
  unpause,
  rename,
  logs,
  top,
  stats,
  inspect,
  tag,
  history,
  'container inspect': containerInspect,
  'image inspect': imageInspect,
  'volume create': volumeCreate,
  'volume ls': volumeLs,
  'volume inspect': volumeInspect,
  'volume rm': volumeRm,
  'volume prune': volumePrune,
}

export const MORE_SPECS: Record<string, CommandSpec> = { ...MORE_COMMANDS, create: createSpec(COMMANDS.run!) }

export const MORE_ALIASES: Record<string, string> = {
  'container create': 'create',
  'container restart': 'restart',
  'container kill': 'kill',
  'container pause': 'pause',
  'container unpause': 'unpause',
  'container rename': 'rename',
  'container logs': 'logs',
  'container top': 'top',
  'container stats': 'stats',
  'image tag': 'tag',
  'image history': 'history',
  'image remove': 'rmi',
  'volume list': 'volume ls',
  'volume remove': 'volume rm',
}
