/**
 * The open lab: its scenario (seed + the input log the worker echoes back as `scenario.step`,
 * stamped with virtual time), saved as it changes and replayed on reload; shared links and files
 * come in here after src/share has validated them. Switching labs, branching from a past step
 * and resetting all reload the page into a fresh worker that replays the chosen scenario — the
 * simplest way to be sure nothing of the old World survives (DESIGN.md "Sharing and persistence").
 */
import { createStore } from 'zustand/vanilla'
import type { FromEngine, ScenarioStep } from '../protocol/messages'
import { decodeScenario, fragmentPayload, type ShareError } from '../share/codec'
import { LIMITS, type Scenario, type ScenarioView } from '../share/scenario'
import { addEngineListener, postToEngine, reserveTerminalIds } from './engine-client'
import { store } from './store'
import { browserStorage, deleteLab, listLabs, newLabId, openCurrentLab, renameLab, saveLab, setCurrentLabId, type KeyValue, type LabMeta } from './labs'

export interface LabState {
  readonly meta: LabMeta
  readonly scenario: Scenario
  readonly labs: readonly LabMeta[]
  /** Replay of the scenario at boot: steps done of total; undefined when none or finished. */
  readonly replay?: { readonly done: number; readonly total: number }
  /** Why the last link or file was refused (the lab is unchanged). */
  readonly error?: ShareError
  /** A link was opened into a new lab. */
  readonly imported: boolean
  /** Wall ms between replayed steps (0: instant). */
  readonly pace: number
}

export const labStore = createStore<LabState>()(() => ({
  meta: { id: 'none', name: '', updated: 0 },
  scenario: { version: 3, seed: 1, steps: [] },
  labs: [],
  imported: false,
  pace: 0,
}))

let storage: KeyValue = browserStorage()
let saveTimer: ReturnType<typeof setTimeout> | undefined
const SAVE_DELAY_MS = 250

/** The view part of the scenario, from the UI store. */
export function currentView(): ScenarioView {
  const s = store.getState()
  return { activeTab: s.activeTab, tabs: Object.entries(s.containerTerminals), split: Math.round(s.split * 1000) / 1000 }
}

/** Set once the page is about to reload into another lab (or a reset one): nothing more is saved. */
let leaving = false

export function saveNow(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer)
  saveTimer = undefined
  if (leaving) return
  const { meta, scenario } = labStore.getState()
  const next = { ...meta, updated: Date.now() }
  saveLab(storage, next, { ...scenario, view: currentView() })
  labStore.setState({ meta: next, labs: listLabs(storage) })
}

function scheduleSave(): void {
  if (saveTimer === undefined) saveTimer = setTimeout(saveNow, SAVE_DELAY_MS)
}

/**
 * Appends a live step. Keys typed into one terminal are merged until the line ends (Enter, ^C,
 * ^D), delivered at the time of the last key: a command is one step, not forty, and the link
 * stays short. The World's state does not depend on when the keys of an unfinished line came.
 */
export function appendStep(steps: readonly ScenarioStep[], step: ScenarioStep): ScenarioStep[] {
  if (step.cols !== undefined) {
    // A reload re-sends each terminal's size: keep only changes.
    for (let i = steps.length - 1; i >= 0; i--) {
      const s = steps[i]!
      if (s.terminal !== step.terminal || s.cols === undefined) continue
      if (s.cols === step.cols && s.rows === step.rows) return steps as ScenarioStep[]
      break
    }
  }
  // Stay inside the schema's limits, or the saved lab would not read back: a huge paste is split,
  // and past the step limit the log stops growing (the live World goes on; a replay would stop there).
  if (steps.length >= LIMITS.steps) return steps as ScenarioStep[]
  if (step.input !== undefined && step.input.length > LIMITS.inputChars) {
    const first = { ...step, input: step.input.slice(0, LIMITS.inputChars) }
    return appendStep([...steps, first], { terminal: step.terminal, at: 0, input: step.input.slice(LIMITS.inputChars) })
  }
  const prev = steps[steps.length - 1]
  // eslint-disable-next-line no-control-regex -- terminal keys are control characters
  const open = (s: ScenarioStep | undefined) => s?.input !== undefined && !/[\r\n\x03\x04]$/.test(s.input)
  const fits = (prev?.input?.length ?? 0) + (step.input?.length ?? 0) <= LIMITS.inputChars
  // eslint-disable-next-line no-control-regex -- ^C and ^D start a step of their own
  if (prev && step.input !== undefined && fits && open(prev) && prev.terminal === step.terminal && !/^[\x03\x04]/.test(step.input)) {
    return [...steps.slice(0, -1), { terminal: step.terminal, at: (prev.at ?? 0) + (step.at ?? 0), input: prev.input + step.input }]
  }
  return [...steps, step]
}

function onEngine(message: FromEngine): void {
  if (message.type === 'scenario.step') {
    labStore.setState((s) => ({ scenario: { ...s.scenario, steps: appendStep(s.scenario.steps, message.step) } }))
    // A finished line is saved at once (a tab closed right after Enter loses nothing); keys wait a moment.
    if (message.step.input !== undefined && /[\r\n]/.test(message.step.input)) saveNow()
    else scheduleSave()
  } else if (message.type === 'scenario.progress') {
    const done = message.done >= message.total
    labStore.setState({ replay: done ? undefined : { done: message.done, total: message.total } })
    if (done) restoreView(labStore.getState().scenario.view)
  } else if (message.type === 'world.diff' && Object.keys(store.getState().containerTerminals).length > 0) {
    scheduleSave() // tabs follow containers; keep the saved view current
  }
}

function restoreView(view: ScenarioView | undefined): void {
  if (!view) return
  const records = store.getState().records
  const tabs = Object.fromEntries((view.tabs ?? []).filter(([c]) => records.has(c)))
  const ids = Object.values(tabs).map((t) => Number(t.slice('exec-'.length)))
  reserveTerminalIds(Math.max(0, ...ids))
  store.setState({
    containerTerminals: tabs,
    activeTab: view.activeTab !== undefined && (view.activeTab === 'host' || view.activeTab in tabs) ? view.activeTab : 'host',
    ...(view.split !== undefined ? { split: view.split } : {}),
  })
}

export interface BootPlan {
  /** Worker name: `replay` to wait for a scenario.load, else `seed=N`. */
  readonly workerName: string
}

/**
 * Decides what the page opens, synchronously, before the worker starts: a `#s=` link (into a new
 * lab; refused links leave the current lab as it was), else the current lab, else a new one.
 */
export function bootLab(location: { hash: string; search: string }, kv: KeyValue = storage): BootPlan {
  storage = kv
  leaving = false
  const seedParam = new URLSearchParams(location.search).get('seed')
  const seed = seedParam !== null && /^\d{1,9}$/.test(seedParam) ? Number(seedParam) : 1
  let { meta, scenario } = openCurrentLab(storage, seed)
  let error: ShareError | undefined
  let imported = false
  const payload = fragmentPayload(location.hash)
  if (payload !== undefined) {
    const decoded = decodeScenario(payload)
    if (decoded.ok) {
      scenario = decoded.scenario
      meta = { id: newLabId(), name: scenario.name ?? 'Shared lab', updated: Date.now() }
      saveLab(storage, meta, scenario)
      setCurrentLabId(storage, meta.id)
      imported = true
    } else error = decoded.error
  }
  labStore.setState({ meta, scenario, labs: listLabs(storage), error, imported })
  addEngineListener(onEngine)
  globalThis.addEventListener?.('pagehide', saveNow)
  if (scenario.steps.length === 0) return { workerName: `dockernet seed=${scenario.seed}` }
  labStore.setState({ replay: { done: 0, total: scenario.steps.length } })
  postToEngine({ type: 'scenario.load', seed: scenario.seed, steps: scenario.steps })
  return { workerName: 'dockernet replay' }
}

// ---- actions (each that changes the World reloads the page into the chosen lab) ----

let reloadPage: () => void = () => globalThis.location?.reload()
/** Tests replace the reload. */
export function setReload(fn: () => void): void {
  reloadPage = fn
}
function reload(): void {
  leaving = true
  reloadPage()
}

function openLab(meta: LabMeta, scenario: Scenario): void {
  saveLab(storage, meta, scenario)
  setCurrentLabId(storage, meta.id)
  reload()
}

export function switchLab(id: string): void {
  saveNow()
  setCurrentLabId(storage, id)
  reload()
}

export function newLab(name: string, scenario?: Scenario): void {
  saveNow()
  openLab({ id: newLabId(), name, updated: Date.now() }, scenario ?? { version: 3, seed: labStore.getState().scenario.seed, steps: [] })
}

export function duplicateLab(name: string): void {
  saveNow()
  const { scenario } = labStore.getState()
  openLab({ id: newLabId(), name, updated: Date.now() }, { ...scenario, view: currentView() })
}

/** Time travel: a new lab (a branch) holding the first `count` steps; the original is kept. */
export function branchAt(count: number, name: string): void {
  saveNow()
  const { scenario } = labStore.getState()
  openLab({ id: newLabId(), name, updated: Date.now() }, { ...scenario, steps: scenario.steps.slice(0, count) })
}

/** Empties the current lab (same seed). The UI asks first. */
export function resetLab(): void {
  const { meta, scenario } = labStore.getState()
  openLab(meta, { version: 3, seed: scenario.seed, steps: [], ...(scenario.lesson ? { lesson: scenario.lesson } : {}) })
}

export function renameCurrentLab(id: string, name: string): void {
  renameLab(storage, id, name)
  const labs = listLabs(storage)
  labStore.setState((s) => ({ labs, meta: s.meta.id === id ? { ...s.meta, name } : s.meta }))
}

export function removeLab(id: string): void {
  deleteLab(storage, id)
  if (labStore.getState().meta.id === id) reload()
  else labStore.setState({ labs: listLabs(storage) })
}

/** Opens a validated scenario (an uploaded file, a lesson) in a new lab. */
export function importScenario(scenario: Scenario, name: string): void {
  saveNow()
  openLab({ id: newLabId(), name, updated: Date.now() }, scenario)
}

/** Replay pace: instantly (0) or step by step (wall ms between steps); takes effect mid-replay. */
export function setReplayPace(stepMs: number): void {
  labStore.setState({ pace: stepMs })
  postToEngine({ type: 'scenario.pace', stepMs })
}

export function setLabError(error: ShareError | undefined): void {
  labStore.setState({ error })
}

/** The scenario as it stands, with the current view, for sharing or download. */
export function currentScenario(): Scenario {
  const { scenario, meta } = labStore.getState()
  return { ...scenario, name: meta.name, view: currentView() }
}
