/**
 * Composition root: one simulated Docker host. createWorld wires the clock,
 * the PRNG, the kernel, the network stack, the Docker daemon and the
 * programs, opens the host terminal with a login shell on it, and reports
 * through the `send` function it is handed (terminal bytes, record diffs).
 *
 * PLACEHOLDER until the network stack, the shell and the daemon land: the
 * host terminal runs a stand-in that echoes lines, so the UI can be built.
 */
import type { FromEngine, ToEngine } from '../protocol/messages'
import { HOST_TERMINAL } from '../protocol/messages'
import type { WorldRecord } from '../protocol/records'
import { diffRecords, isEmptyDiff } from '../protocol/diff'
import type { Drivable } from './driver'
import { VirtualClock } from './sim/clock'
import { Prng } from './sim/random'
import { Kernel } from './kernel/kernel'
import type { NetworkStack } from './kernel/net/types'
import { FileSystem } from './kernel/fs/fs'
import type { TtyId } from './kernel/proc/tty'

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

export function createWorld(options: WorldOptions): World {
  const clock = new VirtualClock()
  const random = new Prng(options.seed)
  const kernel = new Kernel(clock, random, {} as NetworkStack)
  const fs = new FileSystem(() => clock.now())
  let reading = false
  const tty = kernel.openTty(HOST_TERMINAL as TtyId, {
    output: (data) => options.send({ type: 'terminal.output', terminal: HOST_TERMINAL, data }),
    reading: (r) => (reading = r),
  })
  const records = (): WorldRecord[] => [
    { kind: 'host', id: 'host', hostname: 'docker-host' },
    { kind: 'terminal', id: HOST_TERMINAL, title: 'host', reading, open: true },
  ]
  kernel.spawn(
    { argv: ['placeholder'], env: {}, cwd: '/root', sandbox: { net: {} as NetworkStack['host'], fs, uts: { hostname: 'docker-host' }, owner: 'host' }, stdin: tty, stdout: tty, stderr: tty, tty },
    async (proc) => {
      tty.foregroundPgid = proc.pgid
      proc.trap('SIGINT', () => {})
      for (;;) {
        proc.out('root@docker-host:~# ')
        let line: string | null
        try {
          line = await proc.read()
        } catch {
          continue
        }
        if (line === null) return 0
        const cmd = line.trim()
        if (cmd) proc.out(`bash: ${cmd.split(/\s+/)[0]}: command not found\n`)
      }
    },
  )
  let published = new Map<string, WorldRecord>()
  options.send({ type: 'world.snapshot', records: records() })
  for (const r of records()) published.set(r.id, r)
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
      if (message.type === 'terminal.input') kernel.tty(message.terminal as TtyId)?.input(message.data)
      else if (message.type === 'terminal.resize') kernel.tty(message.terminal as TtyId)?.resize(message.cols, message.rows)
    },
    flush() {
      const next = new Map(records().map((r) => [r.id, r]))
      const diff = diffRecords(published, next)
      published = next
      if (!isEmptyDiff(diff)) options.send({ type: 'world.diff', diff })
    },
  }
}
