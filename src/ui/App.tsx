/**
 * The page: a header, then the graph and the terminals side by side with a
 * draggable divider (stacked on narrow screens). The graph is loaded lazily so
 * the terminal, and its first prompt, do not wait for React Flow.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type PointerEvent } from 'react'
import { useStore } from 'zustand'
import { store, setLanguage, setSplit } from '../store/store'
import { setClockRate } from '../store/engine-client'
import { LANGUAGES } from './i18n/i18n'
import { useT } from './i18n/use-t'
import { TerminalPane } from './terminal/TerminalPane'

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

function Header() {
  const t = useT()
  const language = useStore(store, (s) => s.language)
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
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
    </header>
  )
}

export function App() {
  const t = useT()
  const split = useStore(store, (s) => s.split)
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
    <div className="app">
      <Header />
      <main ref={main} className={`app-main${stacked ? ' stacked' : ''}${dragging ? ' dragging' : ''}`} style={stacked ? { gridTemplateRows: `${first} 8px 1fr` } : { gridTemplateColumns: `${first} 8px 1fr` }}>
        <Suspense fallback={<div className="graph-pane" />}>
          <GraphPane />
        </Suspense>
        <div
          className="divider"
          role="separator"
          aria-orientation={stacked ? 'horizontal' : 'vertical'}
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
