/**
 * What the scenario machinery shows over the page: the replay progress bar, the refusal banner
 * (a link or file that failed validation; the lab is unchanged), the share dialog, the timeline
 * and the lesson drawer. Also watches the address: a `#s=` link pasted into an open tab is
 * validated first and only then opened (a refused one changes nothing).
 */
import { useEffect } from 'react'
import { useStore } from 'zustand'
import { decodeScenario, fragmentPayload } from '../../share/codec'
import { labStore, saveNow, setLabError, setReplayPace } from '../../store/lab'
import { startLesson } from '../../store/lesson'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/messages'
import { panelStore, togglePanel } from './panel-state'
import { ShareDialog } from './ShareDialog'
import { Timeline } from './Timeline'
import { LessonPanel } from './LessonPanel'

/** Step-by-step replay: one step every so often, slow enough to follow on a projector. */
const STEP_MS = 700

function stripFragment(): void {
  history.replaceState(null, '', location.pathname + location.search)
}

export function ScenarioOverlay() {
  const t = useT()
  const replay = useStore(labStore, (s) => s.replay)
  const error = useStore(labStore, (s) => s.error)
  const pace = useStore(labStore, (s) => s.pace)
  const panels = useStore(panelStore, (s) => s)

  useEffect(() => {
    // The link was read at boot (src/store/lab.ts); drop it so a reload opens the saved lab.
    if (fragmentPayload(location.hash) !== undefined) stripFragment()
    const lesson = labStore.getState().scenario.lesson
    if (lesson) {
      startLesson(lesson)
      togglePanel('lesson', true)
    }
    const onHash = () => {
      const payload = fragmentPayload(location.hash)
      if (payload === undefined) return
      const r = decodeScenario(payload)
      if (!r.ok) {
        stripFragment()
        setLabError(r.error)
        return
      }
      saveNow()
      location.reload() // boot opens the link in a new lab
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  return (
    <>
      {replay && (
        <div className="replay-progress" role="status" data-testid="replay-progress">
          <span>{t('replay.progress', { done: replay.done, total: replay.total })}</span>
          <progress max={replay.total} value={replay.done} />
          <div className="segmented" role="group" aria-label={t('replay.pace')}>
            <button type="button" aria-pressed={pace === 0} onClick={() => setReplayPace(0)}>
              {t('replay.instant')}
            </button>
            <button type="button" aria-pressed={pace > 0} onClick={() => setReplayPace(STEP_MS)} data-testid="replay-step-by-step">
              {t('replay.stepByStep')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <div className="share-error" role="alert" data-testid="share-error" data-code={error.code}>
          <span>{t('share.refused', { reason: t(`share.error.${error.code}` as MessageKey) })}</span>
          {error.detail && <code>{error.detail}</code>}
          <button type="button" onClick={() => setLabError(undefined)}>
            {t('share.dismiss')}
          </button>
        </div>
      )}
      <ShareDialog />
      {panels.timeline && <Timeline />}
      {panels.lesson && <LessonPanel />}
    </>
  )
}
