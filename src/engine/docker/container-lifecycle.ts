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
import type { ContainerNetworking } from './container-network'
import { mergeEnv } from './container-create'
import { DockerError } from './errors'
import { isSpawnFailure, spawnFailureText, type ContainerRuntime, type RuntimeSpawnRequest } from './runtime'
import { signalInit } from './signals'

export interface LifecycleDeps {
  readonly clock: VirtualClock
  readonly random: Prng
  readonly net: NetworkStack
  readonly hostFs: FileSystem
  readonly hostname: string
  readonly runtime: ContainerRuntime
  readonly networking: ContainerNetworking
  readonly now: () => number
  readonly onExit: (c: Container) => void
}

/** CreateDaemonEnvironment: PATH, HOSTNAME, TERM (with a TTY), then the container's Env replacing or appending; runc adds HOME. */
export function processEnv(c: Container, hostname: string, tty: boolean, extra: readonly string[] = []): Record<string, string> {
  const base = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${hostname}`, ...(tty ? ['TERM=xterm'] : []), ...(c.linkEnv ?? [])]
  const list = mergeEnv(mergeEnv(base, c.Config.Env), extra)
  const env: Record<string, string> = {}
  for (const e of list) {
    const i = e.indexOf('=')
    if (i > 0) env[e.slice(0, i)] = e.slice(i + 1)
  }
  env.HOME ??= '/root'
  return env
}

function outputOf(c: Container, stream: 'stdout' | 'stderr', now: () => number): OutputStream {
  return {
    write(data: string) {
      c.log.push({ stream, data, time: now() })
      for (const a of c.attached) a[stream].write(data)
    },
  }
}

export class ContainerLifecycle {
  constructor(private readonly d: LifecycleDeps) {}

  /** Sets up the sandbox and runs the main process (errors leave the container `created`, fact 20). */
  start(c: Container, stdio: ProcessStdio): Process {
    const { ns, hostname } = this.d.networking.setUp(c)
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

  private spawn(c: Container, argv: readonly string[], stdio: ProcessStdio, env: Record<string, string>, cwd: string, cleanup: () => void, what: 'create' | 'exec'): Process {
    const request: RuntimeSpawnRequest = stdio.tty
      ? { sandbox: c.sandbox!, argv, env, cwd, stdin: stdio.tty, stdout: stdio.tty, stderr: stdio.tty, tty: stdio.tty }
      : {
          sandbox: c.sandbox!,
          argv,
          env,
          cwd,
          stdin: stdio.stdin ?? NULL_INPUT,
          stdout: stdio.stdout ?? outputOf(c, 'stdout', this.d.now),
          stderr: stdio.stderr ?? outputOf(c, 'stderr', this.d.now),
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

  /** Releases what start() set up: ports, endpoints, the namespace (not the host's), see container-network.ts. */
  private teardown(c: Container, ns: NetNamespace): void {
    this.d.networking.tearDown(c, ns)
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
    signalInit(proc, 'SIGTERM') // an init without a handler ignores it (signals.ts)
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
