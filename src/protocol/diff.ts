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

/** Deep equality for plain JSON values (records hold only strings, numbers, booleans, arrays and objects). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Compares two snapshots by id; records are compared by value (a flush runs on every worker tick, so no JSON.stringify). */
export function diffRecords(before: ReadonlyMap<RecordId, WorldRecord>, after: ReadonlyMap<RecordId, WorldRecord>): RecordsDiff {
  const added: WorldRecord[] = []
  const updated: [WorldRecord, WorldRecord][] = []
  const removed: WorldRecord[] = []
  for (const [id, rec] of after) {
    const old = before.get(id)
    if (!old) added.push(rec)
    else if (!jsonEqual(old, rec)) updated.push([old, rec])
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
