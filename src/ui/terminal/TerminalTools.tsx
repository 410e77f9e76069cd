/**
 * The active terminal's tools: font size, search, copy and paste (also in
 * a context menu on the terminal). Everything acts on the xterm instance in
 * the registry; nothing here holds terminal text.
 */
import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react'
import { useStore } from 'zustand'
import { setTerminalFontSize, store } from '../../store/store'
import { useT } from '../i18n/use-t'
import { copySelection, findInTerminal, pasteClipboard } from './clipboard'
import { terminalEntry } from './registry'

export function TerminalToolbar({ terminal, onSearch }: { terminal?: string; onSearch: () => void }) {
  const t = useT()
  const size = useStore(store, (s) => s.terminalFontSize)
  const entry = () => (terminal ? terminalEntry(terminal) : undefined)
  return (
    <div className="terminal-tools" role="toolbar" aria-label={t('terminal.menu')}>
      <button type="button" onClick={() => setTerminalFontSize(size - 1)} aria-label={t('terminal.fontDown')} title={t('terminal.fontDown')}>
        A−
      </button>
      <span className="font-size" aria-label={t('terminal.fontSize')}>
        {size}
      </span>
      <button type="button" onClick={() => setTerminalFontSize(size + 1)} aria-label={t('terminal.fontUp')} title={t('terminal.fontUp')}>
        A+
      </button>
      <button type="button" onClick={onSearch} disabled={!terminal} aria-label={t('terminal.search')} title={`${t('terminal.search')} (Ctrl+Shift+F)`}>
        {t('terminal.search')}
      </button>
      <button type="button" onClick={() => void (entry() && copySelection(entry()!.term))} disabled={!terminal} aria-label={t('terminal.copy')} title={`${t('terminal.copy')} (Ctrl+Shift+C)`}>
        {t('terminal.copy')}
      </button>
      <button type="button" onClick={() => void (entry() && pasteClipboard(entry()!.term))} disabled={!terminal} aria-label={t('terminal.paste')} title={`${t('terminal.paste')} (Ctrl+Shift+V)`}>
        {t('terminal.paste')}
      </button>
    </div>
  )
}

export function SearchBar({ terminal, onClose }: { terminal: string; onClose: () => void }) {
  const t = useT()
  const [query, setQuery] = useState('')
  const [missing, setMissing] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])
  const find = (backwards: boolean) => {
    const entry = terminalEntry(terminal)
    if (entry) setMissing(!findInTerminal(entry.term, query, backwards))
  }
  const close = () => {
    terminalEntry(terminal)?.term.clearSelection()
    onClose()
    terminalEntry(terminal)?.term.focus()
  }
  return (
    <div className="search-bar" role="search">
      <input
        ref={input}
        type="search"
        value={query}
        placeholder={t('terminal.searchPlaceholder')}
        aria-label={t('terminal.searchPlaceholder')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') find(e.shiftKey)
          if (e.key === 'Escape') close()
        }}
      />
      <button type="button" onClick={() => find(true)} aria-label={t('terminal.searchPrev')} title={t('terminal.searchPrev')}>
        ↑
      </button>
      <button type="button" onClick={() => find(false)} aria-label={t('terminal.searchNext')} title={t('terminal.searchNext')}>
        ↓
      </button>
      {missing && <span className="muted" role="status">{t('terminal.noMatch')}</span>}
      <button type="button" onClick={close} aria-label={t('terminal.searchClose')} title={t('terminal.searchClose')}>
        ×
      </button>
    </div>
  )
}

/** Right-click menu over the terminal: copy, paste, select all, clear. */
export function useTerminalMenu(terminal: string | undefined) {
  const [at, setAt] = useState<{ x: number; y: number } | undefined>()
  useEffect(() => {
    if (!at) return
    const close = () => setAt(undefined)
    window.addEventListener('click', close)
    window.addEventListener('blur', close)
    return () => {
      window.removeEventListener('click', close)
      window.removeEventListener('blur', close)
    }
  }, [at])
  const onContextMenu = (e: ReactMouseEvent) => {
    if (!terminal) return
    e.preventDefault()
    const box = e.currentTarget.getBoundingClientRect()
    setAt({ x: e.clientX - box.left, y: e.clientY - box.top })
  }
  const menu = at && terminal ? <TerminalMenu terminal={terminal} at={at} close={() => setAt(undefined)} /> : null
  return { onContextMenu, menu }
}

function TerminalMenu({ terminal, at, close }: { terminal: string; at: { x: number; y: number }; close: () => void }) {
  const t = useT()
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  const run = (action: () => void) => () => {
    action()
    close()
  }
  const term = () => terminalEntry(terminal)?.term
  return (
    <div className="context-menu" role="menu" aria-label={t('terminal.menu')} style={{ left: at.x, top: at.y }} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <button ref={first} type="button" role="menuitem" onClick={run(() => void (term() && copySelection(term()!)))}>
        {t('terminal.copy')} <kbd>Ctrl+Shift+C</kbd>
      </button>
      <button type="button" role="menuitem" onClick={run(() => void (term() && pasteClipboard(term()!)))}>
        {t('terminal.paste')} <kbd>Ctrl+Shift+V</kbd>
      </button>
      <button type="button" role="menuitem" onClick={run(() => term()?.selectAll())}>
        {t('terminal.selectAll')}
      </button>
      <button type="button" role="menuitem" onClick={run(() => term()?.clear())}>
        {t('terminal.clear')}
      </button>
    </div>
  )
}
