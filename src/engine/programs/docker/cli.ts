/**
 * What every command gets: the program context, the daemon API, and the
 * two ways docker/cli 20.10 words a daemon error. The Go client turns a 404
 * from inspect/remove calls into `Error: No such container: x`; any other
 * failure prints as `Error response from daemon: <message>`.
 */
import type { DockerApi } from '../../docker/api'
import { isDockerError } from '../../docker/errors'
import type { ProgramContext } from '../../shell/runtime'

export interface Cli {
  readonly ctx: ProgramContext
  readonly api: DockerApi
  out(text: string): void
  err(text: string): void
}

export function makeCli(ctx: ProgramContext, api: DockerApi): Cli {
  return { ctx, api, out: (t) => ctx.proc.out(t), err: (t) => ctx.proc.err(t) }
}

export function daemonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return `Error response from daemon: ${message}`
}

/** wrapResponseError: a not-found answer names the object the client asked for. */
export function clientError(error: unknown): string {
  if (isDockerError(error) && error.kind === 'notFound' && error.object && error.ref !== undefined && error.object !== 'object') {
    return `Error: No such ${error.object}: ${error.ref}`
  }
  return daemonError(error)
}

/** Awaits a daemon call from the CLI process (a signal to the CLI interrupts the wait, not the daemon). */
export function call<T>(cli: Cli, promise: Promise<T>): Promise<T> {
  return cli.ctx.proc.waitFor(promise)
}
