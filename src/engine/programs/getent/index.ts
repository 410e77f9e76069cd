/** `getent hosts [KEY...]` (glibc 2.36). parse.ts → run.ts → format.ts. */
import type { Program } from '../../shell/runtime'
import { formatHostEnt } from './format'
import { parseGetent } from './parse'
import { allHosts, lookupHosts } from './run'

export const getentProgram: Program = async (ctx) => {
  const parsed = parseGetent(ctx.argv)
  if (!parsed.ok) {
    ctx.proc.err(parsed.stderr)
    return parsed.exitCode
  }
  const { fs, net } = ctx.proc.sandbox
  if (parsed.keys.length === 0) {
    ctx.proc.out(allHosts(fs).map(formatHostEnt).join(''))
    return 0
  }
  let status = 0
  for (const key of parsed.keys) {
    const found = await ctx.proc.waitFor(lookupHosts(fs, net, key))
    if (found.length === 0) status = 2
    ctx.proc.out(found.map(formatHostEnt).join(''))
  }
  return status
}
