/**
 * Scenario round trips: type commands into a World while recording (as the worker does), encode
 * the scenario as a link, decode it, replay it into a fresh World with the same seed, and compare
 * the terminal text and the records. fast-check draws the command sequences.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Session } from '../testing/session'
import { createRecorder, replaySteps } from './replay'
import { decodeScenario, encodeScenario } from '../share/codec'
import { SCENARIO_VERSION, type Scenario } from '../share/scenario'
import type { ScenarioStep } from '../protocol/messages'
import { checksHold } from '../share/checks'
import { TUTORIAL_LESSON } from '../share/lessons/tutorial'

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** A Session whose typed lines are recorded as scenario steps stamped with virtual time. */
async function recorded(seed: number, lines: readonly string[]): Promise<{ session: Session; steps: ScenarioStep[] }> {
  const session = await new Session({ seed }).start()
  const stamp = createRecorder(session.world, 0)
  const steps: ScenarioStep[] = []
  for (const line of lines) {
    const step = stamp({ type: 'terminal.input', terminal: 'host', data: `${line}\r` })
    if (step) steps.push(step)
    await session.typeLine(line)
  }
  return { session, steps }
}

async function replayed(doc: Scenario): Promise<Session> {
  const session = await new Session({ seed: doc.seed }).start()
  await replaySteps(session.world, doc.steps, { turn, since: 0 })
  await session.untilReading()
  return session
}

const stateOf = (s: Session) => JSON.stringify(s.world.records())

const COMMANDS = fc.constantFrom(
  'docker run -d --name c1 tomcat',
  'docker run -d --name c2 --net n1 tomcat',
  'docker network create n1',
  'docker network connect n1 c1',
  'docker rm -f c1',
  'docker stop c2',
  'docker ps -a',
  'ip addr',
  'echo hello',
  'ls /',
)

describe('scenario round trip', () => {
  it('encode → decode → replay gives the same terminal text and records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.array(COMMANDS, { minLength: 1, maxLength: 5 }), async (seed, lines) => {
        const { session, steps } = await recorded(seed, lines)
        const doc: Scenario = { version: SCENARIO_VERSION, seed, steps }
        const decoded = decodeScenario(encodeScenario(doc))
        expect(decoded.ok).toBe(true)
        if (!decoded.ok) return
        expect(decoded.scenario).toEqual(doc)
        const copy = await replayed(decoded.scenario)
        expect(await copy.render()).toBe(await session.render())
        expect(stateOf(copy)).toBe(stateOf(session))
      }),
      { numRuns: 8 },
    )
  }, 120_000)

  it('steps without `at` wait for the prompt, as the headless runner does', async () => {
    const lines = ['docker run -d -P --name tomcat01 tomcat', 'docker exec -it tomcat01 ip addr']
    const { session } = await recorded(7, lines)
    const copy = await replayed({ version: SCENARIO_VERSION, seed: 7, steps: lines.map((l) => ({ terminal: 'host', input: `${l}\r` })) })
    expect(await copy.render()).toBe(await session.render())
  }, 60_000)

  it('step by step: waits between steps without moving virtual time', async () => {
    const session = await new Session({ seed: 5 }).start()
    const times: number[] = []
    const steps = ['echo a', 'echo b', 'echo c'].map((l) => ({ terminal: 'host', at: 100, input: `${l}\r` }))
    await replaySteps(session.world, steps, { turn, between: async () => void times.push(session.world.now()) })
    expect(times).toHaveLength(2)
    expect(times[1]! - times[0]!).toBe(100)
  }, 30_000)

  it('a program that never blocks does not hang the replay; ^C stops it', async () => {
    const session = await new Session({ seed: 5 }).start()
    const steps = [
      { terminal: 'host', at: 10, input: 'while :; do :; done\r' },
      { terminal: 'host', at: 2000, input: '\x03' },
      { terminal: 'host', input: 'echo after\r' },
    ]
    await replaySteps(session.world, steps, { turn })
    await session.untilReading()
    expect(await session.render()).toMatch(/^after$/m)
  }, 60_000)

  it('a container terminal opened by a step replays into the same tab', async () => {
    const session = await new Session({ seed: 3 }).start()
    await session.typeLine('docker run -d --name web tomcat')
    const stamp = createRecorder(session.world, 0)
    const open = stamp({ type: 'terminal.open', terminal: 'exec-1', container: 'web' })!
    session.world.handle({ type: 'terminal.open', terminal: 'exec-1', container: 'web' })
    await session.untilReading('exec-1')
    expect(open.open).toBe('web')
    expect(session.world.records().some((r) => r.kind === 'terminal' && r.id === 'exec-1' && r.open)).toBe(true)
  }, 60_000)
})

describe('tutorial lesson checks', () => {
  it('every step’s checks hold once its commands ran, and fail in a state where they should', async () => {
    const empty = await new Session({ seed: 2021 }).start()
    const records = empty.world.records()
    // On an empty host only the steps about the empty host and the default networks hold.
    const holdingEmpty = TUTORIAL_LESSON.steps.filter((s) => checksHold(s.checks, records)).map((s) => s.id)
    expect(holdingEmpty).toEqual(['T1', 'T2', 'T13'])

    const session = await new Session({ seed: 2021, cols: 200 }).start()
    for (const step of TUTORIAL_LESSON.steps) {
      for (const line of step.commands) await session.typeLine(line)
      expect([step.id, checksHold(step.checks, session.world.records())]).toEqual([step.id, true])
    }
    // The three that hold on an empty host fail elsewhere: tomcat01 exists; no docker0; no `host` network.
    const after = session.world.records()
    const step = (id: string) => TUTORIAL_LESSON.steps.find((s) => s.id === id)!
    expect(checksHold(step('T1').checks, after)).toBe(false)
    expect(checksHold(step('T2').checks, after.filter((r) => !(r.kind === 'interface' && r.name === 'docker0')))).toBe(false)
    expect(checksHold(step('T13').checks, after.filter((r) => !(r.kind === 'network' && r.name === 'host')))).toBe(false)
  }, 120_000)
})
