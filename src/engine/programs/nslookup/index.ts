/** `nslookup` (busybox 1.35, as in the tutorial's images). parse.ts → run.ts → format.ts. */
import type { Program } from '../../shell/runtime'
import { parseNslookup } from './parse'
import { runNslookup } from './run'

export const nslookupProgram: Program = async (ctx) => {
  const parsed = parseNslookup(ctx.argv)
  if (!parsed.ok) {
    ctx.proc.err(parsed.stderr)
    return parsed.exitCode
  }
  return runNslookup(ctx, parsed.options)
}
