/**
 * How the daemon starts processes without knowing programs or the shell
 * (DESIGN.md: the daemon never runs programs itself). The composition root
 * implements it with the program registry, as containerd + runc do for a
 * real daemon: find argv[0] on PATH inside the container's filesystem and
 * run it in the container's sandbox.
 */
import type { Process, Sandbox } from '../kernel/proc/process'
import type { InputStream, OutputStream } from '../kernel/proc/streams'
import type { Tty } from '../kernel/proc/tty'

export interface RuntimeSpawnRequest {
  readonly sandbox: Sandbox
  readonly argv: readonly string[]
  readonly env: Record<string, string>
  readonly cwd: string
  readonly stdin: InputStream
  readonly stdout: OutputStream
  readonly stderr: OutputStream
  /** Controlling terminal (`-t`): the caller's TTY in this model. */
  readonly tty?: Tty
}

/** execvp failed before a process existed (same shape as the shell runtime's ExecFailure). */
export interface RuntimeSpawnFailure {
  /** `fork-failed`: the host's process table is full (EAGAIN). */
  readonly error: 'not-found' | 'not-executable' | 'is-directory' | 'fork-failed'
  readonly path: string
}

export interface ContainerRuntime {
  /** Starts a process in its own process group; never throws for a missing executable. */
  spawn(request: RuntimeSpawnRequest): Process | RuntimeSpawnFailure
}

export function isSpawnFailure(x: Process | RuntimeSpawnFailure): x is RuntimeSpawnFailure {
  return 'error' in x && typeof (x as RuntimeSpawnFailure).error === 'string' && !('pid' in x)
}

/** runc's words for an exec that could not start (runc 1.1, as in capture 000's stack). */
export function spawnFailureText(f: RuntimeSpawnFailure, argv0: string): string {
  if (f.error === 'fork-failed') return 'fork/exec /proc/self/exe: resource temporarily unavailable'
  const why = f.error === 'not-found' ? 'executable file not found in $PATH' : f.error === 'is-directory' ? 'is a directory' : 'permission denied'
  return `exec: "${argv0}": ${why}`
}
