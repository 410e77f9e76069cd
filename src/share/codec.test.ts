import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { decodeScenario, encodeScenario, fragmentPayload, parseScenarioJson, shareLink } from './codec'
import { MIGRATIONS, migrate } from './migrations'
import { SCENARIO_VERSION, type Scenario } from './scenario'
import { HOSTILE } from './fixtures/hostile'
import { TUTORIAL_LESSON } from './lessons/tutorial'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

describe('codec', () => {
  const doc: Scenario = {
    version: SCENARIO_VERSION,
    seed: 42,
    name: 'mine',
    steps: [
      { terminal: 'host', at: 1200, input: 'docker run -d --name web tomcat\r' },
      { terminal: 'exec-1', at: 3000, open: 'web' },
      { terminal: 'exec-1', at: 5, cols: 80, rows: 24 },
      { terminal: 'exec-1', at: 700, input: 'ip addr\r' },
      { terminal: 'exec-1', at: 10, close: true },
    ],
    view: { language: 'zh-CN', activeTab: 'host', tabs: [['web', 'exec-1']], split: 0.4 },
    lesson: TUTORIAL_LESSON,
  }

  it('round-trips a link', () => {
    const link = shareLink('https://example.org/play/?seed=1#old', doc)
    expect(link.startsWith('https://example.org/play/?seed=1#s=')).toBe(true)
    const payload = fragmentPayload(new URL(link).hash)!
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeScenario(payload)).toEqual({ ok: true, scenario: doc })
  })

  it('round-trips a file', () => {
    expect(parseScenarioJson(JSON.stringify(doc, null, 2))).toEqual({ ok: true, scenario: doc })
  })

  it('ignores fragments that are not scenarios', () => {
    expect(fragmentPayload('')).toBeUndefined()
    expect(fragmentPayload('#top')).toBeUndefined()
    expect(fragmentPayload('#s=abc')).toBe('abc')
  })

  it('keeps the tutorial lesson link short enough to share', () => {
    expect(encodeScenario({ version: SCENARIO_VERSION, seed: 1, steps: [], lesson: TUTORIAL_LESSON }).length).toBeLessThan(12_000)
  })
})

describe('migrations', () => {
  it('are named, one per version, in order', () => {
    expect(MIGRATIONS.map((m) => [m.name, m.from])).toEqual([
      ['v2VersionKeyAtAndView', 1],
      ['v3StepKindsAndLesson', 2],
    ])
  })

  it('v1 fixture (DESIGN.md’s first sketch) becomes a valid current document', () => {
    const r = parseScenarioJson(fixture('v1-part1.json'))
    expect(r).toEqual({
      ok: true,
      scenario: {
        version: SCENARIO_VERSION,
        seed: 2021,
        steps: [
          { terminal: 'host', input: 'docker run -d -P --name tomcat01 tomcat\r' },
          { terminal: 'host', input: 'docker exec -it tomcat01 ip addr\r' },
        ],
        view: { split: 0.4 },
      },
    })
  })

  it('v2 fixture keeps its timing and view', () => {
    const r = parseScenarioJson(fixture('v2-part1.json'))
    expect(r.ok && r.scenario.steps.map((s) => s.at)).toEqual([1200, 5000])
    expect(r.ok && r.scenario.view).toEqual({ split: 0.4, language: 'zh-CN' })
  })

  it('each step alone upgrades exactly one version', () => {
    const v1 = JSON.parse(fixture('v1-part1.json')) as Record<string, unknown>
    expect(MIGRATIONS[0]!.up(v1).version).toBe(2)
    expect(MIGRATIONS[1]!.up(JSON.parse(fixture('v2-part1.json')) as Record<string, unknown>).version).toBe(3)
    expect(migrate({ version: 4 }, SCENARIO_VERSION)).toBeUndefined()
  })
})

describe('hostile documents', () => {
  it('has at least 30 of them', () => expect(HOSTILE.length).toBeGreaterThanOrEqual(30))
  for (const h of HOSTILE) {
    it(`refuses ${h.name} (${h.expect})`, () => {
      const before = JSON.stringify(Object.prototype)
      const r = h.as === 'link' ? decodeScenario(h.payload) : parseScenarioJson(h.payload)
      expect(r.ok ? 'accepted' : r.error.code).toBe(h.expect)
      expect(JSON.stringify(Object.prototype)).toBe(before)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }
})
