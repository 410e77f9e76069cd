/**
 * A Docker host for the daemon's and the docker CLI's tests: the real
 * network stack with the tutorial's host NIC (eth0 172.17.0.3/20, so
 * docker0 becomes 172.18.0.1/16), a host filesystem with /etc/resolv.conf,
 * the daemon, and a program registry holding `docker`, the images' main
 * processes and the tools the captures run inside containers (ip, ping,
 * cat, hostname). `run(argv)` spawns the docker CLI on pipes or on a TTY
 * and drives the virtual clock until it exits.
 */
import { runUntil, settle, type Drivable } from '../engine/driver'
import { DockerDaemon } from '../engine/docker/daemon'
import type { ContainerRuntime } from '../engine/docker/runtime'
import type { ImageSpec } from '../engine/docker/image-catalogue'
import { DEFAULT_EPOCH_MS } from '../engine/docker/time'
import { FileSystem } from '../engine/kernel/fs/fs'
import { Kernel } from '../engine/kernel/kernel'
import { nxdomainHandler, serveDns } from '../engine/kernel/net/dns'
import { setupHostNetwork } from '../engine/kernel/net/host-setup'
import { nameservers } from '../engine/kernel/net/resolver'
import { createNetworkStack } from '../engine/kernel/net/stack'
import type { Process, Sandbox } from '../engine/kernel/proc/process'
import { NULL_INPUT, Pipe, StringSink, type InputStream } from '../engine/kernel/proc/streams'
import type { Tty, TtyId } from '../engine/kernel/proc/tty'
import { createCatalinaProgram, redisEntrypointProgram } from '../engine/programs/container-init'
import { coreutils } from '../engine/programs/coreutils'
import { createDockerProgram } from '../engine/programs/docker'
import { getentProgram } from '../engine/programs/getent'
import { ipProgram } from '../engine/programs/ip'
import { iptablesProgram } from '../engine/programs/iptables'
import { nslookupProgram } from '../engine/programs/nslookup'
import { pingProgram } from '../engine/programs/ping'
import { isExecFailure, ProgramRegistry, ProgramRunner } from '../engine/shell/runtime'
import { VirtualClock } from '../engine/sim/clock'
import { Prng } from '../engine/sim/random'

export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export interface DockerRun {
  readonly stdout: string
  readonly stderr: string
  /** On a TTY: everything the terminal received, CRLF turned into LF (as the captures were). */
  readonly tty: string
  readonly status: number | undefined
  readonly process: Process
}

export interface DockerHarnessOptions {
  readonly seed?: number
  readonly hostResolvConf?: string | null
  readonly cols?: number
  /** Images the registries serve (default: the Hub catalogue). */
  readonly catalogue?: readonly ImageSpec[]
}

export class DockerHarness {
  readonly clock = new VirtualClock()
  readonly random: Prng
  readonly net
  readonly kernel: Kernel
  readonly hostFs = new FileSystem(() => this.clock.now())
  readonly registry = new ProgramRegistry()
  readonly runner: ProgramRunner
  readonly daemon: DockerDaemon
  readonly hostSandbox: Sandbox
  readonly tty: Tty
  private ttyOutput = ''
  readonly world: Drivable

  constructor(options: DockerHarnessOptions = {}) {
    this.random = new Prng(options.seed ?? 1)
    this.net = createNetworkStack(this.clock, this.random)
    setupHostNetwork(this.net, this.random)
    this.kernel = new Kernel(this.clock, this.random, this.net)
    this.runner = new ProgramRunner(this.kernel, this.registry)
    this.hostFs.mkdir('/etc', { parents: true })
    if (options.hostResolvConf !== null) this.hostFs.writeFile('/etc/resolv.conf', options.hostResolvConf ?? 'nameserver 100.100.2.136\nnameserver 100.100.2.138\n')
    // The capture machine's resolver (README: a responder on 172.17.0.3 answers NXDOMAIN to everything).
    for (const server of nameservers(this.hostFs)) {
      if (this.net.host.links().some((l) => l.addresses.some((a) => a.local === server))) serveDns(this.net.sockets, this.net.host, server, nxdomainHandler)
    }
    this.hostFs.mkdir('/usr/bin', { parents: true })
    this.hostFs.attach('/usr/bin/docker', this.hostFs.newFile('', 0o755, 'docker'))
    this.hostSandbox = { net: this.net.host, fs: this.hostFs, uts: { hostname: 'docker-host' }, owner: 'host' }
    const runtime: ContainerRuntime = {
      spawn: (r) =>
        this.runner.spawn(undefined, r.argv, {
          sandbox: r.sandbox,
          env: r.env,
          cwd: r.cwd,
          stdin: r.stdin,
          stdout: r.stdout,
          stderr: r.stderr,
          ...(r.tty ? { tty: r.tty } : {}),
          newGroup: true,
        }),
    }
    this.daemon = new DockerDaemon({ clock: this.clock, random: this.random, net: this.net, hostFs: this.hostFs, hostname: 'docker-host', runtime, ...(options.catalogue ? { catalogue: options.catalogue } : {}) })
    this.registry.register('docker', createDockerProgram(this.daemon))
    this.registry.register('catalina.sh', createCatalinaProgram({ epochMs: DEFAULT_EPOCH_MS }))
    this.registry.register('docker-entrypoint.sh', redisEntrypointProgram)
    this.registry.register('ip', ipProgram).register('ping', pingProgram).register('getent', getentProgram).register('nslookup', nslookupProgram).register('iptables', iptablesProgram)
    for (const [name, program] of Object.entries(coreutils)) this.registry.register(name, program)
    this.tty = this.kernel.openTty('host' as TtyId, { output: (d) => (this.ttyOutput += d), reading: () => {} })
    this.tty.resize(options.cols ?? 200, 50)
    const { clock, kernel } = this
    this.world = {
      now: () => clock.now(),
      nextDeadline: () => clock.nextDeadline(),
      advanceTo: (t) => clock.advanceTo(t),
      get hasReadySlices() {
        return kernel.scheduler.hasReady
      },
      runSlice: () => kernel.scheduler.runSlice(),
    }
  }

  /** Runs `docker ARGS…` as the host's root, on pipes or on the terminal, until it exits (at most `maxMs`). */
  async docker(args: readonly string[], options: { tty?: boolean; maxMs?: number; stdin?: string } = {}): Promise<DockerRun> {
    const stdout = new StringSink()
    const stderr = new StringSink()
    const mark = this.ttyOutput.length
    let stdin: InputStream = NULL_INPUT
    if (options.stdin !== undefined) {
      const pipe = new Pipe()
      pipe.writer.write(options.stdin)
      pipe.writer.close()
      stdin = pipe.reader
    }
    const io = options.tty ? { stdin: this.tty, stdout: this.tty, stderr: this.tty, tty: this.tty } : { stdin, stdout, stderr }
    const proc = this.runner.spawn(undefined, ['docker', ...args], {
      sandbox: this.hostSandbox,
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' },
      cwd: '/root',
      ...io,
    })
    if (isExecFailure(proc)) throw new Error(`docker not found: ${proc.error}`)
    if (options.tty) this.tty.foregroundPgid = proc.pgid
    await this.until(() => !proc.running, options.maxMs ?? 120_000)
    return { stdout: stdout.text(), stderr: stderr.text(), tty: this.ttyOutput.slice(mark).replace(/\r\n/g, '\n'), status: proc.exitCode, process: proc }
  }

  /** Advances virtual time, firing each due timer at its instant. */
  async advance(ms: number): Promise<void> {
    await runUntil(this.world, this.clock.now() + ms, turn)
  }

  private async until(done: () => boolean, maxMs: number): Promise<void> {
    const limit = this.clock.now() + maxMs
    await settle(this.world, turn)
    while (!done()) {
      const next = this.clock.nextDeadline()
      if (next === undefined || next > limit) break
      await runUntil(this.world, next, turn)
    }
  }
}
