/** `tcpdump` 4.99: one interface, one-line decodes. parse.ts → run.ts → format.ts. */
import type { Program } from '../../shell/runtime'
import { parseTcpdump } from './parse'
import { runTcpdump } from './run'

export const tcpdumpProgram: Program = async (ctx) => {
  const parsed = parseTcpdump(ctx.argv)
  if (!parsed.ok) {
    ctx.proc.err(parsed.stderr)
    return parsed.exitCode
  }
  return runTcpdump(ctx, parsed.options)
}
