/**
 * `docker` / `docker --help` (docker/cli 20.10 usage template). Written from
 * the 20.10 source, not from a capture: swarm-only management commands are
 * left out as the CLI hides them on a daemon that is not a swarm manager.
 */
const MANAGEMENT: [string, string][] = [
  ['builder', 'Manage builds'],
  ['container', 'Manage containers'],
  ['context', 'Manage contexts'],
  ['image', 'Manage images'],
  ['manifest', 'Manage Docker image manifests and manifest lists'],
  ['network', 'Manage networks'],
  ['plugin', 'Manage plugins'],
  ['swarm', 'Manage Swarm'],
  ['system', 'Manage Docker'],
  ['trust', 'Manage trust on Docker images'],
  ['volume', 'Manage volumes'],
]

const COMMANDS: [string, string][] = [
  ['attach', 'Attach local standard input, output, and error streams to a running container'],
  ['build', 'Build an image from a Dockerfile'],
  ['commit', "Create a new image from a container's changes"],
  ['cp', 'Copy files/folders between a container and the local filesystem'],
  ['create', 'Create a new container'],
  ['diff', "Inspect changes to files or directories on a container's filesystem"],
  ['events', 'Get real time events from the server'],
  ['exec', 'Run a command in a running container'],
  ['export', "Export a container's filesystem as a tar archive"],
  ['history', 'Show the history of an image'],
  ['images', 'List images'],
  ['import', 'Import the contents from a tarball to create a filesystem image'],
  ['info', 'Display system-wide information'],
  ['inspect', 'Return low-level information on Docker objects'],
  ['kill', 'Kill one or more running containers'],
  ['load', 'Load an image from a tar archive or STDIN'],
  ['login', 'Log in to a Docker registry'],
  ['logout', 'Log out from a Docker registry'],
  ['logs', 'Fetch the logs of a container'],
  ['pause', 'Pause all processes within one or more containers'],
  ['port', 'List port mappings or a specific mapping for the container'],
  ['ps', 'List containers'],
  ['pull', 'Pull an image or a repository from a registry'],
  ['push', 'Push an image or a repository to a registry'],
  ['rename', 'Rename a container'],
  ['restart', 'Restart one or more containers'],
  ['rm', 'Remove one or more containers'],
  ['rmi', 'Remove one or more images'],
  ['run', 'Run a command in a new container'],
  ['save', 'Save one or more images into a tar archive (streamed to STDOUT by default)'],
  ['search', 'Search the Docker Hub for images'],
  ['start', 'Start one or more stopped containers'],
  ['stats', 'Display a live stream of container(s) resource usage statistics'],
  ['stop', 'Stop one or more running containers'],
  ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
  ['top', 'Display the running processes of a container'],
  ['unpause', 'Unpause all processes within one or more containers'],
  ['update', 'Update configuration of one or more containers'],
  ['version', 'Show the Docker version information'],
  ['wait', 'Block until one or more containers stop, then print their exit codes'],
]

const OPTIONS = `      --config string      Location of client config files (default "/root/.docker")
  -c, --context string     Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")
  -D, --debug              Enable debug mode
  -H, --host list          Daemon socket(s) to connect to
  -l, --log-level string   Set the logging level ("debug"|"info"|"warn"|"error"|"fatal") (default "info")
      --tls                Use TLS; implied by --tlsverify
      --tlscacert string   Trust certs signed only by this CA (default "/root/.docker/ca.pem")
      --tlscert string     Path to TLS certificate file (default "/root/.docker/cert.pem")
      --tlskey string      Path to TLS key file (default "/root/.docker/key.pem")
      --tlsverify          Use TLS and verify the remote
  -v, --version            Print version information and quit`

const list = (rows: [string, string][]): string => rows.map(([n, d]) => `  ${n.padEnd(11)} ${d}`).join('\n')

export function mainHelp(): string {
  return `\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nOptions:\n${OPTIONS}\n\nManagement Commands:\n${list(MANAGEMENT)}\n\nCommands:\n${list(COMMANDS)}\n\nRun 'docker COMMAND --help' for more information on a command.\n\nTo get more help with docker, check out our guides at https://docs.docker.com/go/guides/\n`
}
