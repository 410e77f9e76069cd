/** `docker images`, `rmi`, `pull` (docker/cli 20.10 cli/command/image). */
import { isDockerError } from '../../docker/errors'
import { familiarString, fullString, parseReference, withDefaultTag } from '../../docker/reference'
import { call, clientError, daemonError, type Cli } from './cli'
import { flagValue, type ParsedFlags } from './flags'
import { formatImages, imageRows, rowDigest } from './format/images'
import { goTimeString, templateTable } from './format/ps-template'
import { truncateId } from './format/ps'
import { TemplateError } from './format/template'
import { humanDuration, humanSizeWithPrecision } from './format/units'
import { JsonMessageDisplay } from './format/progress'
import type { OutputStream } from '../../kernel/proc/streams'

export async function images(cli: Cli, f: ParsedFlags): Promise<number> {
  let list = await call(cli, cli.api.imageList())
  const filter = f.args[0]
  if (filter !== undefined) {
    const [repo, tag] = filter.includes(':') ? [filter.slice(0, filter.lastIndexOf(':')), filter.slice(filter.lastIndexOf(':') + 1)] : [filter, undefined]
    list = list
      .map((i) => ({ ...i, RepoTags: i.RepoTags.filter((t) => t.slice(0, t.lastIndexOf(':')) === repo && (tag === undefined || t.endsWith(`:${tag}`))) }))
      .filter((i) => i.RepoTags.length > 0)
  }
  const format = flagValue(f, 'format')
  if (format !== undefined && !f.bools.has('quiet')) {
    try {
      const now = cli.api.systemTime()
      const rows = imageRows(list).map((r) => ({
        ID: f.bools.has('no-trunc') ? r.image.Id : truncateId(r.image.Id),
        Repository: r.repository,
        Tag: r.tag,
        Digest: rowDigest(r),
        CreatedSince: `${humanDuration(now - Math.floor(r.image.Created / 1000) * 1000)} ago`,
        CreatedAt: goTimeString(r.image.Created),
        Size: humanSizeWithPrecision(r.image.Size, 3),
      }))
      cli.out(templateTable(format, rows, { ID: 'IMAGE ID', Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE' }, '*formatter.imageContext'))
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e
      cli.err(`${e.message}\n`)
      return 1
    }
    return 0
  }
  cli.out(formatImages(list, cli.api.systemTime(), { quiet: f.bools.has('quiet'), trunc: !f.bools.has('no-trunc'), digests: f.bools.has('digests') }))
  return 0
}

export async function rmi(cli: Cli, f: ParsedFlags): Promise<number> {
  const force = f.bools.has('force')
  const errors: string[] = []
  let fatal = false
  for (const name of f.args) {
    try {
      for (const item of await call(cli, cli.api.imageRemove(name, { force }))) {
        cli.out(item.Deleted !== undefined ? `Deleted: ${item.Deleted}\n` : `Untagged: ${item.Untagged}\n`)
      }
    } catch (e) {
      if (!(isDockerError(e) && e.kind === 'notFound')) fatal = true
      errors.push(clientError(e))
    }
  }
  if (errors.length === 0) return 0
  cli.err(`${errors.join('\n')}\n`)
  // `rmi -f` of a missing image is reported but not fatal (cli/command/image/remove.go).
  return !force || fatal ? 1 : 0
}

/** Streams a pull's progress to `out`, redrawn in place when `out` is a terminal. */
export function pullTo(cli: Cli, ref: string, out: OutputStream): Promise<unknown> {
  const display = new JsonMessageDisplay((t) => out.write(t), out.tty !== undefined, () => out.tty?.cols ?? 0)
  return call(cli, cli.api.imagePull(ref, (m) => display.display(m)))
}

export async function pull(cli: Cli, f: ParsedFlags): Promise<number> {
  const text = f.args[0]!
  let ref
  try {
    ref = parseReference(text)
  } catch (e) {
    cli.err(`${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
  const quiet = f.bools.has('quiet')
  if (ref.tag === undefined && ref.digest === undefined && !quiet) cli.out('Using default tag: latest\n')
  try {
    await pullTo(cli, familiarString(withDefaultTag(ref)), quiet ? { write: () => {} } : cli.ctx.proc.stdout)
  } catch (e) {
    cli.err(`${daemonError(e)}\n`)
    return 1
  }
  cli.out(`${fullString(withDefaultTag(ref))}\n`)
  return 0
}
