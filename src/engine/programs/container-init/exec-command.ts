/**
 * The last line of an image's entrypoint script: `exec "$@"`. A real `exec`
 * replaces the script, so `docker stop`'s SIGTERM lands on the server; here
 * the command runs as a child, so the script forwards the signals it gets and
 * exits with the child's status.
 */
import { Interrupted, type SignalName } from '../../kernel/proc/errors'
import { isExecFailure, type ProgramContext } from '../../shell/runtime'

/** Runs `args` in place of the script; `notFound` is the script's own error line when the command is missing (exit 127). */
export async function execCommand(ctx: ProgramContext, args: readonly string[], notFound: string): Promise<number> {
  const { proc } = ctx
  const child = ctx.spawn(args)
  if (isExecFailure(child)) {
    proc.err(notFound)
    return 127
  }
  const forward = (s: SignalName) => () => child.signal(s)
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as const) proc.trap(s, forward(s))
  for (;;) {
    try {
      return await proc.waitFor(child.exited)
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e // a forwarded signal interrupts the wait; keep waiting
    }
  }
}
