/**
 * `docker logs` (-f, --tail, -t), `top` and `stats` (docker/cli 20.10).
 * Logs replay what the main process wrote, each stream to its own side;
 * `-f` then follows until the container stops or ^C. `top` is a tabwriter
 * table with minwidth 20; `stats` prints one table (`--no-stream`) or
 * redraws it every second until ^C.
 */
import { formatRfc3339Nano } from '../../docker/time'
import { call, clientError, daemonError, type Cli } from './cli'
import { flagValue, type ParsedFlags } from './flags'
import { statsTable } from './format/stats'
import { tabwrite } from './format/tabwriter'

/** jsonmessage.RFC3339NanoFixed: always nine fractional digits. */
function fixedNano(ms: number): string {
  const t = formatRfc3339Nano(Math.floor(ms / 1000) * 1000)
  return `${t.slice(0, -1)}.${String(ms % 1000).padStart(3, '0')}000000Z`
}

export async function logs(cli: Cli, f: ParsedFlags): Promise<number> {
  const ref = f.args[0]!
  let c
  try {
    c = await call(cli, cli.api.containerInspect(ref))
  } catch (e) {
    cli.err(`${clientError(e)}\n`)
    return 1
  }
  const tail = flagValue(f, 'tail') ?? 'all'
  const stamps = f.bools.has('timestamps')
  const lines: { stream: 'stdout' | 'stderr'; text: string; time: number }[] = []
  let partial: { stream: 'stdout' | 'stderr'; text: string; time: number } | undefined
  for (const e of c.log) {
    const parts = e.data.split(/(?<=\n)/)
    for (const p of parts) {
      if (partial && partial.stream === e.stream) partial.text += p
      else {
        if (partial) lines.push(partial)
        partial = { stream: e.stream, text: p, time: e.time ?? 0 }
      }
      if (partial.text.endsWith('\n')) {
        lines.push(partial)
        partial = undefined
      }
    }
  }
  if (partial) lines.push(partial)
  const n = /^\d+$/.test(tail) ? Number(tail) : lines.length
  for (const l of n === 0 ? [] : lines.slice(-n)) {
    const text = stamps ? `${fixedNano(l.time)} ${l.text}` : l.text
    if (l.stream === 'stdout') cli.out(text)
    else cli.err(text)
  }
  if (!f.bools.has('follow') || !(c.State.Status === 'running' || c.State.Status === 'paused')) return 0
  const prefix = (t: string): string => (stamps ? t.replace(/^(?=.)/gm, `${fixedNano(cli.api.systemTime())} `) : t)
  const detach = cli.api.containerAttach(ref, { stdout: { write: (t) => cli.out(prefix(t)) }, stderr: { write: (t) => cli.err(prefix(t)) } })
  try {
    await call(cli, cli.api.containerWait(ref, 'not-running'))
  } finally {
    detach()
  }
  return 0
}

export async function top(cli: Cli, f: ParsedFlags): Promise<number> {
  try {
    const result = await call(cli, cli.api.containerTop(f.args[0]!))
    const rows = [result.Titles, ...result.Processes]
    cli.out(tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', 20, 3))
    return 0
  } catch (e) {
    cli.err(`${daemonError(e)}\n`)
    return 1
  }
}

export async function stats(cli: Cli, f: ParsedFlags): Promise<number> {
  const named = f.args.length > 0
  const trunc = !f.bools.has('no-trunc')
  const collect = async (): Promise<{ text: string; errors: string[] }> => {
    const list = named ? f.args : (await call(cli, cli.api.containerList({ all: f.bools.has('all') }))).map((c) => c.Id)
    const rows = []
    const errors: string[] = []
    for (const ref of list) {
      try {
        const c = await call(cli, cli.api.containerInspect(ref))
        rows.push({ id: c.Id, name: c.Name.replace(/^\//, ''), stats: await call(cli, cli.api.containerStats(ref)) })
      } catch (e) {
        errors.push(daemonError(e))
      }
    }
    return { text: statsTable(rows, flagValue(f, 'format'), trunc), errors }
  }
  if (f.bools.has('no-stream')) {
    const { text, errors } = await collect()
    if (errors.length > 0) {
      cli.err(`${errors.join('\n')}\n`)
      return 1
    }
    cli.out(text)
    return 0
  }
  for (;;) {
    const { text } = await collect()
    cli.out(`\x1b[2J\x1b[H${text}`)
    await cli.ctx.proc.sleep(1000)
  }
}
