import { describe, expect, it } from 'vitest'
import type { FromEngine } from '../protocol/messages'
import { diffRecords } from '../protocol/diff'
import type { RecordId, WorldRecord } from '../protocol/records'
import { applyEngineEvent, initialState, tabViews, type StoreState } from './store'
import { baseRecords, containerRecords, TOMCAT01, TOMCAT02, tutorialRecords } from './records-fixture'

const snapshot = (records: WorldRecord[]): FromEngine => ({ type: 'world.snapshot', records })
const asMap = (records: WorldRecord[]) => new Map<RecordId, WorldRecord>(records.map((r) => [r.id, r]))
const diff = (before: WorldRecord[], after: WorldRecord[]): FromEngine => ({ type: 'world.diff', diff: diffRecords(asMap(before), asMap(after)) })

describe('applyEngineEvent', () => {
  it('mirrors a snapshot, then diffs', () => {
    let s = applyEngineEvent(initialState, snapshot(baseRecords()))
    expect(s.connected).toBe(true)
    expect(s.records.get('host-machine')).toMatchObject({ kind: 'host', hostname: 'docker-host' })
    s = applyEngineEvent(s, diff(baseRecords(), tutorialRecords()))
    expect(s.records.get(TOMCAT01)).toMatchObject({ name: 'tomcat01', state: 'running' })
    s = applyEngineEvent(s, diff(tutorialRecords(), baseRecords()))
    expect(s.records.has(TOMCAT01)).toBe(false)
    expect(s.records.size).toBe(baseRecords().length)
  })

  it('ignores terminal output (it goes straight to xterm) and keeps the same state object', () => {
    const s = applyEngineEvent(initialState, snapshot(baseRecords()))
    expect(applyEngineEvent(s, { type: 'terminal.output', terminal: 'host', data: 'x' })).toBe(s)
  })

  it('remembers that a terminal has shown its prompt, even after it stops reading', () => {
    const waiting = baseRecords().map((r) => (r.kind === 'terminal' ? { ...r, reading: false } : r))
    let s = applyEngineEvent(initialState, snapshot(waiting))
    expect(s.promptSeen.has('terminal:host')).toBe(false)
    s = applyEngineEvent(s, diff(waiting, baseRecords()))
    expect(s.promptSeen.has('terminal:host')).toBe(true)
    s = applyEngineEvent(s, diff(baseRecords(), waiting))
    expect(s.promptSeen.has('terminal:host')).toBe(true)
  })

  it('closes the tab of a removed container and falls back to the host tab', () => {
    const two = [...tutorialRecords(), ...containerRecords(TOMCAT02, 'tomcat02', 2, 7)]
    let s: StoreState = applyEngineEvent(initialState, snapshot(two))
    s = { ...s, containerTerminals: { [TOMCAT01]: 'exec-1', [TOMCAT02]: 'exec-2' }, activeTab: TOMCAT01 }
    s = applyEngineEvent(s, diff(two, two.filter((r) => !(r.kind === 'container' && r.id === TOMCAT01))))
    expect(s.containerTerminals).toEqual({ [TOMCAT02]: 'exec-2' })
    expect(s.activeTab).toBe('host')
  })

  it('assigns graph slots as containers come and keeps them', () => {
    let s = applyEngineEvent(initialState, snapshot(tutorialRecords()))
    const first = s.slots.containers[TOMCAT01]
    const two = [...tutorialRecords(), ...containerRecords(TOMCAT02, 'tomcat02', 2, 7)]
    s = applyEngineEvent(s, diff(tutorialRecords(), two))
    expect(s.slots.containers[TOMCAT01]).toEqual(first)
    expect(s.slots.containers[TOMCAT02]).toEqual({ column: first!.column, row: 1 })
  })
})

describe('tabViews', () => {
  it('lists the host, then running containers; a stopped container with a shell shows it ended', () => {
    const records = [...tutorialRecords(), ...containerRecords(TOMCAT02, 'tomcat02', 2, 7)]
    let s = applyEngineEvent(initialState, snapshot(records))
    expect(tabViews(s).map((t) => t.title)).toEqual(['host', 'tomcat01', 'tomcat02'])
    s = { ...s, containerTerminals: { [TOMCAT01]: 'exec-1' } }
    const stopped = records.map((r) => (r.kind === 'container' && r.id === TOMCAT01 ? { ...r, state: 'exited' as const } : r))
    const stoppedBoth = stopped.map((r) => (r.kind === 'container' && r.id === TOMCAT02 ? { ...r, state: 'exited' as const } : r))
    s = applyEngineEvent(s, diff(records, stoppedBoth))
    expect(tabViews(s)).toEqual([
      { key: 'host', title: 'host', terminal: 'host', ended: false },
      { key: TOMCAT01, title: 'tomcat01', terminal: 'exec-1', ended: true },
    ])
  })
})
