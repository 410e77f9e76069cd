/**
 * The container list (moby `daemon/list.go`): newest first, running only
 * unless `all` (a `status` filter looks at every container), and the
 * filters learners use: name and id (regular expressions, matched against
 * `/name` and the full id), status, ancestor (the image, by name or id),
 * exited. Values of one key OR together; keys AND.
 */
import type { ContainerListOptions, ContainerSummary } from './api'
import { commandOf, isRunning, type Container } from './container'
import { DockerError } from './errors'

const STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']

/** Filter keys and their predicates; another part of the daemon may add keys (e.g. `network`). */
export const CONTAINER_FILTERS: Record<string, (c: Container, value: string, ctx: FilterContext) => boolean> = {
  name: (c, v) => safeRegex(v).test(c.Name),
  id: (c, v) => safeRegex(v).test(c.Id),
  status: (c, v) => c.State.Status === v,
  ancestor: (c, v, ctx) => ctx.imageId(v) === c.Image,
  exited: (c, v) => c.State.Status === 'exited' && c.State.ExitCode === Number(v),
}

export interface FilterContext {
  /** The image id a reference or id names, if present. */
  readonly imageId: (ref: string) => string | undefined
  readonly imageSize: (id: string) => number
}

function safeRegex(source: string): RegExp {
  try {
    return new RegExp(source)
  } catch {
    throw new DockerError('invalidParameter', `error parsing regexp: ${source}`)
  }
}

function validate(filters: Readonly<Record<string, readonly string[]>>): void {
  for (const [key, values] of Object.entries(filters)) {
    if (!CONTAINER_FILTERS[key]) throw new DockerError('invalidParameter', `Invalid filter '${key}'`)
    if (key === 'status') for (const v of values) if (!STATUSES.includes(v)) throw new DockerError('invalidParameter', `Unrecognised filter value for status: ${v}`)
    if (key === 'exited') for (const v of values) if (!/^-?\d+$/.test(v)) throw new DockerError('invalidParameter', `strconv.Atoi: parsing "${v}": invalid syntax`)
  }
}

export function summarise(c: Container, size: boolean, ctx: FilterContext): ContainerSummary {
  return {
    Id: c.Id,
    Names: [c.Name],
    Image: c.Config.Image,
    ImageID: c.Image,
    Command: commandOf(c),
    Created: c.Created,
    Ports: [...c.NetworkSettings.Ports],
    State: c.State.Status,
    ExitCode: c.State.ExitCode,
    ...(c.State.StartedAt !== undefined ? { StartedAt: c.State.StartedAt } : {}),
    ...(c.State.FinishedAt !== undefined ? { FinishedAt: c.State.FinishedAt } : {}),
    ...(size ? { SizeRw: 0, SizeRootFs: ctx.imageSize(c.Image) } : {}),
    Mounts: c.Mounts.map((m) => ({ ...(m.Name !== undefined ? { Name: m.Name } : {}), Source: m.Source })),
    NetworkNames: [...c.NetworkSettings.Networks.keys()],
  }
}

export function listContainers(containers: readonly Container[], options: ContainerListOptions, ctx: FilterContext): ContainerSummary[] {
  const filters = options.filters ?? {}
  validate(filters)
  const all = options.all || filters.status !== undefined || filters.exited !== undefined
  const list = containers
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => all || isRunning(c))
    .filter(({ c }) => Object.entries(filters).every(([key, values]) => values.length === 0 || values.some((v) => CONTAINER_FILTERS[key]!(c, v, ctx))))
  list.sort((a, b) => b.c.Created - a.c.Created || b.order - a.order)
  return list.map(({ c }) => summarise(c, options.size ?? false, ctx))
}
