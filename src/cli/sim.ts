/**
 * The headless runner (DESIGN.md, "The headless runner"):
 *   npm run sim -- [--seed N] [--cols C] [FILE]
 * types the lines of FILE (or stdin) into the host terminal of a fresh World
 * and prints what the terminal holds at the end. Lines starting with `#!` are
 * directives: `#! wait S`, `#! ctrl-c`, `#! ctrl-d`, `#! tab`.
 */
import { readFileSync } from 'node:fs'
import { Session } from '../testing/session'

type Step = { kind: 'line'; text: string } | { kind: 'keys'; data: string } | { kind: 'wait'; seconds: number }

const KEYS: Record<string, string> = { 'ctrl-c': '\x03', 'ctrl-d': '\x04', tab: '\t' }

export function parseScript(text: string): Step[] {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines.map((raw, i): Step => {
    const line = raw.replace(/\r$/, '')
    if (!line.startsWith('#!')) return { kind: 'line', text: line }
    const [name = '', arg] = line.slice(2).trim().split(/\s+/)
    if (name === 'wait') {
      const seconds = Number(arg)
      if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`line ${i + 1}: #! wait needs a number of seconds`)
      return { kind: 'wait', seconds }
    }
    const data = KEYS[name]
    if (data === undefined) throw new Error(`line ${i + 1}: unknown directive "#! ${name}" (known: wait S, ctrl-c, ctrl-d, tab)`)
    return { kind: 'keys', data }
  })
}

export async function runScript(text: string, options: { seed: number; cols: number }): Promise<string> {
  const steps = parseScript(text)
  const session = await new Session({ seed: options.seed, cols: options.cols }).start()
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    if (step.kind === 'wait') {
      await session.advance(step.seconds * 1000)
      continue
    }
    if (step.kind === 'line') await session.keys(`${step.text}\r`)
    else await session.keys(step.data)
    const next = steps[i + 1]
    if (next === undefined || next.kind === 'line') await session.untilReading()
  }
  return session.render()
}

function usage(): never {
  process.stderr.write('usage: npm run sim -- [--seed N] [--cols C] [FILE]\n')
  process.exit(2)
}

async function main(argv: string[]): Promise<void> {
  let seed = 1
  let cols = 200
  let file: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--seed' || arg === '--cols') {
      const value = Number(argv[++i])
      if (!Number.isInteger(value) || value < (arg === '--cols' ? 20 : 0)) usage()
      if (arg === '--seed') seed = value
      else cols = value
    } else if (arg === '-h' || arg === '--help') usage()
    else if (arg.startsWith('-') && arg !== '-') usage()
    else file = arg
  }
  const text = file === undefined || file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8')
  process.stdout.write((await runScript(text, { seed, cols })) + '\n')
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\/src\//, '/src/'))
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}
