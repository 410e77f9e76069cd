/**
 * The lesson: every step with its explanation, its commands (click to type them into the right
 * terminal) and whether its checks hold; in presenter mode one step at a time, large, with
 * previous / next. Starting points open the lesson's commands up to a step in a new lab.
 * Lesson text is data from a scenario: it is rendered as text, never as HTML.
 */
import { useEffect } from 'react'
import { useStore } from 'zustand'
import { localText, type LessonStep } from '../../share/scenario'
import { TUTORIAL_LESSON } from '../../share/lessons/tutorial'
import { importScenario, labStore } from '../../store/lab'
import { goToStep, lessonStore, startLesson, startingPoint, stopTyping, typeStep } from '../../store/lesson'
import { store } from '../../store/store'
import { useT } from '../i18n/use-t'
import { togglePanel } from './panel-state'

/** Starting points: commands of the steps before these indexes (Part 1 ends at T9, Part 3 at T18, the cluster at T28). */
const STARTS = [
  ['lesson.start.empty', 0],
  ['lesson.start.part1', 9],
  ['lesson.start.part3', 18],
  ['lesson.start.redis', 28],
] as const

function Step({ step, index, active }: { step: LessonStep; index: number; active: boolean }) {
  const t = useT()
  const language = useStore(store, (s) => s.language)
  const done = useStore(lessonStore, (s) => s.done.includes(step.id))
  const typing = useStore(lessonStore, (s) => s.typing !== undefined)
  return (
    <li className={`lesson-step${active ? ' active' : ''}${done ? ' done' : ''}`} data-step={step.id} data-done={done}>
      <button type="button" className="lesson-step-title" onClick={() => goToStep(index)} aria-current={active ? 'step' : undefined}>
        <span className="lesson-status" aria-label={done ? t('lesson.done') : t('lesson.todo')}>
          {done ? '✓' : '○'}
        </span>{' '}
        {step.id} · {localText(step.title, language)}
      </button>
      {active && (
        <div className="lesson-body">
          <p>{localText(step.text, language)}</p>
          {step.commands.length > 0 && <pre className="lesson-commands">{step.commands.join('\n')}</pre>}
          {step.commands.length > 0 && (
            <button
              type="button"
              className="lesson-try"
              data-testid="lesson-try"
              disabled={typing}
              onClick={() => {
                goToStep(index)
                typeStep(step)
              }}
            >
              {typing ? t('lesson.typing') : t('lesson.try')}
            </button>
          )}
        </div>
      )}
    </li>
  )
}

export function LessonPanel() {
  const t = useT()
  const language = useStore(store, (s) => s.language)
  const presenter = useStore(store, (s) => s.presenter)
  const lesson = useStore(lessonStore, (s) => s.lesson) ?? TUTORIAL_LESSON
  const index = useStore(lessonStore, (s) => s.index)
  const doneCount = useStore(lessonStore, (s) => s.done.length)
  const seed = useStore(labStore, (s) => s.scenario.seed)
  useEffect(() => {
    if (lessonStore.getState().lesson === undefined) startLesson(TUTORIAL_LESSON)
  }, [])
  const steps = presenter ? lesson.steps.slice(index, index + 1) : lesson.steps
  return (
    <aside className={`lesson-panel${presenter ? ' presenting' : ''}`} aria-label={t('lesson.button')} data-testid="lesson-panel">
      <header>
        <h2>{localText(lesson.title, language)}</h2>
        <span className="lesson-count">
          {doneCount} / {lesson.steps.length}
        </span>
        <button type="button" className="toggle" onClick={() => togglePanel('lesson', false)} aria-label={t('lesson.close')} title={t('lesson.close')}>
          ×
        </button>
      </header>
      <nav className="lesson-nav">
        <button type="button" onClick={() => goToStep(index - 1)} disabled={index === 0} data-testid="lesson-prev">
          ◀ {t('lesson.prev')}
        </button>
        <span>{t('lesson.step', { n: index + 1, total: lesson.steps.length })}</span>
        <button
          type="button"
          onClick={() => {
            stopTyping()
            goToStep(index + 1)
          }}
          disabled={index === lesson.steps.length - 1}
          data-testid="lesson-next"
        >
          {t('lesson.next')} ▶
        </button>
      </nav>
      <ol className="lesson-steps" start={presenter ? index + 1 : 1}>
        {steps.map((step) => {
          const i = lesson.steps.indexOf(step)
          return <Step key={step.id} step={step} index={i} active={i === index} />
        })}
      </ol>
      {!presenter && (
        <div className="lesson-starts">
          <span>{t('lesson.startFrom')}:</span>
          {STARTS.map(([key, count]) => (
            <button key={key} type="button" className="secondary" onClick={() => importScenario(startingPoint(lesson, count, seed), `${localText(lesson.title, language).slice(0, 60)} · ${t(key)}`)}>
              {t(key)}
            </button>
          ))}
        </div>
      )}
    </aside>
  )
}
