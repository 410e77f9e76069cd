/**
 * Live xterm.js instances by terminal id, outside React. A Terminal lives from
 * its tab's opening to its closing: React only attaches its element to the
 * page (and re-attaches it after a layout change), so hidden tabs keep their
 * output and scrollback. Engine output goes straight to `term.write`.
 */
import { Terminal, type ITheme } from '@xterm/xterm'
import { FitAddon } from '@xterm/addon-fit'
import '@xterm/xterm/css/xterm.css'
import { postToEngine, registerTerminalWriter } from '../../store/engine-client'
import { store, type StoreState } from '../../store/store'
import { traceStore } from '../../store/trace'
import { copySelection, isCopyKey, isPasteKey, pasteClipboard, urlLinkProvider } from './clipboard'

export interface TerminalEntry {
  readonly id: string
  readonly term: Terminal
  readonly fit: FitAddon
  /** The element xterm renders into; moved between parents by React, never recreated. */
  readonly element: HTMLDivElement
  opened: boolean
  /** Set once the program behind it ended; input is no longer sent. */
  ended: boolean
}

const entries = new Map<string, TerminalEntry & { dispose: () => void }>()

const LIGHT: ITheme = { background: '#fbfbfd', foreground: '#1f2328', cursor: '#1f2328', selectionBackground: '#b6d4fe' }
const DARK: ITheme = { background: '#111418', foreground: '#e6e8eb', cursor: '#e6e8eb', selectionBackground: '#3a4d6b' }
/** Presenter mode: the most contrast a projector can keep. */
const CONTRAST_DARK: ITheme = { background: '#000000', foreground: '#ffffff', cursor: '#ffffff', selectionBackground: '#5b5b00' }
const CONTRAST_LIGHT: ITheme = { background: '#ffffff', foreground: '#000000', cursor: '#000000', selectionBackground: '#ffe066' }
const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined

/** Whether the page is dark now: the chosen theme, or the system's when none is chosen. */
export function isDark(state: Pick<StoreState, 'theme'> = store.getState()): boolean {
  return state.theme === 'dark' || (state.theme === 'system' && (darkQuery?.matches ?? false))
}
const theme = (): ITheme => {
  const s = store.getState()
  if (s.presenter) return isDark(s) ? CONTRAST_DARK : CONTRAST_LIGHT
  return isDark(s) ? DARK : LIGHT
}
/** Presenter mode makes terminal text at least this large. */
const PRESENTER_FONT = 24
const fontSize = (): number => {
  const s = store.getState()
  return s.presenter ? Math.max(PRESENTER_FONT, s.terminalFontSize) : s.terminalFontSize
}
const restyle = (): void =>
  entries.forEach((e) => {
    e.term.options.theme = theme()
    e.term.options.fontSize = fontSize()
    fitTerminal(e)
  })
darkQuery?.addEventListener('change', restyle)
store.subscribe((s, prev) => {
  if (s.theme !== prev.theme || s.presenter !== prev.presenter || s.terminalFontSize !== prev.terminalFontSize) restyle()
})

export function ensureTerminal(id: string): TerminalEntry {
  const existing = entries.get(id)
  if (existing) return existing
  const term = new Terminal({
    fontFamily: 'ui-monospace, "JetBrains Mono", "Cascadia Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace',
    fontSize: fontSize(),
    scrollback: 10000,
    cursorBlink: true,
    convertEol: false, // the simulated tty already turns \n into \r\n (ONLCR)
    theme: theme(),
  })
  const fit = new FitAddon()
  term.loadAddon(fit)
  const links = term.registerLinkProvider(urlLinkProvider(term))
  // Ctrl+Shift+C / Ctrl+Shift+V copy and paste (Ctrl+C stays SIGINT, as in a real terminal).
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown') return true
    if (isCopyKey(e)) {
      e.preventDefault()
      void copySelection(term)
      return false
    }
    if (isPasteKey(e)) {
      e.preventDefault()
      void pasteClipboard(term)
      return false
    }
    return true
  })
  const element = document.createElement('div')
  element.className = 'xterm-host'
  const entry = { id, term, fit, element, opened: false, ended: false, dispose: () => {} }
  const onData = term.onData((data) => {
    if (!entry.ended) postToEngine({ type: 'terminal.input', terminal: id, data })
  })
  const unregister = registerTerminalWriter(id, (data) => term.write(data))
  entry.dispose = () => {
    onData.dispose()
    links.dispose()
    unregister()
    term.dispose()
  }
  entries.set(id, entry)
  return entry
}

/** Fits the terminal to its element and tells the engine the new size (the tty's cols/rows). */
export function fitTerminal(entry: TerminalEntry): void {
  if (!entry.opened || !entry.element.isConnected) return
  const before = `${entry.term.cols}x${entry.term.rows}`
  try {
    entry.fit.fit()
  } catch {
    return // not measurable yet (hidden); fitted again when shown
  }
  const after = `${entry.term.cols}x${entry.term.rows}`
  if (before !== after || !sizeSent.has(entry.id)) {
    sizeSent.add(entry.id)
    postToEngine({ type: 'terminal.resize', terminal: entry.id, cols: entry.term.cols, rows: entry.term.rows })
  }
}
const sizeSent = new Set<string>()

export function disposeTerminal(id: string): void {
  const entry = entries.get(id)
  if (!entry) return
  entries.delete(id)
  sizeSent.delete(id)
  entry.dispose()
  entry.element.remove()
}

/** The live xterm of a terminal, for the pane's menu and search. */
export function terminalEntry(id: string): TerminalEntry | undefined {
  return entries.get(id)
}

export function terminalIds(): string[] {
  return [...entries.keys()]
}

/** The whole buffer (scrollback and screen) as text, trailing blanks trimmed. */
export function terminalText(id: string): string {
  const term = entries.get(id)?.term
  if (!term) return ''
  const buffer = term.buffer.active
  const lines: string[] = []
  for (let y = 0; y < buffer.length; y++) {
    const line = buffer.getLine(y)
    if (!line) continue
    // A row that wraps onto the next keeps its trailing blanks: they are part of the logical line.
    const text = line.translateToString(!buffer.getLine(y + 1)?.isWrapped)
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text
    else lines.push(text)
  }
  return lines.join('\n').trim()
}

declare global {
  interface Window {
    /** Test hook for e2e tests and benchmarks. */
    __dockernet?: {
      terminalText(id: string): string
      terminalIds(): string[]
      /** Recent packet hops as `from>to:protocol` (a drop adds `!rule`). */
      hops(): string[]
      terminalFontSize(id: string): number
    }
  }
}

export function installTestHook(): void {
  window.__dockernet = {
    terminalText,
    terminalIds,
    hops: () => traceStore.getState().hops.map((h) => `${h.from.name}>${h.to.name}:${h.protocol}${h.drop ? `!${h.drop}` : ''}`),
    terminalFontSize: (id) => entries.get(id)?.term.options.fontSize ?? 0,
  }
}
