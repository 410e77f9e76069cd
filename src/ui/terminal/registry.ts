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
const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined
const theme = (): ITheme => (darkQuery?.matches ? DARK : LIGHT)
darkQuery?.addEventListener('change', () => entries.forEach((e) => (e.term.options.theme = theme())))

export function ensureTerminal(id: string): TerminalEntry {
  const existing = entries.get(id)
  if (existing) return existing
  const term = new Terminal({
    fontFamily: 'ui-monospace, "JetBrains Mono", "Cascadia Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace',
    fontSize: 15,
    scrollback: 10000,
    cursorBlink: true,
    convertEol: false, // the simulated tty already turns \n into \r\n (ONLCR)
    theme: theme(),
  })
  const fit = new FitAddon()
  term.loadAddon(fit)
  const element = document.createElement('div')
  element.className = 'xterm-host'
  const entry = { id, term, fit, element, opened: false, ended: false, dispose: () => {} }
  const onData = term.onData((data) => {
    if (!entry.ended) postToEngine({ type: 'terminal.input', terminal: id, data })
  })
  const unregister = registerTerminalWriter(id, (data) => term.write(data))
  entry.dispose = () => {
    onData.dispose()
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
    __dockernet?: { terminalText(id: string): string; terminalIds(): string[] }
  }
}

export function installTestHook(): void {
  window.__dockernet = { terminalText, terminalIds }
}
