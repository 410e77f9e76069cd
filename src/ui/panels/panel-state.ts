/** Which scenario panels are open (share dialog, timeline, lesson). UI-only, not saved. */
import { createStore } from 'zustand/vanilla'

export interface PanelState {
  readonly share: boolean
  readonly timeline: boolean
  readonly lesson: boolean
}

export const panelStore = createStore<PanelState>()(() => ({ share: false, timeline: false, lesson: false }))

export function togglePanel(key: keyof PanelState, open?: boolean): void {
  panelStore.setState((s) => ({ [key]: open ?? !s[key] }))
}
