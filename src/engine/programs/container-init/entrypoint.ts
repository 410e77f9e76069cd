/**
 * `docker-entrypoint.sh` of the redis image (and the generic behaviour of
 * such scripts): `redis-server` is prepended when the first argument is a
 * flag or a `.conf` file, then the command is exec'd. A real `exec`
 * replaces the script, so `docker stop`'s SIGTERM lands on redis-server;
 * here the command is a child, so the script forwards the signals it gets.
 */
import { Interrupted, type SignalName } from '../../kernel/proc/errors'
import type { Process } from '../../kernel/proc/process'
import { isExecFailure, type Program } from '../../shell/runtime'

export const redisEntrypointProgram: Program = async (ctx) => {
  const { proc } = ctx
  let args = ctx.argv.slice(1)
  const first = args[0]
  if (first !== undefined && (first.startsWith('-') || first.endsWith('.conf'))) args = ['redis-server', ...args]
  if (args.length === 0) return 0
  const child = ctx.spawn(args)
  if (isExecFailure(child)) {
    proc.err(`/usr/local/bin/docker-entrypoint.sh: exec: line 16: ${args[0]}: not found\n`)
    return 127
  }
  const forward = (s: SignalName) => () => (child as Process).signal(s)
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as const) proc.trap(s, forward(s))
  for (;;) {
    try {
      return await proc.waitFor(child.exited)
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e
    }
  }
}
