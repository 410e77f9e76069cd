/**
 * `ip` (iproute2 6.1): address, link, route and neighbour, show and the
 * common changes. parse.ts → run.ts → format.ts.
 */
import type { Program } from '../../shell/runtime'
import { formatIp } from './format'
import { parseIp } from './parse'
import { runIp } from './run'

export const ipProgram: Program = (ctx) => {
  const parsed = parseIp(ctx.argv)
  if (!parsed.ok) {
    ctx.proc.err(parsed.stderr)
    return Promise.resolve(parsed.exitCode)
  }
  const result = runIp({ net: ctx.proc.sandbox.net, stack: ctx.kernel.net, now: ctx.kernel.clock.now() }, parsed.options, parsed.command)
  const out = formatIp(result, parsed.options)
  if (out.stdout) ctx.proc.out(out.stdout)
  if (out.stderr) ctx.proc.err(out.stderr)
  return Promise.resolve(out.exitCode)
}
