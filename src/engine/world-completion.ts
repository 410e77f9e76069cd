/**
 * Tab completion of `docker` arguments (issue 3): bash-completion's docker
 * script completes subcommands, container names for container commands,
 * network names after `docker network <verb>`, and image references for
 * `run`/`pull`/`rmi`. The shell asks through the CompletionSource it is
 * handed; the words come from the daemon's state, never from a list.
 */
import type { DockerDaemon } from './docker/daemon'
import { IMAGE_CATALOGUE } from './docker/image-catalogue'
import { isRunning } from './docker/container'
import type { CompletionSource } from './shell/complete'

const SUBCOMMANDS = ['attach', 'create', 'exec', 'history', 'image', 'images', 'info', 'inspect', 'kill', 'logs', 'network', 'pause', 'port', 'ps', 'pull', 'rename', 'restart', 'rm', 'rmi', 'run', 'start', 'stats', 'stop', 'tag', 'top', 'unpause', 'version', 'volume']
const NETWORK_VERBS = ['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm']
/** Commands that act on running containers only; the rest take any container. */
const RUNNING_ONLY = new Set(['exec', 'kill', 'pause', 'stop', 'top', 'stats', 'attach', 'port', 'restart'])
const CONTAINER_COMMANDS = new Set([...RUNNING_ONLY, 'inspect', 'logs', 'rename', 'rm', 'start', 'unpause'])
const IMAGE_COMMANDS = new Set(['run', 'create', 'pull', 'rmi', 'tag', 'history'])

export function dockerCompletion(daemon: DockerDaemon): CompletionSource {
  const containers = (running: boolean): string[] =>
    daemon
      .listContainers()
      .filter((c) => !running || isRunning(c))
      .map((c) => c.Name.slice(1))
  const networks = (): string[] => daemon.listNetworks().map((n) => n.Name)
  const images = (): string[] => {
    const local = daemon.images.store.list().flatMap((i) => i.repoTags)
    // Anything the registry serves can be pulled, so those complete too (as Docker Hub search would suggest).
    const remote = IMAGE_CATALOGUE.map((s) => (s.tag === 'latest' ? s.repository : `${s.repository}:${s.tag}`))
    return [...new Set([...local, ...remote])].sort()
  }
  return {
    words(argv, index) {
      if (argv[index]?.startsWith('-')) return []
      if (index === 1) return SUBCOMMANDS
      const command = argv[1] ?? ''
      if (command === 'network') {
        if (index === 2) return NETWORK_VERBS
        const verb = argv[2]
        if ((verb === 'connect' || verb === 'disconnect') && index >= 4) return containers(false)
        return networks()
      }
      if (CONTAINER_COMMANDS.has(command)) return containers(RUNNING_ONLY.has(command))
      if (IMAGE_COMMANDS.has(command)) return images()
      return []
    },
  }
}
