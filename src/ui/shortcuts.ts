/**
 * Global keyboard shortcuts. Function keys and Ctrl+Alt chords only: the
 * shell in the terminal owns Alt+letter and Alt+. (readline's meta keys) and
 * Ctrl+letter, so those are never taken here. The help dialog lists these.
 */
import { setPresenter, setTerminalFontSize, store } from '../store/store'
import { setPaused, step, traceStore } from '../store/trace'
import type { MessageKey } from './i18n/messages'

export interface Shortcut {
  readonly keys: string
  readonly help: MessageKey
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'F1', help: 'help.help' },
  { keys: 'F2', help: 'help.presenter' },
  { keys: 'Ctrl+Shift+C', help: 'help.copy' },
  { keys: 'Ctrl+Shift+V', help: 'help.paste' },
  { keys: 'Ctrl+Shift+F', help: 'help.search' },
  { keys: 'Ctrl+Alt+= / Ctrl+Alt+−', help: 'help.font' },
  { keys: 'F9', help: 'help.pause' },
  { keys: 'F7 / F8', help: 'help.step' },
  { keys: 'Enter', help: 'help.graphKeys' },
  { keys: 'Esc', help: 'help.escape' },
]

/** Handles a keydown; true when it was a shortcut (the caller prevents the default). */
export function handleShortcut(e: KeyboardEvent, openHelp: () => void): boolean {
  if (e.key === 'F1') openHelp()
  else if (e.key === 'F2') setPresenter(!store.getState().presenter)
  else if (e.key === 'F9') setPaused(!traceStore.getState().paused)
  else if (e.key === 'F7') step(-1)
  else if (e.key === 'F8') step(1)
  else if (e.ctrlKey && e.altKey && (e.key === '=' || e.key === '+')) setTerminalFontSize(store.getState().terminalFontSize + 1)
  else if (e.ctrlKey && e.altKey && (e.key === '-' || e.key === '_')) setTerminalFontSize(store.getState().terminalFontSize - 1)
  else return false
  return true
}
