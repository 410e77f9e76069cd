/**
 * Header controls for labs: which lab is open (switching reloads into it), the lab menu (new,
 * duplicate, rename, delete, reset — reset and delete ask first), and the buttons that open the
 * timeline, the lesson and the share dialog.
 */
import { useStore } from 'zustand'
import { duplicateLab, labStore, newLab, removeLab, renameCurrentLab, resetLab, switchLab } from '../../store/lab'
import { useT } from '../i18n/use-t'
import { panelStore, togglePanel } from './panel-state'

export function ScenarioBar() {
  const t = useT()
  const meta = useStore(labStore, (s) => s.meta)
  const labs = useStore(labStore, (s) => s.labs)
  const panels = useStore(panelStore, (s) => s)
  const ask = (message: string, value: string) => {
    const name = prompt(message, value)
    return name === null ? undefined : name.trim().slice(0, 120) || value
  }
  return (
    <div className="scenario-bar" role="group" aria-label={t('labs.menu')}>
      <select className="secondary lab-select" aria-label={t('labs.label')} value={meta.id} onChange={(e) => switchLab(e.target.value)} data-testid="lab-select">
        {labs.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <details className="lab-menu secondary">
        <summary aria-label={t('labs.menu')} title={t('labs.menu')}>
          ⋯
        </summary>
        <div className="menu" role="menu">
          <button type="button" role="menuitem" onClick={() => newLab(ask(t('labs.namePrompt'), `Lab ${labs.length + 1}`) ?? `Lab ${labs.length + 1}`)}>
            {t('labs.new')}
          </button>
          <button type="button" role="menuitem" onClick={() => duplicateLab(t('labs.copyOf', { name: meta.name }))}>
            {t('labs.duplicate')}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              const name = ask(t('labs.namePrompt'), meta.name)
              if (name !== undefined) renameCurrentLab(meta.id, name)
            }}
          >
            {t('labs.rename')}
          </button>
          <button type="button" role="menuitem" onClick={() => confirm(t('labs.confirmDelete', { name: meta.name })) && removeLab(meta.id)}>
            {t('labs.delete')}
          </button>
          <button type="button" role="menuitem" data-testid="lab-reset" onClick={() => confirm(t('labs.confirmReset')) && resetLab()}>
            {t('labs.reset')}
          </button>
        </div>
      </details>
      <button type="button" className="toggle secondary" aria-pressed={panels.timeline} onClick={() => togglePanel('timeline')} data-testid="timeline-toggle">
        {t('timeline.button')}
      </button>
      <button type="button" className="toggle" aria-pressed={panels.lesson} onClick={() => togglePanel('lesson')} data-testid="lesson-toggle">
        {t('lesson.button')}
      </button>
      <button type="button" className="toggle share-button" onClick={() => togglePanel('share', true)} data-testid="share-button">
        {t('share.button')}
      </button>
    </div>
  )
}
