/**
 * Container operations beyond create/start/stop/rm (moby `daemon/kill.go`,
 * `pause.go`, `rename.go`, `restart.go`, `top_unix.go`, `stats`, and the
 * restart manager): they change state and answer typed data only.
 */
import type { VirtualClock } from '../sim/clock'
import type { TopResult } from './api'
import type { ContainerStatsData as ContainerStats } from './container-stats'
import { isRunning, type Container } from './container'
import { nameConflict, validateName } from './container-create'
import { statsOf } from './container-stats'
import { DockerError } from './errors'
import { parseSignal, signalInit, signalName } from './signals'
import { DAEMON_TIMING } from './timings'

export interface ContainerOpsDeps {
  readonly clock: VirtualClock
  readonly find: (ref: string) => Container
  readonly containers: () => readonly Container[]
  readonly delay: (ms: number) => Promise<void>
  /** Epoch ms. */
  readonly now: () => number
  readonly start: (c: Container) => Promise<unknown>
  readonly stop: (c: Container, timeoutSeconds?: number) => Promise<void>
}

const notRunning = (c: Container): DockerError => new DockerError('conflict', `Container ${c.Id} is not running`)

export class ContainerOps {
  constructor(private readonly d: ContainerOpsDeps) {}

  /** The API router words every kill failure but a bad signal `Cannot kill container: NAME: …`. */
  async kill(ref: string, signal = 'KILL'): Promise<void> {
    const n = parseSignal(signal)
    let c: Container
    try {
      c = this.d.find(ref)
    } catch (e) {
      throw new DockerError('notFound', `Cannot kill container: ${ref}: ${e instanceof Error ? e.message : String(e)}`)
    }
    await this.d.delay(DAEMON_TIMING.apiMs)
    if (!isRunning(c) || !c.process) throw new DockerError('conflict', `Cannot kill container: ${ref}: Container ${c.Id} is not running`)
    const name = signalName(n)
    if (n === 9) c.State.ManuallyStopped = true
    if (c.State.Status === 'paused') c.State.Status = 'running'
    if (name) signalInit(c.process, name)
    if (n === 9) await new Promise<number>((resolve) => (isRunning(c) ? c.waiters.push(resolve) : resolve(c.State.ExitCode)))
  }

  async pause(ref: string): Promise<void> {
    const c = this.d.find(ref)
    await this.d.delay(DAEMON_TIMING.apiMs)
    if (!isRunning(c)) throw notRunning(c)
    if (c.State.Status === 'paused') throw new DockerError('conflict', `Container ${c.Id} is already paused`)
    if (c.State.Status === 'restarting') throw new DockerError('conflict', `Container ${c.Id} is restarting, wait until the container is running`)
    c.State.Status = 'paused'
  }

  async unpause(ref: string): Promise<void> {
    const c = this.d.find(ref)
    await this.d.delay(DAEMON_TIMING.apiMs)
    if (c.State.Status !== 'paused') throw new DockerError('conflict', `Container ${c.Id} is not paused`)
    c.State.Status = 'running'
  }

  async restart(ref: string, timeoutSeconds?: number): Promise<void> {
    const c = this.d.find(ref)
    if (isRunning(c)) await this.d.stop(c, timeoutSeconds)
    await this.d.start(c)
    c.State.ManuallyStopped = false
  }

  async rename(ref: string, newName: string): Promise<void> {
    const c = this.d.find(ref)
    await this.d.delay(DAEMON_TIMING.apiMs)
    const name = newName.replace(/^\//, '')
    if (name === '') throw new DockerError('invalidParameter', 'Neither old nor new names may be empty')
    validateName(name)
    if (c.Name === `/${name}`) throw new DockerError('invalidParameter', 'Renaming a container with the same name as its current name')
    const holder = this.d.containers().find((x) => x.Name === `/${name}`)
    if (holder) throw nameConflict(name, holder)
    c.Name = `/${name}`
  }

  /** `ps -ef` as the daemon runs it for `docker top`: the container's processes, host pids. */
  async top(ref: string): Promise<TopResult> {
    const c = this.d.find(ref)
    await this.d.delay(DAEMON_TIMING.execMs)
    if (!isRunning(c) || !c.process) throw new DockerError('conflict', `Container ${c.Id} is not running`)
    if (c.State.Status === 'paused') throw new DockerError('conflict', `Container ${c.Id} is paused, unpause the container before exec`)
    const procs = [c.process, ...c.execs].filter((p) => p.running)
    const stime = (ms: number): string => {
      const day = ((ms % 86400000) + 86400000) % 86400000
      return `${String(Math.floor(day / 3600000)).padStart(2, '0')}:${String(Math.floor((day % 3600000) / 60000)).padStart(2, '0')}`
    }
    const started = c.State.StartedAt ?? this.d.now()
    return {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: procs.map((p) => [
        'root',
        String(p.pid),
        String(p === c.process ? (p.ppid || Math.max(1, p.pid - 20)) : c.process!.pid),
        '0',
        stime(started),
        p.tty ? 'pts/0' : '?',
        '00:00:00',
        p.argv.join(' '),
      ]),
    }
  }

  async stats(ref: string): Promise<ContainerStats> {
    const c = this.d.find(ref)
    await this.d.delay(DAEMON_TIMING.apiMs)
    return statsOf(c, this.d.now())
  }

  /** The restart manager (moby `restartmanager`): 100 ms backoff, doubling, for the policies that want a restart. */
  onExit(c: Container): void {
    const policy = c.HostConfig.RestartPolicy
    const code = c.State.ExitCode
    const want =
      !c.State.ManuallyStopped &&
      (policy.Name === 'always' ||
        policy.Name === 'unless-stopped' ||
        (policy.Name === 'on-failure' && code !== 0 && (policy.MaximumRetryCount === 0 || c.RestartCount < policy.MaximumRetryCount)))
    if (!want || c.HostConfig.AutoRemove) return
    c.State.Status = 'restarting'
    const backoff = 100 * 2 ** Math.min(c.RestartCount, 10)
    this.d.clock.setTimer(backoff, () => {
      if (c.State.Status !== 'restarting' || !this.d.containers().includes(c)) return
      c.RestartCount++
      this.d.start(c).catch(() => {
        c.State.Status = 'exited'
      })
    })
  }
}
