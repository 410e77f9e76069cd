/**
 * `docker inspect` / `container inspect` / `image inspect` / `volume
 * inspect` (docker/cli 20.10 cli/command/inspect): every found object's
 * JSON in one array indented by 4 spaces, or each through `-f`; objects
 * not found are reported after the output (`Error: No such object: x`),
 * exit 1 (capture 232).
 */
import { isDockerError } from '../../docker/errors'
import { formatRfc3339Nano } from '../../docker/time'
import type { Volume } from '../../docker/volumes'
import { call, type Cli } from './cli'
import { flagValue, type ParsedFlags } from './flags'
import { executeTemplate, goJson, TemplateError } from './format/template'

type Kind = 'container' | 'image' | 'volume'

export function volumeJson(v: Volume): Record<string, unknown> {
  return {
    CreatedAt: formatRfc3339Nano(Math.floor(v.CreatedAt / 1000) * 1000),
    Driver: v.Driver,
    Labels: v.Labels,
    Mountpoint: v.Mountpoint,
    Name: v.Name,
    Options: v.Options,
    Scope: v.Scope,
  }
}

async function fetch(cli: Cli, kind: Kind, ref: string, size: boolean): Promise<Record<string, unknown>> {
  if (kind === 'image') return cli.api.imageInspectJson(ref)
  if (kind === 'volume') return volumeJson(await cli.api.volumeInspect(ref))
  const json = await cli.api.containerInspectJson(ref)
  if (!size) return json
  const summary = (await cli.api.containerList({ all: true, size: true, filters: { id: [`^${String(json.Id)}$`] } }))[0]
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(json)) {
    out[k] = v
    if (k === 'GraphDriver') Object.assign(out, { SizeRw: summary?.SizeRw ?? 0, SizeRootFs: summary?.SizeRootFs ?? 0 })
  }
  return out
}

export async function inspectObjects(cli: Cli, f: ParsedFlags, kinds: readonly Kind[]): Promise<number> {
  const format = flagValue(f, 'format')
  const type = flagValue(f, 'type')
  if (type !== undefined && !['container', 'image', 'volume', 'network'].includes(type)) {
    cli.err(`"${type}" is not a valid value for --type\n`)
    return 1
  }
  const search = type !== undefined ? kinds.filter((k) => k === type) : kinds
  const found: unknown[] = []
  const errors: string[] = []
  for (const ref of f.args) {
    let hit: unknown
    let error: unknown
    for (const kind of search) {
      try {
        hit = await call(cli, fetch(cli, kind, ref, f.bools.has('size')))
        break
      } catch (e) {
        if (!(isDockerError(e) && e.kind === 'notFound')) {
          error = e
          break
        }
      }
    }
    if (hit !== undefined) found.push(hit)
    else if (error) errors.push(`Error response from daemon: ${error instanceof Error ? error.message : String(error)}`)
    else errors.push(search.length === 1 && (type !== undefined || kinds.length === 1) ? `Error: No such ${search[0]}: ${ref}` : `Error: No such object: ${ref}`)
  }
  if (format === undefined) cli.out(`${goJson(found, '    ')}\n`)
  else {
    try {
      for (const item of found) cli.out(`${executeTemplate(format, item)}\n`)
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e
      cli.err(`${e.message}\n`)
      return 1
    }
  }
  if (errors.length === 0) return 0
  cli.err(`${errors.join('\n')}\n`)
  return 1
}

export const inspect = (cli: Cli, f: ParsedFlags): Promise<number> => inspectObjects(cli, f, ['container', 'image', 'volume'])
export const containerInspect = (cli: Cli, f: ParsedFlags): Promise<number> => inspectObjects(cli, f, ['container'])
export const imageInspect = (cli: Cli, f: ParsedFlags): Promise<number> => inspectObjects(cli, f, ['image'])
export const volumeInspect = (cli: Cli, f: ParsedFlags): Promise<number> => inspectObjects(cli, f, ['volume'])
