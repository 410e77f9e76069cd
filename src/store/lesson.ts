/**
 * The lesson being followed: which step is showing, which steps are done (their checks held on
 * the World's records once the learner reached them; done stays done), and typing a step's
 * commands into its terminal one line at a time, each once the terminal reads input again.
 */
import { createStore } from 'zustand/vanilla'
import type { FromEngine } from '../protocol/messages'
import { HOST_TERMINAL } from '../protocol/messages'
import { checksHold } from '../share/checks'
import type { Lesson, LessonStep, Scenario } from '../share/scenario'
import { addEngineListener, postToEngine } from './engine-client'
import { store } from './store'

export interface LessonState {
  readonly lesson?: Lesson
  readonly index: number
  readonly done: readonly string[]
  /** Lines still to type, and where. */
  readonly typing?: { readonly terminal: string; readonly lines: readonly string[] }
}

export const lessonStore = createStore<LessonState>()(() => ({ index: 0, done: [] }))

export function startLesson(lesson: Lesson | undefined): void {
  lessonStore.setState({ lesson, index: 0, done: [], typing: undefined })
  evaluate()
}

export function goToStep(index: number): void {
  const { lesson } = lessonStore.getState()
  if (!lesson) return
  lessonStore.setState({ index: Math.max(0, Math.min(lesson.steps.length - 1, index)) })
  evaluate()
}

/** Marks steps up to the current one done when their checks hold (or, with no checks, once typed). */
function evaluate(typed?: string): void {
  const { lesson, index, done } = lessonStore.getState()
  if (!lesson) return
  const records = [...store.getState().records.values()]
  const next = new Set(done)
  lesson.steps.forEach((step, i) => {
    if (i > index || next.has(step.id)) return
    const holds = checksHold(step.checks, records)
    if (holds === true || (holds === undefined && typed === step.id)) next.add(step.id)
  })
  if (next.size !== done.length) lessonStore.setState({ done: [...next] })
}

store.subscribe((s, prev) => {
  if (s.records !== prev.records) evaluate()
})

// ---- typing commands ----

const QUIET_MS = 250
let quietTimer: ReturnType<typeof setTimeout> | undefined
let typedStep: string | undefined

function terminalReading(terminal: string): boolean {
  const r = store.getState().records.get(terminal)
  return r?.kind === 'terminal' && r.reading
}

function sendNext(): void {
  const typing = lessonStore.getState().typing
  if (!typing) return
  const [line, ...rest] = typing.lines
  if (line === undefined) {
    lessonStore.setState({ typing: undefined })
    evaluate(typedStep)
    return
  }
  lessonStore.setState({ typing: { terminal: typing.terminal, lines: rest } })
  postToEngine({ type: 'terminal.input', terminal: typing.terminal, data: `${line}\r` })
}

/** The next line goes once the terminal reads again and has been quiet a moment (a prompt, not a pause in output). */
function onEngine(message: FromEngine): void {
  const typing = lessonStore.getState().typing
  if (!typing) return
  if (message.type === 'terminal.output' && message.terminal !== typing.terminal) return
  if (message.type !== 'terminal.output' && message.type !== 'world.diff') return
  if (quietTimer !== undefined) clearTimeout(quietTimer)
  quietTimer = setTimeout(() => {
    quietTimer = undefined
    if (terminalReading(typing.terminal)) sendNext()
  }, QUIET_MS)
}
addEngineListener(onEngine)

/** Types a step's commands into its terminal (the host unless the step names another). */
export function typeStep(step: LessonStep): void {
  typedStep = step.id
  const terminal = step.terminal ?? HOST_TERMINAL
  lessonStore.setState({ typing: { terminal, lines: step.commands } })
  store.setState({ activeTab: terminal === HOST_TERMINAL ? 'host' : (Object.entries(store.getState().containerTerminals).find(([, t]) => t === terminal)?.[0] ?? 'host') })
  sendNext()
}

export function stopTyping(): void {
  lessonStore.setState({ typing: undefined })
}

/**
 * A ready-made starting point: the lesson's commands up to (not including) step `count`, as a
 * scenario without timings, replayed like the headless runner would type them.
 */
export function startingPoint(lesson: Lesson, count: number, seed: number): Scenario {
  const steps = lesson.steps.slice(0, count).flatMap((s) => s.commands.map((c) => ({ terminal: s.terminal ?? HOST_TERMINAL, input: `${c}\r` })))
  return { version: 3, seed, steps, lesson }
}
