import { describe, expect, it } from 'vitest'
import { diffRecords } from '../protocol/diff'
import type { RecordId, WorldRecord } from '../protocol/records'
import { changedKeys, HOST_KEY } from './changes'
import { containerRecords, DOCKER0, TOMCAT01, TOMCAT02, tutorialRecords } from './records-fixture'
import { addHops, initialTrace, KEPT_HOPS } from './trace'

const asMap = (records: WorldRecord[]) => new Map<RecordId, WorldRecord>(records.map((r) => [r.id, r]))

describe('changedKeys', () => {
  it('names the new container and the bridge it plugged into, not the others', () => {
    const before = asMap(tutorialRecords())
    const after = asMap([...tutorialRecords(), ...containerRecords(TOMCAT02, 'tomcat02', 2, 7)])
    expect(changedKeys(diffRecords(before, after), after, before).sort()).toEqual([TOMCAT02, DOCKER0].sort())
  })

  it('ignores a MAC table that only learned an address (traffic, not a change)', () => {
    const learn = (r: WorldRecord): WorldRecord => (r.kind === 'interface' && r.id === DOCKER0 ? { ...r, fdb: [{ mac: '02:42:ac:12:00:02', port: 'veth1', permanent: false }] } : r)
    const before = asMap(tutorialRecords())
    const after = asMap(tutorialRecords().map(learn))
    expect(changedKeys(diffRecords(before, after), after, before)).toEqual([])
    expect(TOMCAT01).toBeDefined()
    expect(HOST_KEY).toBe('host')
  })
})

describe('addHops', () => {
  const hop = (seq: number) => ({ seq, packet: seq, at: seq, kind: 'wire' as const, from: { iface: 'a', name: 'a' }, to: { iface: 'b', name: 'b' }, protocol: 'icmp' as const, summary: '', headers: [] })
  it('keeps the last hops, follows the newest when live, and stays on its hop when stepping', () => {
    let s = addHops(initialTrace, Array.from({ length: KEPT_HOPS + 10 }, (_, i) => hop(i + 1)))
    expect(s.hops).toHaveLength(KEPT_HOPS)
    expect(s.cursor).toBe(KEPT_HOPS - 1)
    s = { ...s, stepping: true, cursor: 100 }
    const held = s.hops[100]
    s = addHops(s, [hop(9999), hop(10000)])
    expect(s.hops[s.cursor]).toBe(held)
    s = addHops(s, [{ ...hop(10001), kind: 'drop', drop: 'DOCKER-ISOLATION-STAGE-2: DROP' }])
    expect(s.lastDrop?.drop).toBe('DOCKER-ISOLATION-STAGE-2: DROP')
  })
})
