/**
 * Terminal tabs: the host first, then one tab per running container (or per
 * container whose shell is still shown). A container tab opens its shell on
 * first click (`terminal.open`, the engine runs `docker exec -it <c> <shell>`);
 * closing it sends `terminal.close`. Tabs follow the containers: a removed
 * container's tab goes away, a stopped one says its shell ended.
 */
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { HOST_TERMINAL } from '../../protocol/messages'
import { store, setActiveTab, tabViews, type TabView } from '../../store/store'
import { closeContainerTerminal, openContainerTerminal } from '../../store/engine-client'
import { useT } from '../i18n/use-t'
import { disposeTerminal, terminalIds } from './registry'
import { TerminalView } from './TerminalView'
import { SearchBar, TerminalToolbar, useTerminalMenu } from './TerminalTools'

export function TerminalPane() {
  const t = useT()
  const tabs = useStore(store, tabViewsKeyed)
  const activeTab = useStore(store, (s) => s.activeTab)
  const hostReady = useStore(store, (s) => s.promptSeen.has(HOST_TERMINAL))

  // Dispose the xterm of every terminal that no longer has a tab.
  const live = tabs.map((tab) => tab.terminal).filter((id): id is string => id !== undefined)
  const liveKey = live.join(' ')
  useEffect(() => {
    for (const id of terminalIds()) if (!live.includes(id)) disposeTerminal(id)
  }, [liveKey])

  const active = tabs.find((tab) => tab.key === activeTab) ?? tabs[0]!
  const [searching, setSearching] = useState(false)
  const { onContextMenu, menu } = useTerminalMenu(active.terminal)
  // Ctrl+Shift+F opens the search over the active terminal, wherever the focus is.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.shiftKey && e.code === 'KeyF') {
        e.preventDefault()
        setSearching(true)
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
  return (
    <section className="terminal-pane" aria-label={t('tabs.label')}>
      <div className="terminal-head">
        <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
          {tabs.map((tab) => (
            <Tab key={tab.key} tab={tab} selected={tab.key === active.key} />
          ))}
        </div>
        <TerminalToolbar terminal={active.terminal} onSearch={() => setSearching(true)} />
      </div>
      {searching && active.terminal !== undefined && <SearchBar key={active.terminal} terminal={active.terminal} onClose={() => setSearching(false)} />}
      <div className="terminal-stack" onContextMenu={onContextMenu}>
        {menu}
        {tabs.map((tab) =>
          tab.terminal !== undefined ? (
            <TerminalView
              key={tab.terminal}
              terminal={tab.terminal}
              active={tab.key === active.key}
              ended={tab.ended}
              promptReady={tab.key === HOST_TERMINAL ? hostReady : undefined}
            />
          ) : null,
        )}
        {active.terminal === undefined && (
          <div className="terminal-note">
            <p>{t('terminal.notOpen', { name: active.title })}</p>
            <button type="button" onClick={() => openContainerTerminal(active.key)}>
              {t('terminal.open')}
            </button>
          </div>
        )}
        {active.ended && <EndedBanner tab={active} />}
      </div>
    </section>
  )
}

/**
 * tabViews builds new objects on every call; a selector must return the same
 * value for an unchanged state, so the last result is kept while its key holds.
 */
let lastKey = ''
let lastTabs: TabView[] = []
function tabViewsKeyed(state: Parameters<typeof tabViews>[0]): TabView[] {
  const tabs = tabViews(state)
  const key = tabs.map((x) => `${x.key}|${x.title}|${x.terminal ?? ''}|${x.ended}`).join('\n')
  if (key !== lastKey) {
    lastKey = key
    lastTabs = tabs
  }
  return lastTabs
}

function Tab({ tab, selected }: { tab: TabView; selected: boolean }) {
  const t = useT()
  const isHost = tab.key === HOST_TERMINAL
  const open = () => {
    if (tab.terminal === undefined) openContainerTerminal(tab.key)
    else setActiveTab(tab.key)
  }
  return (
    // The wrapper is presentational and the × is mouse-only (Delete on the tab closes it), so the
    // tablist owns only tabs, as ARIA requires.
    <div role="presentation" className={`tab${selected ? ' selected' : ''}${tab.terminal === undefined ? ' unopened' : ''}${tab.ended ? ' ended' : ''}`}>
      <button
        type="button"
        role="tab"
        aria-selected={selected}
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === 'Delete' && !isHost && tab.terminal !== undefined) closeContainerTerminal(tab.key)
        }}
        title={tab.terminal === undefined ? t('tabs.open', { name: tab.title }) : undefined}
        data-tab={tab.key}
      >
        {isHost ? t('tabs.host') : tab.title}
        {tab.ended && <span className="tab-ended"> · {t('tabs.ended')}</span>}
      </button>
      {!isHost && tab.terminal !== undefined && (
        <button type="button" className="tab-close" aria-hidden="true" tabIndex={-1} title={t('tabs.close')} onClick={() => closeContainerTerminal(tab.key)}>
          ×
        </button>
      )}
    </div>
  )
}

function EndedBanner({ tab }: { tab: TabView }) {
  const t = useT()
  const c = useStore(store, (s) => s.records.get(tab.key))
  const running = c?.kind === 'container' && c.state === 'running'
  return (
    <div className="terminal-banner" role="status">
      <span>{running ? t('terminal.ended', { name: tab.title }) : t('terminal.stopped', { name: tab.title })}</span>
      {running && (
        <button type="button" onClick={() => openContainerTerminal(tab.key)}>
          {t('terminal.reopen')}
        </button>
      )}
    </div>
  )
}
