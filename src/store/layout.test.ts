import { describe, expect, it } from 'vitest'
import type { RecordId, WorldRecord } from '../protocol/records'
import { EMPTY_SLOTS, OTHER_COLUMN, updateSlots } from './layout'
import { baseRecords, containerRecords, DOCKER0, TOMCAT01, TOMCAT02, TOMCAT03 } from './records-fixture'

const asMap = (records: WorldRecord[]) => new Map<RecordId, WorldRecord>(records.map((r) => [r.id, r]))

describe('updateSlots', () => {
  it('gives docker0 a column and containers rows in creation order', () => {
    const records = [...baseRecords(), ...containerRecords(TOMCAT01, 't1', 1, 5), ...containerRecords(TOMCAT02, 't2', 2, 7)]
    const slots = updateSlots(EMPTY_SLOTS, asMap(records))
    expect(slots.columns).toEqual({ [DOCKER0]: 0 })
    expect(slots.containers[TOMCAT01]).toEqual({ column: DOCKER0, row: 0 })
    expect(slots.containers[TOMCAT02]).toEqual({ column: DOCKER0, row: 1 })
  })

  it('keeps every other slot when one container goes, and reuses the hole', () => {
    const all = [...baseRecords(), ...containerRecords(TOMCAT01, 't1', 1, 5), ...containerRecords(TOMCAT02, 't2', 2, 7)]
    const before = updateSlots(EMPTY_SLOTS, asMap(all))
    const after = updateSlots(before, asMap(all.filter((r) => !(r.kind === 'container' && r.id === TOMCAT01))))
    expect(after.containers[TOMCAT02]).toEqual({ column: DOCKER0, row: 1 })
    expect(after.containers[TOMCAT01]).toBeUndefined()
    const again = updateSlots(after, asMap([...all.filter((r) => r.id !== TOMCAT01), ...containerRecords(TOMCAT03, 't3', 3, 9)]))
    expect(again.containers[TOMCAT03]).toEqual({ column: DOCKER0, row: 0 })
    expect(again.containers[TOMCAT02]).toEqual({ column: DOCKER0, row: 1 })
  })

  it('returns the same object when nothing moved', () => {
    const records = asMap([...baseRecords(), ...containerRecords(TOMCAT01, 't1', 1, 5)])
    const slots = updateSlots(EMPTY_SLOTS, records)
    expect(updateSlots(slots, records)).toBe(slots)
  })

  it('puts --network host containers in their own column', () => {
    const records: WorldRecord[] = [
      ...baseRecords(),
      { kind: 'container', id: TOMCAT01, name: 'h', image: 'alpine', state: 'running', networkMode: 'host', ports: [], shell: 'sh' },
    ]
    const slots = updateSlots(EMPTY_SLOTS, asMap(records))
    expect(slots.columns).toEqual({ [DOCKER0]: 0, [OTHER_COLUMN]: 1 })
    expect(slots.containers[TOMCAT01]).toEqual({ column: OTHER_COLUMN, row: 0 })
  })
})
