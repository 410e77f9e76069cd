/**
 * The scenario document (DESIGN.md "Sharing and persistence", STYLE.md point 9): a versioned
 * *description* of a lab — the World's seed and the input typed into it — never a dump of engine
 * state. The engine is deterministic, so replaying the steps into a fresh World with the same seed
 * rebuilds the state exactly. Everything here is plain data; the schema (zod/mini) is the only
 * gate between a link or a file and the engine.
 *
 * Older versions are upgraded by the named steps in migrations.ts before this schema runs.
 */
import * as z from 'zod/mini'
import type { ScenarioStep } from '../protocol/messages'

export const SCENARIO_VERSION = 3

/** Limits on untrusted documents (links, files, stored labs). */
export const LIMITS = {
  /** Characters of the `#s=` payload. Browsers keep far longer URLs; chat apps and QR codes do not. */
  linkChars: 262_144,
  /** Bytes of JSON after decompression: a decompression bomb stops here. */
  jsonBytes: 2_000_000,
  /** Bytes of an uploaded file. */
  fileBytes: 2_000_000,
  steps: 20_000,
  inputChars: 65_536,
  textChars: 4_000,
  lessonSteps: 200,
  commands: 40,
} as const

/** Terminal ids the UI makes: the host's and `exec-N` for container tabs. */
export const TERMINAL_ID = /^(host|exec-[1-9][0-9]{0,5})$/
/** Docker's container-name rule (`[a-zA-Z0-9][a-zA-Z0-9_.-]+`) or a hex id. */
export const CONTAINER_REF = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/
const CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/**
 * Text that looks like markup or script. Nothing from a document is ever rendered as HTML, so this
 * is belt and braces: a name or lesson text that tries it is refused, with a clear message, rather
 * than shown harmlessly escaped.
 */
export const SCRIPT_LIKE = /<\s*\/?\s*(script|iframe|img|svg|object|embed|style|link|meta|a|body|html|form|input|math|base)\b|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html|\bon[a-z]{3,}\s*=/i

const safeText = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((s) => !SCRIPT_LIKE.test(s), { message: 'script-like' }),
  )
const name = z.string().check(z.regex(CONTAINER_REF))
const terminal = z.string().check(z.regex(TERMINAL_ID))

const step = z.strictObject({
  terminal,
  at: z.optional(z.number().check(z.gte(0), z.lte(86_400_000 * 30))),
  input: z.optional(z.string().check(z.maxLength(LIMITS.inputChars))),
  open: z.optional(name),
  close: z.optional(z.literal(true)),
  cols: z.optional(z.int().check(z.gte(2), z.lte(1000))),
  rows: z.optional(z.int().check(z.gte(1), z.lte(500))),
})

/** Text in the UI's languages; English is required, as in the UI's own messages. */
const text = (max: number) => z.strictObject({ en: safeText(max), 'zh-CN': z.optional(safeText(max)) })

const containerState = z.enum(['created', 'running', 'paused', 'restarting', 'exited', 'dead'])
export const checkSchema = z.union([
  z.strictObject({
    kind: z.literal('container'),
    name,
    state: z.optional(containerState),
    network: z.optional(name),
    addressIn: z.optional(z.string().check(z.regex(CIDR))),
  }),
  z.strictObject({ kind: z.literal('no-container'), name }),
  z.strictObject({
    kind: z.literal('network'),
    name,
    subnet: z.optional(z.string().check(z.regex(CIDR))),
    gateway: z.optional(z.string().check(z.regex(IPV4))),
  }),
  z.strictObject({
    kind: z.literal('interface'),
    /** `host` or a container name. */
    owner: name,
    name: z.string().check(z.regex(/^[a-z][a-z0-9@._-]{0,30}$/)),
    addressIn: z.optional(z.string().check(z.regex(CIDR))),
    state: z.optional(z.enum(['UP', 'DOWN', 'UNKNOWN', 'LOWERLAYERDOWN'])),
  }),
  z.strictObject({ kind: z.literal('hosts-entry'), container: name, host: name }),
])

const lessonStep = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,32}$/)),
  title: text(200),
  text: text(LIMITS.textChars),
  terminal: z.optional(terminal),
  commands: z.array(z.string().check(z.maxLength(LIMITS.inputChars))).check(z.maxLength(LIMITS.commands)),
  checks: z.optional(z.array(checkSchema).check(z.maxLength(20))),
})

export const lessonSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/)),
  title: text(200),
  steps: z.array(lessonStep).check(z.minLength(1), z.maxLength(LIMITS.lessonSteps)),
})

const view = z.strictObject({
  language: z.optional(z.enum(['en', 'zh-CN'])),
  activeTab: z.optional(z.union([z.literal('host'), name])),
  /** Container id → terminal id of its open tab. Pairs, not an object: no untrusted keys. */
  tabs: z.optional(z.array(z.tuple([name, terminal])).check(z.maxLength(200))),
  split: z.optional(z.number().check(z.gte(0.15), z.lte(0.85))),
})

export const scenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_VERSION),
  seed: z.int().check(z.gte(0), z.lte(0xffff_ffff)),
  name: z.optional(safeText(120)),
  steps: z.array(step).check(z.maxLength(LIMITS.steps)),
  lesson: z.optional(lessonSchema),
  view: z.optional(view),
})

export type Scenario = z.infer<typeof scenarioSchema>
export type Lesson = z.infer<typeof lessonSchema>
export type LessonStep = Lesson['steps'][number]
export type Check = z.infer<typeof checkSchema>
export type ScenarioView = NonNullable<Scenario['view']>
export type LocalText = LessonStep['title']

// The schema's step must stay assignable to the protocol's (the worker replays it as is).
const _stepFits = (s: z.infer<typeof step>): ScenarioStep => s
void _stepFits

/** A step does exactly one thing: type, open, close or resize. */
export function stepKindOk(s: ScenarioStep): boolean {
  const kinds = [s.input !== undefined, s.open !== undefined, s.close !== undefined, s.cols !== undefined || s.rows !== undefined]
  const resizeOk = (s.cols === undefined) === (s.rows === undefined)
  return kinds.filter(Boolean).length === 1 && resizeOk && !(s.terminal === 'host' && (s.open !== undefined || s.close !== undefined))
}

export function emptyScenario(seed = 1): Scenario {
  return { version: SCENARIO_VERSION, seed, steps: [] }
}

/** The text in `language`, falling back to English. */
export function localText(t: LocalText, language: 'en' | 'zh-CN'): string {
  return (language === 'zh-CN' ? t['zh-CN'] : undefined) ?? t.en
}
