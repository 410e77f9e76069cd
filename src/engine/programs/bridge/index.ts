/** `bridge` (iproute2 6.1): `link` and `fdb show`. parse.ts → run.ts → format.ts. */
import type { Program } from '../../shell/runtime'
import { BRIDGE_VERSION, formatFdb, formatPort } from './format'
import { parseBridge } from './parse'
import { bridgePorts, fdbRows } from './run'

export const bridgeProgram: Program = (ctx) => {
  const parsed = parseBridge(ctx.argv)
  if (!parsed.ok) {
    ctx.proc.err(parsed.stderr)
    return Promise.resolve(parsed.exitCode)
  }
  const net = ctx.proc.sandbox.net
  const c = parsed.command
  if (c.kind === 'version') {
    ctx.proc.out(BRIDGE_VERSION)
    return Promise.resolve(0)
  }
  const rows = c.kind === 'link' ? bridgePorts(net, c.dev) : fdbRows(ctx.kernel.net, net, c.br, c.dev)
  if ('error' in rows) {
    ctx.proc.err(rows.error)
    return Promise.resolve(1)
  }
  ctx.proc.out(c.kind === 'link' ? (rows as PortRows).map(formatPort).join('') : (rows as FdbRows).map(formatFdb).join(''))
  return Promise.resolve(0)
}
type PortRows = Extract<ReturnType<typeof bridgePorts>, unknown[]>
type FdbRows = Extract<ReturnType<typeof fdbRows>, unknown[]>
