/** `iptables` v1.8.9 (legacy): filter and nat of the process's network namespace. parse.ts → run.ts → format.ts. */
import type { Program } from '../../shell/runtime'
import { parseIptables } from './parse'
import { runIptables } from './run'

export const iptablesProgram: Program = (ctx) => {
  const parsed = parseIptables(ctx.argv)
  if (!parsed.ok) {
    ctx.proc.err(parsed.stderr)
    return Promise.resolve(parsed.exitCode)
  }
  const r = runIptables(ctx.proc.sandbox.net.iptables, ctx.proc.sandbox.fs, parsed.command, parsed.options)
  if (r.stdout) ctx.proc.out(r.stdout)
  if (r.stderr) ctx.proc.err(r.stderr)
  return Promise.resolve(r.exitCode)
}
