/**
 * Named labs kept in the browser. A lab is a scenario (seed + input log + view), stored as the
 * same JSON a downloaded file holds, and re-validated through src/share on every read: storage
 * is untrusted too (another tab, an older build, a hand edit).
 *
 * Why localStorage and not IndexedDB: a lab is an input log, a few kilobytes even for the whole
 * tutorial (bench/share.ts), far below the quota; and the page must know *synchronously*, before
 * it starts the engine worker, whether to start a fresh World or replay a lab — an async
 * IndexedDB read would first boot an empty host and then throw it away. Writes are debounced.
 */
import { parseScenarioJson, scenarioJson } from '../share/codec'
import { emptyScenario, type Scenario } from '../share/scenario'

export interface LabMeta {
  readonly id: string
  readonly name: string
  readonly updated: number
}

const INDEX_KEY = 'dockernet.labs'
const CURRENT_KEY = 'dockernet.currentLab'
const labKey = (id: string) => `dockernet.lab.${id}`
const LAB_ID = /^[a-z0-9]{1,24}$/

export interface KeyValue {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const memory = new Map<string, string>()
const memoryStorage: KeyValue = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
}

/** localStorage when it works (it throws in some private modes and sandboxed frames), else memory. */
export function browserStorage(): KeyValue {
  try {
    const s = globalThis.localStorage
    s.setItem('dockernet.probe', '1')
    s.removeItem('dockernet.probe')
    return s
  } catch {
    return memoryStorage
  }
}

export function newLabId(): string {
  return Date.now().toString(36) + Math.floor(Math.random() * 36 ** 4).toString(36)
}

export function listLabs(storage: KeyValue): LabMeta[] {
  try {
    const raw = JSON.parse(storage.getItem(INDEX_KEY) ?? '[]') as unknown
    if (!Array.isArray(raw)) return []
    return raw.filter(
      (m): m is LabMeta =>
        typeof m === 'object' && m !== null && typeof (m as LabMeta).id === 'string' && LAB_ID.test((m as LabMeta).id) && typeof (m as LabMeta).name === 'string' && typeof (m as LabMeta).updated === 'number',
    ).map((m) => ({ id: m.id, name: m.name.slice(0, 120), updated: m.updated }))
  } catch {
    return []
  }
}

function writeIndex(storage: KeyValue, labs: readonly LabMeta[]): void {
  storage.setItem(INDEX_KEY, JSON.stringify(labs))
}

export function readLab(storage: KeyValue, id: string): Scenario | undefined {
  const text = storage.getItem(labKey(id))
  if (text === null) return undefined
  const r = parseScenarioJson(text)
  return r.ok ? r.scenario : undefined
}

/** Saves a lab's scenario and its index entry; returns false when storage refused (quota). */
export function saveLab(storage: KeyValue, meta: LabMeta, scenario: Scenario): boolean {
  try {
    storage.setItem(labKey(meta.id), scenarioJson(scenario))
    const labs = listLabs(storage).filter((m) => m.id !== meta.id)
    writeIndex(storage, [...labs, meta])
    return true
  } catch {
    return false
  }
}

export function deleteLab(storage: KeyValue, id: string): void {
  storage.removeItem(labKey(id))
  writeIndex(storage, listLabs(storage).filter((m) => m.id !== id))
  if (storage.getItem(CURRENT_KEY) === id) storage.removeItem(CURRENT_KEY)
}

export function renameLab(storage: KeyValue, id: string, name: string): void {
  writeIndex(storage, listLabs(storage).map((m) => (m.id === id ? { ...m, name: name.slice(0, 120), updated: Date.now() } : m)))
}

export function currentLabId(storage: KeyValue): string | undefined {
  const id = storage.getItem(CURRENT_KEY)
  return id !== null && LAB_ID.test(id) ? id : undefined
}

export function setCurrentLabId(storage: KeyValue, id: string): void {
  try {
    storage.setItem(CURRENT_KEY, id)
  } catch {
    /* not persisted */
  }
}

/** The lab to open: the current one if it reads back valid, else a new empty lab with `seed`. */
export function openCurrentLab(storage: KeyValue, seed: number): { meta: LabMeta; scenario: Scenario } {
  const id = currentLabId(storage)
  const meta = id === undefined ? undefined : listLabs(storage).find((m) => m.id === id)
  const scenario = id === undefined ? undefined : readLab(storage, id)
  if (meta && scenario) return { meta, scenario }
  const fresh = { meta: { id: newLabId(), name: 'Lab 1', updated: Date.now() }, scenario: emptyScenario(seed) }
  saveLab(storage, fresh.meta, fresh.scenario)
  setCurrentLabId(storage, fresh.meta.id)
  return fresh
}
