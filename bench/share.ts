/**
 * Scenario benchmark (issue 7): the whole tutorial (T1–T31, the lesson's commands) typed into a
 * World while recording as the worker does (one step per line, stamped with virtual time), then
 *  - the share link's length (with and without the lesson riding along),
 *  - encode and decode time (median of 20),
 *  - replay time into a fresh World (what a reload or an opened link costs; median of 3),
 *  - that the replay ends in the same state (records and terminal text).
 * Run: npx tsx bench/share.ts
 */
import { performance } from 'node:perf_hooks'
import { Session, turn } from '../src/testing/session'
import { createRecorder, replaySteps } from '../src/worker/replay'
import { decodeScenario, encodeScenario, shareLink } from '../src/share/codec'
import { TUTORIAL_LESSON } from '../src/share/lessons/tutorial'
import { SCENARIO_VERSION, type Scenario } from '../src/share/scenario'
import type { ScenarioStep } from '../src/protocol/messages'

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const fmt = (ms: number): string => `${ms.toFixed(2)} ms`
const SEED = 2021
const BASE = 'https://dockernet.example/'

async function record(): Promise<{ doc: Scenario; session: Session; ms: number }> {
  const t0 = performance.now()
  const session = await new Session({ seed: SEED, cols: 200 }).start()
  const stamp = createRecorder(session.world, 0)
  const steps: ScenarioStep[] = []
  for (const step of TUTORIAL_LESSON.steps) {
    for (const line of step.commands) {
      steps.push(stamp({ type: 'terminal.input', terminal: 'host', data: `${line}\r` })!)
      await session.typeLine(line)
    }
  }
  return { doc: { version: SCENARIO_VERSION, seed: SEED, steps }, session, ms: performance.now() - t0 }
}

async function main(): Promise<void> {
  const { doc, session, ms } = await record()
  console.log(`tutorial T1–T31: ${doc.steps.length} steps (lines), recorded in ${fmt(ms)} wall, ${(session.world.now() / 1000).toFixed(1)} s virtual`)
  const link = shareLink(BASE, doc)
  const withLesson = shareLink(BASE, { ...doc, lesson: TUTORIAL_LESSON })
  console.log(`link length: ${link.length} chars (payload ${link.length - BASE.length - 3}); JSON ${JSON.stringify(doc).length} chars`)
  console.log(`link length with the lesson (en + zh-CN texts, checks) riding along: ${withLesson.length} chars`)

  const payload = link.slice(link.indexOf('#s=') + 3)
  const enc: number[] = []
  const dec: number[] = []
  for (let i = 0; i < 20; i++) {
    let t = performance.now()
    encodeScenario(doc)
    enc.push(performance.now() - t)
    t = performance.now()
    const r = decodeScenario(payload)
    dec.push(performance.now() - t)
    if (!r.ok) throw new Error(`decode failed: ${r.error.code}`)
  }
  console.log(`encode: median ${fmt(median(enc))}; decode (validate + migrate): median ${fmt(median(dec))}`)

  const replays: number[] = []
  let copy: Session | undefined
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    copy = await new Session({ seed: SEED, cols: 200 }).start()
    await replaySteps(copy.world, doc.steps, { turn, since: 0 })
    await copy.untilReading()
    replays.push(performance.now() - t)
  }
  console.log(`replay into a fresh World (restore after reload / opening the link): median ${fmt(median(replays))}  runs: ${replays.map((t) => t.toFixed(0)).join(', ')}`)
  const same = JSON.stringify(copy!.world.records()) === JSON.stringify(session.world.records())
  const sameText = (await copy!.render()) === (await session.render())
  console.log(`same records: ${same}; same terminal text: ${sameText}`)
}

void main()
