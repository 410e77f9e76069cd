/** Mounts the React app (loaded by src/main.tsx once the engine worker is on its way). */
import { createRoot } from 'react-dom/client'
import { HOST_TERMINAL } from '../protocol/messages'
import { setLanguage, store } from '../store/store'
import { pickLanguage } from './i18n/i18n'
import { ensureTerminal, installTestHook } from './terminal/registry'
import { App } from './App'
import './app.css'

const LANGUAGE_KEY = 'dockernet.language'

// The host terminal exists before React renders, so its first output goes straight into xterm.
ensureTerminal(HOST_TERMINAL)
installTestHook()

// An explicit choice (kept in localStorage) wins over the browser's preference.
let saved: string | null = null
try {
  saved = localStorage.getItem(LANGUAGE_KEY)
} catch {
  /* storage blocked (private mode, sandboxed iframe): use the browser's preference */
}
setLanguage(saved === 'en' || saved === 'zh-CN' ? saved : pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]))
store.subscribe((state, prev) => {
  if (state.language === prev.language) return
  try {
    localStorage.setItem(LANGUAGE_KEY, state.language)
  } catch {
    /* not persisted; harmless */
  }
})

createRoot(document.getElementById('root')!).render(<App />)
