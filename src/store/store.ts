/**
 * The UI's one store (zustand vanilla, STYLE.md point 6): a mirror of the
 * world's records plus UI-only state. The engine client writes engine events
 * into it through `applyEngineEvent`, a pure function tested without React;
 * components read it with selectors. Terminal output never passes through
 * here (it goes from the engine client straight to xterm).
 */
import { createStore } from 'zustand/vanilla'
import { HOST_TERMINAL, type FromEngine } from '../protocol/messages'
import type { ContainerRecord, RecordId, TerminalRecord, WorldRecord } from '../protocol/records'
import { applyDiff } from '../protocol/diff'
import { EMPTY_SLOTS, updateSlots, type Slots } from './layout'
import { changedKeys } from './changes'

export type Language = 'en' | 'zh-CN'

/** Tab key: HOST_TERMINAL ('host') or a container id. */
export type TabKey = string

export interface StoreState {
  /** Every world record by id, in creation order (Map keeps insertion order). */
  readonly records: ReadonlyMap<RecordId, WorldRecord>
  /** True once the first snapshot arrived. */
  readonly connected: boolean
  /** Terminals whose record has had `reading: true` at least once (their first prompt showed). */
  readonly promptSeen: ReadonlySet<RecordId>
  /** Terminal ids that have appeared in the records at least once (to tell "ended" from "not yet open"). */
  readonly terminalsSeen: ReadonlySet<RecordId>
  /** Container id → id of the terminal this UI opened in it (one tab per container). */
  readonly containerTerminals: Readonly<Record<RecordId, string>>
  readonly activeTab: TabKey
  /** Fraction of the width (or height, when stacked) given to the graph. */
  readonly split: number
  readonly slots: Slots
  readonly language: Language
  /** What the latest diff touched (graph keys, see changes.ts); `serial` increases with each change. */
  readonly lastChange: { readonly serial: number; readonly keys: readonly string[] }
  /** The node or edge the inspector shows. */
  readonly selection?: Selection
  readonly presenter: boolean
  readonly theme: Theme
  readonly terminalFontSize: number
}

export type Theme = 'system' | 'light' | 'dark'

/** What the inspector shows: a container, a bridge (its interface record id), the host, or a veth edge (its container-side interface id). */
export type Selection =
  | { readonly kind: 'container'; readonly id: RecordId }
  | { readonly kind: 'bridge'; readonly id: RecordId }
  | { readonly kind: 'host' }
  | { readonly kind: 'veth'; readonly id: RecordId }
  | { readonly kind: 'reachability' }

export const initialState: StoreState = {
  records: new Map(),
  connected: false,
  promptSeen: new Set(),
  terminalsSeen: new Set(),
  containerTerminals: {},
  activeTab: 'host',
  split: 0.5,
  slots: EMPTY_SLOTS,
  language: 'en',
  lastChange: { serial: 0, keys: [] },
  presenter: false,
  theme: 'system',
  terminalFontSize: 15,
}

function addAll(set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  if (ids.every((id) => set.has(id))) return set
  return new Set([...set, ...ids])
}

/**
 * Folds one engine message into the state. `terminal.output` is ignored on
 * purpose: it is routed to xterm by the engine client. Returns the same
 * object when nothing changed.
 */
export function applyEngineEvent(state: StoreState, event: FromEngine): StoreState {
  let records: ReadonlyMap<RecordId, WorldRecord>
  if (event.type === 'world.snapshot') records = new Map(event.records.map((r) => [r.id, r]))
  else if (event.type === 'world.diff') records = applyDiff(state.records, event.diff)
  else return state

  const terminals = [...records.values()].filter((r): r is TerminalRecord => r.kind === 'terminal')
  const promptSeen = addAll(state.promptSeen, terminals.filter((t) => t.reading).map((t) => t.id))
  const terminalsSeen = addAll(state.terminalsSeen, terminals.map((t) => t.id))

  // A removed container takes its tab with it.
  let containerTerminals = state.containerTerminals
  let activeTab = state.activeTab
  for (const containerId of Object.keys(containerTerminals)) {
    if (!records.has(containerId)) {
      const { [containerId]: _gone, ...rest } = containerTerminals
      containerTerminals = rest
    }
  }
  if (activeTab !== 'host' && !records.has(activeTab)) activeTab = 'host'

  const keys = event.type === 'world.diff' ? changedKeys(event.diff, records, state.records) : []
  const lastChange = keys.length > 0 ? { serial: state.lastChange.serial + 1, keys } : state.lastChange

  return {
    ...state,
    records,
    lastChange,
    connected: true,
    promptSeen,
    terminalsSeen,
    containerTerminals,
    activeTab,
    slots: updateSlots(state.slots, records),
  }
}

export const store = createStore<StoreState>()(() => initialState)

// ---- derived views (pure; components wrap them in selectors) ----

export function containers(state: StoreState): ContainerRecord[] {
  return [...state.records.values()].filter((r): r is ContainerRecord => r.kind === 'container')
}

export interface TabView {
  readonly key: TabKey
  readonly title: string
  /** Terminal id when a terminal is open in this tab. */
  readonly terminal?: string
  /** The program behind the tab has ended (container stopped, shell exited). */
  readonly ended: boolean
}

/** Host first, then each running container or container with an open terminal, in creation order. */
export function tabViews(state: StoreState): TabView[] {
  const tabs: TabView[] = [{ key: 'host', title: 'host', terminal: HOST_TERMINAL, ended: false }]
  for (const c of containers(state)) {
    const terminal = state.containerTerminals[c.id]
    if (c.state !== 'running' && terminal === undefined) continue
    tabs.push({ key: c.id, title: c.name, terminal, ended: terminal !== undefined && terminalEnded(state, c, terminal) })
  }
  return tabs
}

export function terminalEnded(state: StoreState, c: ContainerRecord, terminal: string): boolean {
  if (c.state !== 'running') return true
  const rec = state.records.get(terminal)
  if (rec?.kind === 'terminal') return !rec.open
  return state.terminalsSeen.has(terminal) // it existed and is gone
}

// ---- UI-only actions (module level, callable without hooks) ----

export function setActiveTab(key: TabKey): void {
  store.setState({ activeTab: key })
}

export function setSplit(split: number): void {
  store.setState({ split: Math.min(0.85, Math.max(0.15, split)) })
}

export function setLanguage(language: Language): void {
  store.setState({ language })
}

export function select(selection: Selection | undefined): void {
  store.setState({ selection })
}

export function setPresenter(presenter: boolean): void {
  store.setState({ presenter })
}

export function setTheme(theme: Theme): void {
  store.setState({ theme })
}

export function setTerminalFontSize(size: number): void {
  store.setState({ terminalFontSize: Math.min(40, Math.max(9, Math.round(size))) })
}
