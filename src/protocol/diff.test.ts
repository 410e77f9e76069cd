import { describe, expect, it } from 'vitest'
import { applyDiff, diffRecords, jsonEqual } from './diff'
import type { WorldRecord } from './records'

const iface = (id: string, addresses: string[]): WorldRecord => ({
  kind: 'interface', id, netns: 'netns:1', ifindex: 4, name: 'eth0', type: 'veth', mac: '02:42:ac:12:00:02', addresses, state: 'UP',
})

describe('record diffs', () => {
  it('compares plain JSON by value, arrays by order', () => {
    expect(jsonEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true)
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(jsonEqual([], {})).toBe(false)
    expect(jsonEqual(null, {})).toBe(false)
  })

  it('finds added, updated and removed records, and applying the diff gives the new set', () => {
    const before = new Map([['a', iface('a', ['172.18.0.2/16'])], ['b', iface('b', [])]])
    const after = new Map([['a', iface('a', ['172.18.0.3/16'])], ['c', iface('c', [])]])
    const d = diffRecords(before, after)
    expect(d.added.map((r) => r.id)).toEqual(['c'])
    expect(d.removed.map((r) => r.id)).toEqual(['b'])
    expect(d.updated.map(([from, to]) => [from.id, (to as unknown as { addresses: string[] }).addresses])).toEqual([['a', ['172.18.0.3/16']]])
    expect(applyDiff(before, d)).toEqual(after)
    expect(diffRecords(after, new Map(after))).toEqual({ added: [], updated: [], removed: [] })
  })
})
