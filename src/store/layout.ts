/**
 * Graph slots: where each bridge column and each container sits. Kept in the
 * store (not recomputed from scratch on every render) because the layout must
 * be stable: a container keeps its slot for its whole life, so adding or
 * removing one never moves another. A freed slot is reused by the next
 * newcomer in that column, which keeps the picture compact without moving
 * anything that is already drawn.
 *
 * Pure functions over records; the graph (src/ui/graph) turns slots into
 * pixels.
 */
import type { ContainerRecord, RecordId, WorldRecord } from '../protocol/records'

/** Column for containers whose network has no bridge (host, none, container:<id>). */
export const OTHER_COLUMN = 'other'

export interface Slots {
  /** Column key (bridge interface record id, or OTHER_COLUMN) → column index. */
  readonly columns: Readonly<Record<string, number>>
  /** Container id → its column key and its row within that column. */
  readonly containers: Readonly<Record<RecordId, { readonly column: string; readonly row: number }>>
}

export const EMPTY_SLOTS: Slots = { columns: {}, containers: {} }

/** Host-namespace bridge interfaces (docker0, br-…), in record (creation) order. */
export function hostBridges(records: ReadonlyMap<RecordId, WorldRecord>): RecordId[] {
  const hostNetns = new Set<RecordId>()
  for (const r of records.values()) if (r.kind === 'netns' && r.owner === 'host') hostNetns.add(r.id)
  const out: RecordId[] = []
  for (const r of records.values()) {
    // With no netns records at all, every bridge is taken to be the host's.
    if (r.kind === 'interface' && r.type === 'bridge' && (hostNetns.size === 0 || hostNetns.has(r.netns))) out.push(r.id)
  }
  return out
}

/** The bridge a container was attached to by `--network` (or docker0 for the default). */
export function primaryBridge(records: ReadonlyMap<RecordId, WorldRecord>, c: ContainerRecord): RecordId | undefined {
  const mode = c.networkMode
  if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) return undefined
  for (const r of records.values()) {
    if (r.kind === 'network' && (r.name === mode || r.id === mode || (mode === 'default' && r.name === 'bridge'))) return r.bridge
  }
  return undefined
}

function lowestFree(used: Iterable<number>): number {
  const taken = new Set(used)
  let i = 0
  while (taken.has(i)) i++
  return i
}

/**
 * Returns slots for `records`, keeping every slot of `prev` whose owner still
 * exists. Returns `prev` itself when nothing changed, so selectors stay cheap.
 */
export function updateSlots(prev: Slots, records: ReadonlyMap<RecordId, WorldRecord>): Slots {
  const bridges = hostBridges(records)
  const containers = [...records.values()].filter((r): r is ContainerRecord => r.kind === 'container')
  // Column of each container: the one it had, while that column still exists; else its network's bridge.
  const columnOf = new Map<RecordId, string>()
  for (const c of containers) {
    const kept = prev.containers[c.id]?.column
    if (kept !== undefined && (kept === OTHER_COLUMN || bridges.includes(kept))) columnOf.set(c.id, kept)
    else {
      const bridge = primaryBridge(records, c)
      columnOf.set(c.id, bridge !== undefined && bridges.includes(bridge) ? bridge : OTHER_COLUMN)
    }
  }
  const wanted = [...columnOf.values()].includes(OTHER_COLUMN) ? [...bridges, OTHER_COLUMN] : bridges

  let changed = Object.keys(prev.columns).length !== wanted.length || Object.keys(prev.containers).length !== containers.length
  const columns: Record<string, number> = {}
  for (const key of wanted) if (prev.columns[key] !== undefined) columns[key] = prev.columns[key]
  for (const key of wanted) {
    if (columns[key] === undefined) {
      columns[key] = lowestFree(Object.values(columns))
      changed = true
    }
  }

  const placed: Record<RecordId, { column: string; row: number }> = {}
  for (const c of containers) {
    const kept = prev.containers[c.id]
    if (kept && kept.column === columnOf.get(c.id)) placed[c.id] = kept
  }
  for (const c of containers) {
    if (placed[c.id]) continue
    const column = columnOf.get(c.id)!
    const rows = Object.values(placed).filter((p) => p.column === column).map((p) => p.row)
    placed[c.id] = { column, row: lowestFree(rows) }
    changed = true
  }
  return changed ? { columns, containers: placed } : prev
}
