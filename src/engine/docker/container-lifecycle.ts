/**
 * Starting, stopping and exec'ing: the sandbox (network namespace, the
 * container's filesystem, its hostname), the main process through the
 * ContainerRuntime, and the teardown when that process exits: every exec'd
 * process is killed (the pid namespace dies with its init), the veth pair
 * and the namespace go, the address and host ports return to their pools.
 */
import type { FileSystem } from '../kernel/fs/fs'
import type { NetNamespace, NetworkStack } from '../kernel/net/types'
import type { Process } from '../kernel/proc/process'
import { NULL_INPUT, type OutputStream } from '../kernel/proc/streams'
import type { VirtualClock } from '../sim/clock'
import type { Prng } from '../sim/random'
import type { ExecRequest, ProcessStdio } from './api'
import type { Container } from './container'
import { containerResolvConf, hostsContent, readHostResolvConf } from './container-files'
import { mergeEnv } from './container-create'
import { DockerError } from './errors'
import type { NetworkController } from './networks'
import type { PortAllocator } from './ports'
import { publishPorts, releasePorts } from './publish'
import { isSpawnFailure, spawnFailureText, type ContainerRuntime, type RuntimeSpawnRequest } from './runtime'
import { createSandboxNamespace } from './sandbox'

export interface LifecycleDeps {
  readonly clock: VirtualClock
  readonly random: Prng
  readonly net: NetworkStack
  readonly hostFs: FileSystem
  readonly hostname: string
  readonly runtime: ContainerRuntime
  readonly networks: NetworkController
  readonly ports: PortAllocator
  readonly now: () => number
  readonly onExit: (c: Container) => void
}

/** CreateDaemonEnvironment: PATH, HOSTNAME, TERM (with a TTY), then the container's Env replacing or appending; runc adds HOME. */
export function processEnv(c: Container, hostname: string, tty: boolean, extra: readonly string[] = []): Record<string, string> {
  const base = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${hostname}`, ...(tty ? ['TERM=xterm'] : [])]
  const list = mergeEnv(mergeEnv(base, c.Config.Env), extra)
  const env: Record<string, string> = {}
  for (const e of list) {
    const i = e.indexOf('=')
    if (i > 0) env[e.slice(0, i)] = e.slice(i + 1)
  }
  env.HOME ??= '/root'
  return env
}

function outputOf(c: Container, stream: 'stdout' | 'stderr'): OutputStream {
  return {
    write(data: string) {
      c.log.push({ stream, data })
      for (const a of c.attached) a[stream].write(data)
    },
  }
}

export class ContainerLifecycle {
  constructor(private readonly d: LifecycleDeps) {}

  /** Sets up the sandbox and runs the main process (errors leave the container `created`, fact 20). */
  start(c: Container, stdio: ProcessStdio): Process {
    const { net: stack, networks } = this.d
    const mode = c.HostConfig.NetworkMode
    const hostMode = mode === 'host'
    const ns: NetNamespace = hostMode ? stack.host : createSandboxNamespace(stack, c.Id)
    const hostname = hostMode ? this.d.hostname : c.Config.Hostname
    try {
      if (!hostMode && mode !== 'none') {
        const net = networks.forMode(mode)
        let settings = c.NetworkSettings.Networks.get(net.Name)
        if (!settings) {
          settings = { NetworkID: net.Id, EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '', Aliases: null }
          c.NetworkSettings.Networks.set(net.Name, settings)
        }
        const endpoint = networks.join(c, net, ns, settings, 'eth0')
        c.NetworkSettings.Ports = publishPorts(c, this.d.ports, endpoint.id)
      }
    } catch (error) {
      this.teardown(c, ns)
      throw error
    }
    const own = [...c.NetworkSettings.Networks.values()].find((s) => s.IPAddress !== '')
    c.files.hosts.content = hostMode ? this.hostFile('/etc/hosts', hostsContent([])) : hostsContent(own ? [{ ip: own.IPAddress, names: hostname }] : [])
    c.files.hostname.content = `${hostname}\n`
    c.files.resolvConf.content = containerResolvConf(readHostResolvConf(this.d.hostFs))
    c.sandbox = { net: ns, fs: c.rootfs, uts: { hostname }, owner: c.Id }
    const argv = [c.Path, ...c.Args]
    const proc = this.spawn(c, argv, stdio, processEnv(c, hostname, stdio.tty !== undefined), c.Config.WorkingDir || '/', () => {
      this.teardown(c, ns)
    }, 'create')
    c.process = proc
    c.State.Status = 'running'
    c.State.StartedAt = this.d.now()
    c.State.Pid = proc.pid
    c.State.Error = ''
    void proc.exited.then((code) => this.exited(c, proc, code))
    return proc
  }

  private hostFile(path: string, fallback: string): string {
    try {
      return this.d.hostFs.readFile(path)
    } catch {
      return fallback
    }
  }

  private spawn(c: Container, argv: readonly string[], stdio: ProcessStdio, env: Record<string, string>, cwd: string, cleanup: () => void, what: 'create' | 'exec'): Process {
    const request: RuntimeSpawnRequest = stdio.tty
      ? { sandbox: c.sandbox!, argv, env, cwd, stdin: stdio.tty, stdout: stdio.tty, stderr: stdio.tty, tty: stdio.tty }
      : {
          sandbox: c.sandbox!,
          argv,
          env,
          cwd,
          stdin: stdio.stdin ?? NULL_INPUT,
          stdout: stdio.stdout ?? outputOf(c, 'stdout'),
          stderr: stdio.stderr ?? outputOf(c, 'stderr'),
        }
    const result = this.d.runtime.spawn(request)
    if (!isSpawnFailure(result)) return result
    const text = spawnFailureText(result, argv[0] ?? '')
    cleanup()
    if (what === 'exec') throw new DockerError('system', `OCI runtime exec failed: exec failed: unable to start container process: ${text}: unknown`)
    const message = `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${text}: unknown`
    c.State.ExitCode = result.error === 'not-found' ? 127 : 126
    c.State.Error = message
    throw new DockerError('system', message)
  }

  /** Releases what start() set up: ports, endpoints, the namespace (not the host's). */
  private teardown(c: Container, ns: NetNamespace): void {
    releasePorts(c.NetworkSettings.Ports, this.d.ports)
    c.NetworkSettings.Ports = []
    for (const [name, settings] of c.NetworkSettings.Networks) {
      const net = this.d.networks.find(name)
      if (net) this.d.networks.leave(c, net, settings)
    }
    if (ns !== this.d.net.host && ns.alive !== false) this.d.net.deleteNamespace(ns)
    c.sandbox = undefined
  }

  private exited(c: Container, proc: Process, code: number): void {
    if (c.process !== proc) return
    for (const p of c.execs) p.signal('SIGKILL')
    c.execs.clear()
    c.process = undefined
    c.State.Status = 'exited'
    c.State.ExitCode = code
    c.State.FinishedAt = this.d.now()
    c.State.Pid = 0
    if (c.sandbox) this.teardown(c, c.sandbox.net)
    for (const w of c.waiters.splice(0)) w(code)
    this.d.onExit(c)
  }

  /** SIGTERM, then SIGKILL after the grace period (moby `daemon/stop.go`). */
  async stop(c: Container, graceMs: number): Promise<void> {
    const proc = c.process
    if (!proc) return
    const stopped = new Promise<number>((resolve) => c.waiters.push(resolve))
    proc.signal('SIGTERM')
    let timer: ReturnType<VirtualClock['setTimer']> | undefined
    const timedOut = new Promise<'timeout'>((resolve) => (timer = this.d.clock.setTimer(graceMs, () => resolve('timeout'))))
    const first = await Promise.race([stopped, timedOut])
    this.d.clock.cancel(timer)
    if (first === 'timeout') {
      proc.signal('SIGKILL')
      await stopped
    }
  }

  exec(c: Container, request: ExecRequest): Process {
    const env = processEnv(c, c.sandbox?.uts.hostname ?? c.Config.Hostname, request.tty !== undefined, request.env)
    const proc = this.spawn(c, request.cmd, request, env, request.workingDir || c.Config.WorkingDir || '/', () => {}, 'exec')
    c.execs.add(proc)
    void proc.exited.then(() => c.execs.delete(proc))
    return proc
  }
}
