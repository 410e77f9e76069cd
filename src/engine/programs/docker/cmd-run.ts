/**
 * `docker run` (docker/cli 20.10 cli/command/container/run.go): create
 * (pulling the image on first use, fact 25), print the id at once when
 * detached, start, and otherwise attach: the main process's output streams
 * here (or it runs on this very terminal with `-it`), SIGINT is forwarded
 * (sig-proxy), and the exit status is the container's. Create errors end
 * with `See 'docker run --help'.`; start errors do not (fact 20).
 */
import type { ContainerCreateRequest } from '../../docker/api'
import type { PortBinding } from '../../docker/container'
import { isDockerError } from '../../docker/errors'
import { familiarString, parseReference, withDefaultTag } from '../../docker/reference'
import { resolvePath } from '../../kernel/fs/fs'
import { Interrupted } from '../../kernel/proc/errors'
import type { Process } from '../../kernel/proc/process'
import { call, daemonError, type Cli } from './cli'
import { pullTo } from './cmd-images'
import { flagList, flagValue, type ParsedFlags } from './flags'

export class RunError extends Error {
  constructor(
    message: string,
    readonly status = 125,
    readonly withHelp = true,
  ) {
    super(message)
  }
}

/** nat.ParsePortSpec for `[ip:][hostPort:]containerPort[/proto]`. */
export function parsePublish(spec: string, into: Record<string, PortBinding[]>): void {
  const [body, proto = 'tcp'] = spec.split('/')
  const parts = body!.split(':')
  const containerPort = parts.pop()!
  const hostPort = parts.pop() ?? ''
  const hostIp = parts.join(':')
  if (!/^\d+$/.test(containerPort)) throw new RunError(`Invalid containerPort: ${containerPort}`)
  if (hostPort !== '' && !/^\d+$/.test(hostPort)) throw new RunError(`Invalid hostPort: ${hostPort}`)
  if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new RunError(`Invalid proto: ${proto}`)
  const key = `${containerPort}/${proto}`
  into[key] = [...(into[key] ?? []), { HostIp: hostIp, HostPort: hostPort }]
}

/** The create request of `run`/`create` (`attach`: a run without -d). */
export function createRequest(f: ParsedFlags, attach: boolean, readFile?: (path: string) => string): ContainerCreateRequest {
  const [image, ...cmd] = f.args
  const bindings: Record<string, PortBinding[]> = {}
  for (const p of flagList(f, 'publish')) parsePublish(p, bindings)
  for (const e of flagList(f, 'expose')) bindings[e.includes('/') ? e : `${e}/tcp`] ??= []
  const entrypoint = flagValue(f, 'entrypoint')
  const name = flagValue(f, 'name')
  const net = flagValue(f, 'network') ?? flagValue(f, 'net')
  const restart = parseRestart(flagValue(f, 'restart'))
  if (f.bools.has('rm') && restart.Name !== 'no') throw new RunError('Conflicting options: --restart and --rm')
  const workdir = flagValue(f, 'workdir')
  const user = flagValue(f, 'user')
  const envFiles = flagList(f, 'env-file').flatMap((path) => parseEnvFile(path, readFile))
  return {
    image: image!,
    ...(cmd.length > 0 ? { cmd } : {}),
    ...(entrypoint !== undefined ? { entrypoint: entrypoint === '' ? [] : [entrypoint] } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(net !== undefined ? { networkMode: net } : {}),
    env: [...envFiles, ...flagList(f, 'env')],
    tty: f.bools.has('tty'),
    openStdin: f.bools.has('interactive'),
    publishAll: f.bools.has('publish-all'),
    portBindings: Object.fromEntries(Object.entries(bindings).filter(([, v]) => v.length > 0)),
    autoRemove: f.bools.has('rm'),
    ...(attach ? { attach } : {}),
    ...(workdir !== undefined ? { workingDir: workdir } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(f.values.has('volume') ? { binds: flagList(f, 'volume') } : {}),
    ...(restart.Name !== 'no' ? { restartPolicy: restart } : {}),
    ...networkingRequest(f),
  }
}

/** The networking flags: `--ip`, `--network-alias`, `--link`, `-h/--hostname`. */
function networkingRequest(f: ParsedFlags): Partial<ContainerCreateRequest> {
  const ip = flagValue(f, 'ip')
  const hostname = flagValue(f, 'hostname')
  const aliases = flagList(f, 'network-alias')
  const links = flagList(f, 'link')
  if (ip !== undefined && ip !== '' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) throw new RunError(`invalid IPv4 address: ${ip}`)
  return {
    ...(ip ? { ipv4Address: ip } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(links.length > 0 ? { links } : {}),
    ...(hostname ? { hostname } : {}),
  }
}

/** runconfig/opts ParseRestartPolicy. */
function parseRestart(text: string | undefined): NonNullable<ContainerCreateRequest['restartPolicy']> {
  if (text === undefined || text === '') return { Name: 'no', MaximumRetryCount: 0 }
  const [name, count, extra] = text.split(':')
  if (extra !== undefined) throw new RunError(`invalid restart policy format`)
  switch (name) {
    case 'always':
    case 'unless-stopped':
      if (count !== undefined) throw new RunError(`maximum retry count cannot be used with restart policy '${name}'`)
      return { Name: name, MaximumRetryCount: 0 }
    case 'no':
      return { Name: 'no', MaximumRetryCount: 0 }
    case 'on-failure':
      if (count !== undefined && !/^-?\d+$/.test(count)) throw new RunError(`strconv.Atoi: parsing "${count}": invalid syntax`)
      return { Name: 'on-failure', MaximumRetryCount: Number(count ?? 0) }
    default:
      throw new RunError(`invalid restart policy ${name}`)
  }
}

/** opts.ParseEnvFile: KEY=value lines, `#` comments and blank lines skipped. */
function parseEnvFile(path: string, readFile?: (path: string) => string): string[] {
  let text: string
  try {
    text = readFile ? readFile(path) : ''
  } catch {
    throw new RunError(`open ${path}: no such file or directory`)
  }
  return text
    .split('\n')
    .map((l) => l.replace(/^\s+/, ''))
    .filter((l) => l !== '' && !l.startsWith('#'))
}

/** createContainer: on `No such image`, say so, pull (progress on stderr), and try again. */
export async function createWithPull(cli: Cli, req: ContainerCreateRequest): Promise<string> {
  try {
    return (await call(cli, cli.api.containerCreate(req))).Id
  } catch (e) {
    if (!(isDockerError(e) && e.kind === 'notFound' && e.object === 'image')) throw new RunError(daemonError(e))
  }
  const ref = familiarString(withDefaultTag(parseReference(req.image)))
  cli.err(`Unable to find image '${ref}' locally\n`)
  try {
    await pullTo(cli, ref, cli.ctx.proc.stderr)
    return (await call(cli, cli.api.containerCreate(req))).Id
  } catch (e) {
    throw new RunError(daemonError(e))
  }
}

/** runStartContainerErr: 127 for a missing executable, 126 for one that cannot run. */
function startStatus(message: string): number {
  if (/executable file not found|no such file or directory/.test(message)) return 127
  if (message.includes('permission denied')) return 126
  return 125
}

export async function run(cli: Cli, f: ParsedFlags): Promise<number> {
  try {
    return await runContainer(cli, f)
  } catch (e) {
    if (!(e instanceof RunError)) throw e
    const text = e.message.replace(/\.$/, '') + '.'
    cli.err(`docker: ${text}${e.withHelp ? "\nSee 'docker run --help'." : ''}\n`)
    return e.status
  }
}

async function runContainer(cli: Cli, f: ParsedFlags): Promise<number> {
  const proc = cli.ctx.proc
  const interactive = f.bools.has('interactive')
  const wantTty = f.bools.has('tty')
  const tty = proc.stdin.tty
  if (interactive && wantTty && !tty) {
    cli.err('the input device is not a TTY\n')
    return 1
  }
  const detach = f.bools.has('detach')
  const req = createRequest(f, !detach, (path) => proc.sandbox.fs.readFile(resolvePath(proc.cwd, path)))
  const id = await createWithPull(cli, req)
  if (detach) cli.out(`${id}\n`)
  const onTty = !detach && wantTty && tty !== undefined
  const detachOutput = detach || onTty ? undefined : cli.api.containerAttach(id, { stdout: proc.stdout, stderr: proc.stderr })
  // waitExitOrRemoved: with --rm the CLI returns once the container is gone.
  const exited = detach ? undefined : cli.api.containerWait(id, req.autoRemove ? 'removed' : 'next-exit')
  let main: Process | undefined
  try {
    main = await call(cli, cli.api.containerStart(id, onTty ? { tty } : interactive && !detach ? { stdin: proc.stdin } : {}))
  } catch (e) {
    detachOutput?.()
    const message = daemonError(e)
    throw new RunError(message, startStatus(message), false)
  }
  if (!exited || !main) return 0
  const previousForeground = tty?.foregroundPgid
  if (onTty) tty.foregroundPgid = main.pgid
  else proc.trap('SIGINT', () => main?.signal('SIGINT')) // sig-proxy
  try {
    for (;;) {
      try {
        return await proc.waitFor(exited)
      } catch (e) {
        if (!(e instanceof Interrupted)) throw e
      }
    }
  } finally {
    detachOutput?.()
    if (onTty && previousForeground !== undefined) tty.foregroundPgid = previousForeground
  }
}
