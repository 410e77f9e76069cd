/**
 * Composition root: one simulated Docker host. createWorld wires the clock,
 * the PRNG, the kernel, the network stack, the Docker daemon and the
 * programs, opens the host terminal with a login shell on it, and reports
 * through the `send` function it is handed (terminal bytes, record diffs).
 * Nothing else in the engine knows all of these at once.
 */
import type { FromEngine, ToEngine } from '../protocol/messages'
import { HOST_TERMINAL } from '../protocol/messages'
import type { WorldRecord } from '../protocol/records'
import { diffRecords, isEmptyDiff } from '../protocol/diff'
import type { Drivable } from './driver'
import { VirtualClock } from './sim/clock'
import { Prng } from './sim/random'
import { Kernel } from './kernel/kernel'
import { FileSystem } from './kernel/fs/fs'
import type { Sandbox } from './kernel/proc/process'
import { ForkError } from './kernel/proc/errors'
import type { Tty, TtyId } from './kernel/proc/tty'
import { createNetworkStack } from './kernel/net/stack'
import { setupHostNetwork } from './kernel/net/host-setup'
import { DockerDaemon } from './docker/daemon'
import type { ContainerRuntime } from './docker/runtime'
import { EPOCH_BASE_MS } from '../lib/wallclock'
import { isExecFailure, ProgramRegistry, ProgramRunner } from './shell/runtime'
import { bashProgram, ashProgram, dashProgram } from './programs/sh'
import { coreutils } from './programs/coreutils'
import { ipProgram } from './programs/ip'
import { pingProgram } from './programs/ping'
import { iptablesProgram } from './programs/iptables'
import { bridgeProgram } from './programs/bridge'
import { tcpdumpProgram } from './programs/tcpdump'
import { curlProgram } from './programs/curl'
import { busyboxWgetProgram, createGnuWgetProgram } from './programs/wget'
import { getentProgram } from './programs/getent'
import { nslookupProgram } from './programs/nslookup'
import { createDockerProgram } from './programs/docker'
import { createCatalinaProgram, createNginxProgram, nginxEntrypointProgram, redisEntrypointProgram } from './programs/container-init'
import { redisServerProgram } from './programs/redis-server'
import { redisCliProgram } from './programs/redis-cli'
import { redisBenchmarkProgram } from './programs/redis-benchmark'
import { HOST_NAME, populateHostRootfs } from './host-rootfs'
import { dockerCompletion } from './world-completion'
import { setCompletionSource } from './shell/complete'
import { containerShell, hopRecord, worldRecords, type TerminalState } from './world-records'
import type { PacketHop } from '../protocol/trace'
import type { EthernetFrame } from './kernel/net/types'

export interface WorldOptions {
  seed: number
  send: (message: FromEngine) => void
}

export interface World extends Drivable {
  handle(message: ToEngine): void
  /** Sends a `world.diff` if records changed since the last flush. Drivers call it after settling. */
  flush(): void
  records(): WorldRecord[]
  /** True while a program is blocked reading the terminal (its prompt is showing). */
  isReading(terminal: string): boolean
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
const LOGIN_ENV = { HOME: '/root', USER: 'root', LOGNAME: 'root', SHELL: '/bin/bash', PATH, TERM: 'xterm-256color', LANG: 'C.UTF-8', TZ: 'Asia/Shanghai' }

/** Executables on the host's PATH (the images' own programs live only in their root filesystems). */
const HOST_PROGRAMS = ['docker', 'bash', 'sh', 'ip', 'ping', 'iptables', 'bridge', 'tcpdump', 'curl', 'getent', ...Object.keys(coreutils)]

function createRegistry(daemon: () => DockerDaemon): ProgramRegistry {
  const registry = new ProgramRegistry()
  registry.register('bash', bashProgram).register('ash', ashProgram)
  // Debian's and Ubuntu's /bin/sh is dash; alpine and busybox name BusyBox's `ash`.
  registry.register('sh', dashProgram)
  registry.register('ip', ipProgram).register('ping', pingProgram)
  registry.register('iptables', iptablesProgram).register('bridge', bridgeProgram).register('tcpdump', tcpdumpProgram)
  registry.register('wget', busyboxWgetProgram).register('wget-gnu', createGnuWgetProgram({ epochMs: EPOCH_BASE_MS }))
  registry.register('curl', curlProgram).register('getent', getentProgram).register('nslookup', nslookupProgram)
  for (const [name, program] of Object.entries(coreutils)) registry.register(name, program)
  registry.register('docker', (ctx) => createDockerProgram(daemon())(ctx))
  registry.register('catalina.sh', createCatalinaProgram({ epochMs: EPOCH_BASE_MS }))
  registry.register('docker-entrypoint.sh', redisEntrypointProgram)
  registry.register('redis-server', redisServerProgram).register('redis-cli', redisCliProgram).register('redis-benchmark', redisBenchmarkProgram)
  registry.register('nginx', createNginxProgram({ epochMs: EPOCH_BASE_MS })).register('nginx-entrypoint.sh', nginxEntrypointProgram)
  return registry
}

export function createWorld(options: WorldOptions): World {
  const clock = new VirtualClock()
  const random = new Prng(options.seed)
  const net = createNetworkStack(clock, random)
  setupHostNetwork(net, random)
  const kernel = new Kernel(clock, random, net)
  // The docker program needs the daemon and the daemon's runtime needs the runner: the closure breaks the cycle.
  const registry = createRegistry(() => daemon)
  const runner = new ProgramRunner(kernel, registry)
  const hostFs = new FileSystem(() => clock.now())
  populateHostRootfs(hostFs, HOST_PROGRAMS)
  const host: Sandbox = { net: net.host, fs: hostFs, uts: { hostname: HOST_NAME }, owner: 'host' }
  const runtime: ContainerRuntime = {
    spawn: (r) => {
      try {
        return runner.spawn(undefined, r.argv, { sandbox: r.sandbox, env: r.env, cwd: r.cwd, stdin: r.stdin, stdout: r.stdout, stderr: r.stderr, ...(r.tty ? { tty: r.tty } : {}), newGroup: true })
      } catch (error) {
        // A full process table makes runc fail; the daemon reports it as Docker would.
        if (error instanceof ForkError) return { error: 'fork-failed', path: r.argv[0] ?? '' }
        throw error
      }
    },
  }
  // One wall clock for the whole host: docker's timestamps agree with `date` and `ls -l`.
  const daemon: DockerDaemon = new DockerDaemon({ clock, random, net, hostFs, hostname: HOST_NAME, runtime, epochMs: EPOCH_BASE_MS })

  setCompletionSource(kernel, dockerCompletion(daemon))

  const terminals = new Map<string, TerminalState & { tty: Tty }>()
  const setTerminal = (id: string, change: Partial<TerminalState>): void => {
    const t = terminals.get(id)
    if (t) terminals.set(id, { ...t, ...change })
  }
  const openTerminal = (id: string, title: string, container?: string): Tty => {
    const tty = kernel.openTty(id as TtyId, {
      output: (data) => options.send({ type: 'terminal.output', terminal: id, data }),
      reading: (reading) => setTerminal(id, { reading }),
    })
    terminals.set(id, { id, title, reading: false, open: true, tty, ...(container ? { container } : {}) })
    return tty
  }

  /** The host terminal always has a login shell: when one exits, the next logs in, as a getty would. */
  const hostTty = openTerminal(HOST_TERMINAL, 'host')
  const loginOnHost = (): void => {
    const shell = runner.spawn(undefined, ['bash', '-l'], { sandbox: host, env: { ...LOGIN_ENV }, cwd: '/root', stdin: hostTty, stdout: hostTty, stderr: hostTty, tty: hostTty })
    if (isExecFailure(shell)) throw new Error('the host has no bash')
    hostTty.foregroundPgid = shell.pgid
    void shell.exited.then(() => {
      if (terminals.get(HOST_TERMINAL)?.open) loginOnHost()
    })
  }
  loginOnHost()

  /** A container tab runs `docker exec -it <c> <shell>` on the host, as a learner would type it. */
  const openContainerTerminal = (id: string, containerRef: string): void => {
    if (terminals.get(id)?.open) return
    const container = daemon.listContainers().find((c) => c.Id === containerRef || c.Name === `/${containerRef}`)
    const tty = openTerminal(id, container ? container.Name.slice(1) : containerRef, container?.Id ?? containerRef)
    const argv = ['docker', 'exec', '-it', containerRef, container ? containerShell(container) : 'sh']
    const proc = runner.spawn(undefined, argv, { sandbox: host, env: { ...LOGIN_ENV }, cwd: '/root', stdin: tty, stdout: tty, stderr: tty, tty, newGroup: true })
    if (isExecFailure(proc)) return
    tty.foregroundPgid = proc.pgid
    void proc.exited.then(() => setTerminal(id, { open: false, reading: false }))
  }

  const closeTerminal = (id: string): void => {
    if (id === HOST_TERMINAL) return
    setTerminal(id, { open: false, reading: false })
    kernel.closeTty(id as TtyId)
    terminals.delete(id)
  }

  const records = (): WorldRecord[] => {
    // Tabs of removed containers go away with them.
    const live = new Set(daemon.listContainers().map((c) => c.Id))
    for (const t of terminals.values()) if (t.container && !live.has(t.container)) closeTerminal(t.id)
    return worldRecords(net, daemon, HOST_NAME, [...terminals.values()])
  }

  // Hops are batched and sent on flush (one message per settle, not one per frame). A frame keeps its
  // number across the hops of one path: a bridge forwards the very frame object it received.
  const MAX_HOPS_PER_FLUSH = 2000
  let hops: PacketHop[] = []
  let hopSeq = 0
  let packetSeq = 0
  const packetIds = new WeakMap<EthernetFrame, number>()
  net.onHop((event) => {
    let packet = packetIds.get(event.frame)
    if (packet === undefined) packetIds.set(event.frame, (packet = ++packetSeq))
    hops.push(hopRecord(event, ++hopSeq, packet))
    if (hops.length > MAX_HOPS_PER_FLUSH * 2) hops = hops.slice(-MAX_HOPS_PER_FLUSH)
  })

  let published = new Map<string, WorldRecord>()
  const initial = records()
  for (const r of initial) published.set(r.id, r)
  options.send({ type: 'world.snapshot', records: initial })

  return {
    now: () => clock.now(),
    nextDeadline: () => clock.nextDeadline(),
    advanceTo: (t) => clock.advanceTo(t),
    get hasReadySlices() {
      return kernel.scheduler.hasReady
    },
    runSlice: () => kernel.scheduler.runSlice(),
    records,
    isReading: (terminal) => kernel.tty(terminal as TtyId)?.isReading ?? false,
    handle(message) {
      switch (message.type) {
        case 'terminal.input':
          kernel.tty(message.terminal as TtyId)?.input(message.data)
          return
        case 'terminal.resize':
          kernel.tty(message.terminal as TtyId)?.resize(message.cols, message.rows)
          return
        case 'terminal.open':
          openContainerTerminal(message.terminal, message.container)
          return
        case 'terminal.close':
          closeTerminal(message.terminal)
          return
        case 'clock.rate':
          return // the driver owns the pace of virtual time
      }
    },
    flush() {
      const next = new Map(records().map((r) => [r.id, r]))
      const diff = diffRecords(published, next)
      published = next
      if (!isEmptyDiff(diff)) options.send({ type: 'world.diff', diff })
      if (hops.length > 0) {
        options.send({ type: 'packet.trace', hops: hops.slice(-MAX_HOPS_PER_FLUSH) })
        hops = []
      }
    },
  }
}
