/**
 * Runs one program to completion on the virtual clock, for tests of single
 * programs (no shell, no terminal). `ctrlCAfterMs` plays a terminal's ^C:
 * the tty echoes `^C` into the output, then SIGINT goes to the process.
 */
import { runUntil, settle, type Drivable } from '../engine/driver'
import type { Kernel } from '../engine/kernel/kernel'
import type { Sandbox } from '../engine/kernel/proc/process'
import type { OutputStream } from '../engine/kernel/proc/streams'
import { isExecFailure, ProgramRunner, type ProgramRegistry } from '../engine/shell/runtime'

export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export interface RunOptions {
  readonly kernel: Kernel
  /** How long (virtual ms) the program may run before we stop waiting (default 600 s). */
  readonly advanceMs?: number
  readonly ctrlCAfterMs?: number
  readonly env?: Record<string, string>
}

export interface RunResult {
  readonly stdout: string
  readonly stderr: string
  /** stdout and stderr interleaved in the order they were written (what a terminal shows). */
  readonly output: string
  /** undefined when the program was still running at the end. */
  readonly exitCode: number | undefined
}

export function drivable(kernel: Kernel): Drivable {
  return {
    now: () => kernel.clock.now(),
    nextDeadline: () => kernel.clock.nextDeadline(),
    advanceTo: (t) => kernel.clock.advanceTo(t),
    get hasReadySlices() {
      return kernel.scheduler.hasReady
    },
    runSlice: () => kernel.scheduler.runSlice(),
  }
}

export async function runProgram(registry: ProgramRegistry, sandbox: Sandbox, argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const { kernel } = options
  const chunks: { stream: 'out' | 'err'; text: string }[] = []
  const sink = (stream: 'out' | 'err'): OutputStream => ({ write: (text: string) => void chunks.push({ stream, text }) })
  const runner = new ProgramRunner(kernel, registry)
  const proc = runner.spawn(undefined, argv, {
    sandbox,
    stdout: sink('out'),
    stderr: sink('err'),
    env: options.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  })
  if (isExecFailure(proc)) throw new Error(`${argv[0]}: ${proc.error}`)
  const world = drivable(kernel)
  const start = kernel.clock.now()
  if (options.ctrlCAfterMs !== undefined) {
    await runUntil(world, start + options.ctrlCAfterMs, turn)
    if (proc.running) {
      chunks.push({ stream: 'out', text: '^C' })
      proc.signal('SIGINT')
    }
  }
  const limit = start + (options.advanceMs ?? 600_000)
  await settle(world, turn)
  while (proc.running) {
    const next = kernel.clock.nextDeadline()
    if (next === undefined || next > limit) {
      await runUntil(world, limit, turn)
      break
    }
    await runUntil(world, next, turn)
  }
  await settle(world, turn)
  const text = (s?: 'out' | 'err') =>
    chunks
      .filter((c) => !s || c.stream === s)
      .map((c) => c.text)
      .join('')
  return { stdout: text('out'), stderr: text('err'), output: text(), exitCode: proc.exitCode }
}
