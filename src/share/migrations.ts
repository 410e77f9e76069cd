/**
 * Named migrations of the scenario document, oldest first (STYLE.md point 9; tldraw keeps
 * `{ store, schema }` with named migration ids, zustand's persist has `version` + `migrate`).
 * Each one takes the plain JSON of version N-1 and returns version N; it is tested against a
 * real document of the older version kept in src/share/fixtures/. Never edit a shipped step:
 * add the next one.
 *
 * - v1 (DESIGN.md's first sketch): `{ v: 1, seed, steps: [{ terminal, input }], layout? }`;
 *   no timing, so the replay waits for each step's prompt as the headless runner does.
 * - v2: `version` instead of `v`, steps gain `at` (virtual ms after the previous step), the
 *   layout becomes `view`.
 * - v3: steps may also open, close or resize a terminal; a scenario may carry a `lesson`.
 */
export interface Migration {
  readonly name: string
  readonly from: number
  readonly up: (doc: Record<string, unknown>) => Record<string, unknown>
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'v2VersionKeyAtAndView',
    from: 1,
    up: ({ v: _v, layout, ...rest }) => {
      const view = isObject(layout) && typeof layout.split === 'number' ? { split: layout.split } : undefined
      return { ...rest, version: 2, ...(view ? { view } : {}) }
    },
  },
  {
    name: 'v3StepKindsAndLesson',
    from: 2,
    // Every v2 step (terminal, input, at) is a valid v3 step: only the number changes.
    up: (doc) => ({ ...doc, version: 3 }),
  },
]

/** The document's version: `version`, or `v` in version 1. */
export function versionOf(doc: Record<string, unknown>): unknown {
  return doc.version ?? doc.v
}

/**
 * Upgrades a parsed document to the current version. Returns undefined for a version this build
 * does not know (newer, or not a version at all): the caller refuses it.
 */
export function migrate(doc: Record<string, unknown>, current: number): Record<string, unknown> | undefined {
  let version = versionOf(doc)
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > current) return undefined
  let out = doc
  for (const m of MIGRATIONS) {
    if (m.from !== version) continue
    out = m.up(out)
    version = m.from + 1
  }
  return version === current ? out : undefined
}
