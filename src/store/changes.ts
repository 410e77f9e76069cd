/**
 * What a diff changed, in the graph's terms: the containers, bridges and
 * the host it touched. The graph highlights them for a few seconds after a
 * command, so a learner sees where `docker network connect` landed. Pure.
 */
import type { RecordsDiff } from '../protocol/diff'
import type { RecordId, WorldRecord } from '../protocol/records'

/** Graph-level keys: a container id, a bridge interface record id, or HOST_KEY. */
export const HOST_KEY = 'host'

/** A bridge's MAC table changes with every ping; that alone is traffic, not a change worth pointing at. */
function withoutChurn(r: WorldRecord): unknown {
  if (r.kind === 'interface') return { ...r, fdb: undefined }
  if (r.kind === 'terminal') return undefined
  return r
}

export function changedKeys(diff: RecordsDiff, records: ReadonlyMap<RecordId, WorldRecord>, before: ReadonlyMap<RecordId, WorldRecord>): string[] {
  const keys = new Set<string>()
  const ownerOf = (netns: RecordId): string | undefined => {
    const ns = records.get(netns) ?? before.get(netns)
    return ns?.kind === 'netns' ? ns.owner : undefined
  }
  const touch = (r: WorldRecord): void => {
    switch (r.kind) {
      case 'container':
        keys.add(r.id)
        return
      case 'network':
        if (r.bridge !== undefined) keys.add(r.bridge)
        return
      case 'netns':
        keys.add(r.owner === 'host' ? HOST_KEY : r.owner)
        return
      case 'interface': {
        const owner = ownerOf(r.netns)
        if (owner !== undefined && owner !== 'host') keys.add(owner)
        else if (r.type === 'bridge') keys.add(r.id)
        else if (r.master !== undefined) keys.add(r.master)
        else if (r.type !== 'loopback') keys.add(HOST_KEY)
        return
      }
      default:
        return
    }
  }
  diff.added.forEach(touch)
  diff.removed.forEach(touch)
  for (const [from, to] of diff.updated) {
    if (JSON.stringify(withoutChurn(from)) !== JSON.stringify(withoutChurn(to))) touch(to)
  }
  return [...keys]
}
