import { beforeEach, describe, expect, it } from 'vitest'
import { appendStep, bootLab, labStore, newLab, resetLab, saveNow, setReload } from './lab'
import { listLabs, readLab, type KeyValue } from './labs'
import { encodeScenario } from '../share/codec'
import { HOSTILE } from '../share/fixtures/hostile'
import { LIMITS } from '../share/scenario'
import { resetEngineClient, connectEngine } from './engine-client'
import { createInMemoryPort } from '../protocol/port'
import type { ToEngine } from '../protocol/messages'

function memory(): KeyValue {
  const m = new Map<string, string>()
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) }
}

describe('recording', () => {
  it('merges the keys of one line and keeps Enter, ^C and other terminals apart', () => {
    let steps = appendStep([], { terminal: 'host', at: 100, input: 'l' })
    steps = appendStep(steps, { terminal: 'host', at: 50, input: 's\r' })
    steps = appendStep(steps, { terminal: 'host', at: 10, input: 'p' })
    steps = appendStep(steps, { terminal: 'host', at: 10, input: '\x03' })
    expect(steps).toEqual([
      { terminal: 'host', at: 150, input: 'ls\r' },
      { terminal: 'host', at: 10, input: 'p' },
      { terminal: 'host', at: 10, input: '\x03' },
    ])
  })

  it('splits a paste larger than a step may hold, so the saved lab reads back', () => {
    const steps = appendStep([{ terminal: 'host', at: 1, input: 'x' }], { terminal: 'host', at: 2, input: 'y'.repeat(LIMITS.inputChars * 2 + 5) })
    expect(steps.map((s) => s.input!.length)).toEqual([1, LIMITS.inputChars, LIMITS.inputChars, 5])
    expect(steps.map((s) => s.at)).toEqual([1, 2, 0, 0])
  })

  it('keeps a resize only when the size changed', () => {
    let steps = appendStep([], { terminal: 'host', at: 0, cols: 80, rows: 24 })
    steps = appendStep(steps, { terminal: 'host', at: 5, input: 'x\r' })
    expect(appendStep(steps, { terminal: 'host', at: 5, cols: 80, rows: 24 })).toHaveLength(2)
    expect(appendStep(steps, { terminal: 'host', at: 5, cols: 100, rows: 24 })).toHaveLength(3)
  })
})

describe('boot', () => {
  let posted: ToEngine[]
  beforeEach(() => {
    resetEngineClient()
    posted = []
    const { port, endpoint } = createInMemoryPort()
    endpoint.onMessage((m) => posted.push(m))
    connectEngine(port)
  })

  it('a fresh browser gets an empty lab and a plain worker', () => {
    const kv = memory()
    expect(bootLab({ hash: '', search: '?seed=5' }, kv).workerName).toBe('dockernet seed=5')
    expect(listLabs(kv)).toHaveLength(1)
    expect(posted).toEqual([])
  })

  it('a link opens in a new lab and is replayed', () => {
    const kv = memory()
    bootLab({ hash: '', search: '' }, kv)
    const doc = { version: 3 as const, seed: 9, steps: [{ terminal: 'host', at: 5, input: 'ls\r' }] }
    expect(bootLab({ hash: `#s=${encodeScenario(doc)}`, search: '' }, kv).workerName).toBe('dockernet replay')
    expect(posted).toEqual([{ type: 'scenario.load', seed: 9, steps: doc.steps }])
    expect(listLabs(kv)).toHaveLength(2)
    expect(readLab(kv, labStore.getState().meta.id)?.steps).toEqual(doc.steps)
  })

  it('a hostile link is refused and the current lab is left as it was', () => {
    const kv = memory()
    bootLab({ hash: '', search: '' }, kv)
    const before = labStore.getState().meta.id
    for (const h of HOSTILE.filter((x) => x.as === 'link')) {
      bootLab({ hash: `#s=${h.payload}`, search: '' }, kv)
      expect(labStore.getState().error?.code).toBe(h.expect)
      expect(labStore.getState().meta.id).toBe(before)
    }
    expect(listLabs(kv)).toHaveLength(1)
    expect(posted).toEqual([])
  })

  it('a new lab becomes current and is opened by reloading', () => {
    const kv = memory()
    bootLab({ hash: '', search: '' }, kv)
    let reloaded = 0
    setReload(() => reloaded++)
    newLab('second')
    expect(reloaded).toBe(1)
    expect(listLabs(kv).map((l) => l.name)).toEqual(['Lab 1', 'second'])
  })

  it('a reset is not undone by the save on leaving the page', () => {
    const kv = memory()
    bootLab({ hash: '', search: '' }, kv)
    setReload(() => undefined)
    labStore.setState((s) => ({ scenario: { ...s.scenario, steps: [{ terminal: 'host', at: 1, input: 'ls\r' }] } }))
    saveNow()
    expect(readLab(kv, labStore.getState().meta.id)?.steps).toHaveLength(1)
    resetLab()
    saveNow() // pagehide
    expect(readLab(kv, labStore.getState().meta.id)?.steps).toEqual([])
  })
})
