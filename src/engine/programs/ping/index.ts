/** `ping` (iputils 20221126), IPv4 only. parse.ts → run.ts → format.ts. */
import type { Program } from '../../shell/runtime'
import { parsePing } from './parse'
import { runPing } from './run'

export const pingProgram: Program = async (ctx) => {
  const parsed = parsePing(ctx.argv)
  if (parsed.kind === 'exit') {
    if (parsed.stdout) ctx.proc.out(parsed.stdout)
    if (parsed.stderr) ctx.proc.err(parsed.stderr)
    return parsed.exitCode
  }
  if (parsed.warnings) ctx.proc.err(parsed.warnings)
  return runPing(ctx, parsed.options)
}
