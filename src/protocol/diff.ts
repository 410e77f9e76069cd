/** Record diffs: what changed between two sets of records (tldraw's RecordsDiff shape). */
import type { RecordId, WorldRecord } from './records'

export interface RecordsDiff {
  readonly added: readonly WorldRecord[]
  readonly updated: readonly (readonly [from: WorldRecord, to: WorldRecord])[]
  readonly removed: readonly WorldRecord[]
}

export function isEmptyDiff(d: RecordsDiff): boolean {
  return d.added.length === 0 && d.updated.length === 0 && d.removed.length === 0
}

/** Compares two snapshots by id; records are compared by their JSON. */
export function diffRecords(before: ReadonlyMap<RecordId, WorldRecord>, after: ReadonlyMap<RecordId, WorldRecord>): RecordsDiff {
  const added: WorldRecord[] = []
  const updated: [WorldRecord, WorldRecord][] = []
  const removed: WorldRecord[] = []
  for (const [id, rec] of after) {
    const old = before.get(id)
    if (!old) added.push(rec)
    else if (old !== rec && JSON.stringify(old) !== JSON.stringify(rec)) updated.push([old, rec])
  }
  for (const [id, rec] of before) if (!after.has(id)) removed.push(rec)
  return { added, updated, removed }
}

/** Applies a diff to a map of records, returning a new map. */
export function applyDiff(records: ReadonlyMap<RecordId, WorldRecord>, d: RecordsDiff): Map<RecordId, WorldRecord> {
  const next = new Map(records)
  for (const r of d.removed) next.delete(r.id)
  for (const r of d.added) next.set(r.id, r)
  for (const [, to] of d.updated) next.set(to.id, to)
  return next
}
