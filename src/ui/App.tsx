/**
 * The page: a header, then the graph and the terminals side by side with a
 * draggable divider (stacked on narrow screens). The graph is loaded lazily so
 * the terminal, and its first prompt, do not wait for React Flow.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type PointerEvent } from 'react'
import { useStore } from 'zustand'
import { store, setLanguage, setPresenter, setSplit, setTheme, type Theme } from '../store/store'
import { setClockRate } from '../store/engine-client'
import { LANGUAGES } from './i18n/i18n'
import { useT } from './i18n/use-t'
import { TerminalPane } from './terminal/TerminalPane'
import { HelpDialog } from './HelpDialog'
import { handleShortcut } from './shortcuts'
import { ScenarioBar } from './panels/ScenarioBar'
import { ScenarioOverlay } from './panels/ScenarioOverlay'

const GraphPane = lazy(() => import('./graph/GraphPane'))

const NARROW = '(max-width: 900px)'

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches)
  useEffect(() => {
    const mq = matchMedia(query)
    const onChange = () => setMatches(mq.matches)
    mq.addEventListener('change', onChange)
    return () => mq.removeEventListener('change', onChange)
  }, [query])
  return matches
}

const THEMES: readonly Theme[] = ['system', 'light', 'dark']

/** The theme in effect ('light' or 'dark'), following the system while 'system' is chosen. */
function useResolvedTheme(): 'light' | 'dark' {
  const theme = useStore(store, (s) => s.theme)
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)')
  return theme === 'dark' || (theme === 'system' && systemDark) ? 'dark' : 'light'
}

function Header({ onHelp }: { onHelp: () => void }) {
  const t = useT()
  const language = useStore(store, (s) => s.language)
  const presenter = useStore(store, (s) => s.presenter)
  const theme = useStore(store, (s) => s.theme)
  const [rate, setRate] = useState(1)
  const changeRate = (r: number) => {
    setRate(r)
    setClockRate(r)
  }
  useEffect(() => {
    document.title = t('app.title')
    document.documentElement.lang = language
  }, [t, language])
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <div className="header-controls">
        <ScenarioBar />
        <div className="segmented" role="group" aria-label={t('app.clock')}>
          {([
            [0, 'app.clock.pause', '❚❚'],
            [1, 'app.clock.play', '▶'],
            [10, 'app.clock.fast', '▶▶'],
          ] as const).map(([r, key, glyph]) => (
            <button key={r} type="button" aria-pressed={rate === r} title={t(key)} aria-label={t(key)} onClick={() => changeRate(r)}>
              {glyph}
            </button>
          ))}
        </div>
        <select aria-label={t('app.language')} value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
          {LANGUAGES.map((l) => (
            <option key={l.id} value={l.id} lang={l.id}>
              {l.label}
            </option>
          ))}
        </select>
        <select className="secondary" aria-label={t('app.theme')} title={t('app.theme')} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
          {THEMES.map((th) => (
            <option key={th} value={th}>
              {t(`theme.${th}`)}
            </option>
          ))}
        </select>
        <button type="button" className="toggle" aria-pressed={presenter} onClick={() => setPresenter(!presenter)} title={`${t('app.presenter')} (F2)`} data-testid="presenter-toggle">
          {t('app.presenter')}
        </button>
        <button type="button" className="toggle" onClick={onHelp} aria-label={t('app.help')} title={`${t('app.help')} (F1)`}>
          ?
        </button>
      </div>
    </header>
  )
}

export function App() {
  const t = useT()
  const split = useStore(store, (s) => s.split)
  const presenter = useStore(store, (s) => s.presenter)
  const resolved = useResolvedTheme()
  const [help, setHelp] = useState(false)
  useEffect(() => {
    document.documentElement.dataset.theme = resolved
    document.documentElement.classList.toggle('presenter', presenter)
  }, [resolved, presenter])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleShortcut(e, () => setHelp(true))) e.preventDefault()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
  const stacked = useMediaQuery(NARROW)
  const main = useRef<HTMLDivElement>(null)
  const [dragging, setDragging] = useState(false)

  const onPointerDown = useCallback((e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId)
    setDragging(true)
  }, [])
  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      if (!dragging || !main.current) return
      const box = main.current.getBoundingClientRect()
      setSplit(stacked ? (e.clientY - box.top) / box.height : (e.clientX - box.left) / box.width)
    },
    [dragging, stacked],
  )
  const onPointerUp = useCallback(() => setDragging(false), [])

  const first = `${(split * 100).toFixed(2)}%`
  return (
    <div className={`app${presenter ? ' presenter' : ''}`}>
      <Header onHelp={() => setHelp(true)} />
      <HelpDialog open={help} onClose={() => setHelp(false)} />
      <ScenarioOverlay />
      <main ref={main} className={`app-main${stacked ? ' stacked' : ''}${dragging ? ' dragging' : ''}`} style={stacked ? { gridTemplateRows: `${first} 8px 1fr` } : { gridTemplateColumns: `${first} 8px 1fr` }}>
        <Suspense fallback={<div className="graph-pane" />}>
          <GraphPane />
        </Suspense>
        <div
          className="divider"
          role="separator"
          aria-orientation={stacked ? 'horizontal' : 'vertical'}
          aria-label={t('app.divider')}
          aria-valuenow={Math.round(split * 100)}
          aria-valuemin={15}
          aria-valuemax={85}
          tabIndex={0}
          onKeyDown={(e) => {
            const delta = e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -0.05 : e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 0.05 : 0
            if (delta) {
              e.preventDefault()
              setSplit(split + delta)
            }
          }}
          title={t('app.divider')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onDoubleClick={() => setSplit(0.5)}
        />
        <TerminalPane />
      </main>
    </div>
  )
}
