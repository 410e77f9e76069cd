/**
 * Time travel: the commands typed in this lab, in order. "Branch from here" opens a new lab that
 * replays the scenario up to that command; the lab itself is kept as it is.
 */
import { useStore } from 'zustand'
import { typedLines } from '../../share/export'
import { branchAt, labStore } from '../../store/lab'
import { useT } from '../i18n/use-t'
import { togglePanel } from './panel-state'

export function Timeline() {
  const t = useT()
  const steps = useStore(labStore, (s) => s.scenario.steps)
  const name = useStore(labStore, (s) => s.meta.name)
  const rows = steps
    // eslint-disable-next-line no-control-regex -- terminal keys are control characters
    .map((s, i) => ({ i, terminal: s.terminal, text: s.input !== undefined ? typedLines(s.input).join(' ⏎ ') || s.input.replace(/[\x00-\x1f\x7f]/g, (c) => `^${String.fromCharCode(c.charCodeAt(0) + 64)}`) : s.open !== undefined ? `⇱ ${s.open}` : undefined }))
    .filter((r): r is { i: number; terminal: string; text: string } => r.text !== undefined && r.text.trim() !== '')
  return (
    <aside className="timeline-panel" aria-label={t('timeline.title')} data-testid="timeline">
      <header>
        <h2>{t('timeline.title')}</h2>
        <button type="button" className="toggle" onClick={() => togglePanel('timeline', false)} aria-label={t('share.close')}>
          ×
        </button>
      </header>
      {rows.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <ol>
          {rows.map((r, n) => (
            <li key={r.i}>
              <code>
                {r.terminal === 'host' ? '' : `[${r.terminal}] `}
                {r.text}
              </code>
              <button type="button" className="secondary" title={t('timeline.branchHelp')} onClick={() => branchAt(r.i + 1, t('labs.branchOf', { name, n: n + 1 }))}>
                {t('timeline.branch')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
