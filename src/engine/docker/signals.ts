/**
 * Signals as Docker names and delivers them (moby `pkg/signal`, daemon
 * `kill.go`): `KILL`, `SIGKILL` and `9` name the same signal; an unknown
 * name is `Invalid signal: X`. A container's main process is the init of
 * its pid namespace, and the kernel drops signals an init has no handler
 * for (SIGKILL excepted): `sleep` as PID 1 ignores `docker stop`'s SIGTERM,
 * so the stop ends with SIGKILL after the grace period (exit 137), while
 * tomcat's JVM handles SIGTERM and exits 143.
 */
import { SIGNAL_NUMBERS, type SignalName } from '../kernel/proc/errors'
import type { Process } from '../kernel/proc/process'
import { DockerError } from './errors'

/** Linux signal numbers Docker accepts by name; the model delivers those it has (SignalName). */
const LINUX_SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, IOT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15,
  STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, POLL: 29, PWR: 30, SYS: 31,
}

/** signal.ParseSignal: `TERM`, `SIGTERM`, `15` → 15. */
export function parseSignal(text: string): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text)
    if (n === 0 || n > 64) throw new DockerError('invalidParameter', `Invalid signal: ${text}`)
    return n
  }
  const n = LINUX_SIGNALS[text.toUpperCase().replace(/^SIG/, '')]
  if (n === undefined) throw new DockerError('invalidParameter', `Invalid signal: ${text}`)
  return n
}

/** The model's name for a signal number, when the kernel model has it. */
export function signalName(n: number): SignalName | undefined {
  return (Object.keys(SIGNAL_NUMBERS) as SignalName[]).find((s) => SIGNAL_NUMBERS[s] === n)
}

/**
 * The disposition a process set for `signal`. Process keeps it private;
 * this reads it for the pid-namespace init rule only (a public accessor on
 * Process would replace this).
 */
function disposition(proc: Process, signal: SignalName): unknown {
  const table = (proc as unknown as { dispositions?: Map<SignalName, unknown> }).dispositions
  return table?.get(signal) ?? 'default'
}

/** kill(2) from the host to a container's init: default-disposition signals other than SIGKILL are dropped. */
export function signalInit(proc: Process, signal: SignalName): void {
  if (signal !== 'SIGKILL' && disposition(proc, signal) === 'default') return
  proc.signal(signal)
}
