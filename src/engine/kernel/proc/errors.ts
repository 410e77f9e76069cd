/**
 * Control-flow errors of the process model. A program's awaits on kernel
 * primitives (read, sleep, wait, yield) reject with these; programs let
 * `Terminated` propagate and may catch `Interrupted` (EINTR).
 */
export type SignalName = 'SIGINT' | 'SIGTERM' | 'SIGKILL' | 'SIGHUP' | 'SIGPIPE' | 'SIGQUIT'

export const SIGNAL_NUMBERS: Record<SignalName, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGPIPE: 13,
  SIGTERM: 15,
}

/** The process was killed by a signal with no handler: unwind and exit 128+n. */
export class Terminated extends Error {
  constructor(readonly signal: SignalName) {
    super(`terminated by ${signal}`)
  }
}

/** A handled signal arrived while waiting (EINTR). */
export class Interrupted extends Error {
  constructor(readonly signal: SignalName) {
    super(`interrupted by ${signal}`)
  }
}

/** The process called exit(): unwind to the program runner. */
export class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`)
  }
}

/**
 * fork(2) failed with EAGAIN: the process table is full (RLIMIT_NPROC or
 * the kernel's limit). `message` is strerror(EAGAIN), as the shells print it.
 */
export class ForkError extends Error {
  readonly code = 'EAGAIN'
  constructor() {
    super('Resource temporarily unavailable')
  }
}
