/**
 * `docker-entrypoint.sh` of the redis image (and the generic behaviour of
 * such scripts): `redis-server` is prepended when the first argument is a
 * flag or a `.conf` file, then the command is exec'd. A real `exec`
 * replaces the script, so `docker stop`'s SIGTERM lands on redis-server
 * (see exec-command.ts for how that is modelled).
 */
import type { Program } from '../../shell/runtime'
import { execCommand } from './exec-command'

export const redisEntrypointProgram: Program = async (ctx) => {
  let args = ctx.argv.slice(1)
  const first = args[0]
  if (first !== undefined && (first.startsWith('-') || first.endsWith('.conf'))) args = ['redis-server', ...args]
  if (args.length === 0) return 0
  return execCommand(ctx, args, `/usr/local/bin/docker-entrypoint.sh: exec: line 16: ${args[0]}: not found\n`)
}
