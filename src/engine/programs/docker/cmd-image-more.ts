/** `docker tag` and `docker history` (docker/cli 20.10 cli/command/image). */
import { call, clientError, daemonError, type Cli } from './cli'
import { flagValue, type ParsedFlags } from './flags'
import { ellipsis, truncateId } from './format/ps'
import { goTimeString, templateTable } from './format/ps-template'
import { TemplateError } from './format/template'
import { humanDuration, humanSizeWithPrecision } from './format/units'
import { formatRfc3339Nano } from '../../docker/time'

export async function tag(cli: Cli, f: ParsedFlags): Promise<number> {
  try {
    await call(cli, cli.api.imageTag(f.args[0]!, f.args[1]!))
    return 0
  } catch (e) {
    cli.err(`${clientError(e)}\n`)
    return 1
  }
}

export async function history(cli: Cli, f: ParsedFlags): Promise<number> {
  let items
  try {
    items = await call(cli, cli.api.imageHistory(f.args[0]!))
  } catch (e) {
    cli.err(`${daemonError(e)}\n`)
    return 1
  }
  const trunc = !f.bools.has('no-trunc')
  const human = !cli.ctx.argv.some((a) => /^(--human|-H)=(false|0)$/.test(a))
  const now = cli.api.systemTime()
  const id = (x: string): string => (x === '<missing>' || !trunc ? x : truncateId(x))
  if (f.bools.has('quiet')) {
    cli.out(items.map((i) => `${id(i.Id)}\n`).join(''))
    return 0
  }
  const rows = items.map((i) => {
    const by = i.CreatedBy.replace(/\t/g, ' ')
    return {
      ID: id(i.Id),
      CreatedSince: human ? `${humanDuration(now - i.Created)} ago` : formatRfc3339Nano(Math.floor(i.Created / 1000) * 1000).replace('Z', '+00:00'),
      CreatedAt: goTimeString(i.Created),
      CreatedBy: trunc ? ellipsis(by, 45) : by,
      Size: human ? humanSizeWithPrecision(i.Size, 3) : String(i.Size),
      Comment: '',
    }
  })
  const format = flagValue(f, 'format') ?? 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}'
  try {
    cli.out(templateTable(format, rows, { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' }, '*formatter.historyContext'))
    return 0
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e
    cli.err(`${e.message}\n`)
    return 1
  }
}
