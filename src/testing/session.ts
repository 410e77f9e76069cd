/**
 * A World driven from Node: type into a terminal, let the simulation run
 * until the foreground program waits for input again, read what the
 * terminal shows. The tests (createTestHost) and the headless runner
 * (`npm run sim`) both stand on this, so they see the same behaviour.
 */
// The package is CommonJS; its named export is reached through the default import in Node's ESM.
import xtermHeadless from '@xterm/headless'
const { Terminal } = xtermHeadless
type Terminal = InstanceType<typeof Terminal>
import { HOST_TERMINAL, type FromEngine } from '../protocol/messages'
import { runUntil, settle } from '../engine/driver'
import { createWorld, type World } from '../engine/world'

export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** How long a typed line may run before control comes back anyway (DESIGN.md, the headless runner). */
export const MAX_COMMAND_MS = 60_000

export interface SessionOptions {
  seed?: number
  cols?: number
  rows?: number
}

export class Session {
  readonly world: World
  /** Raw bytes each terminal received, in order. */
  private raw = new Map<string, string[]>()
  private screens = new Map<string, Terminal>()
  private pending: Promise<void> = Promise.resolve()
  readonly messages: FromEngine[] = []

  constructor(private readonly options: SessionOptions = {}) {
    this.world = createWorld({ seed: options.seed ?? 1, send: (m) => this.receive(m) })
  }

  private receive(message: FromEngine): void {
    if (message.type !== 'terminal.output') {
      this.messages.push(message)
      return
    }
    const chunks = this.raw.get(message.terminal) ?? []
    chunks.push(message.data)
    this.raw.set(message.terminal, chunks)
    const term = this.screen(message.terminal)
    this.pending = this.pending.then(() => new Promise<void>((resolve) => term.write(message.data, resolve)))
  }

  private screen(terminal: string): Terminal {
    let term = this.screens.get(terminal)
    if (!term) {
      term = new Terminal({ cols: this.options.cols ?? 200, rows: this.options.rows ?? 50, scrollback: 1_000_000, allowProposedApi: true })
      this.screens.set(terminal, term)
      this.world.handle({ type: 'terminal.resize', terminal, cols: term.cols, rows: term.rows })
    }
    return term
  }

  /** Lets the world reach its first prompt. */
  async start(): Promise<this> {
    this.screen(HOST_TERMINAL)
    await this.untilReading(HOST_TERMINAL)
    return this
  }

  /** Sends keys without waiting. */
  async keys(data: string, terminal: string = HOST_TERMINAL): Promise<void> {
    this.world.handle({ type: 'terminal.input', terminal, data })
    await settle(this.world, turn)
  }

  /** Types a line and Enter, then runs until the terminal waits for input again (or `maxMs` pass). */
  async typeLine(line: string, options: { terminal?: string; wait?: boolean; maxMs?: number } = {}): Promise<void> {
    const terminal = options.terminal ?? HOST_TERMINAL
    await this.keys(`${line}\r`, terminal)
    if (options.wait !== false) await this.untilReading(terminal, options.maxMs)
  }

  /** Advances virtual time by `ms`, running everything due. */
  async advance(ms: number): Promise<void> {
    await runUntil(this.world, this.world.now() + ms, turn)
    this.world.flush()
  }

  /** Runs timers one deadline at a time until `terminal` is read from or `maxMs` of virtual time pass. */
  async untilReading(terminal: string = HOST_TERMINAL, maxMs = MAX_COMMAND_MS): Promise<boolean> {
    const limit = this.world.now() + maxMs
    await settle(this.world, turn)
    while (!this.world.isReading(terminal)) {
      const next = this.world.nextDeadline()
      if (next === undefined || next > limit) {
        await runUntil(this.world, limit, turn)
        break
      }
      await runUntil(this.world, next, turn)
    }
    this.world.flush()
    return this.world.isReading(terminal)
  }

  /** Everything the terminal received so far, as raw bytes. */
  rawOutput(terminal: string = HOST_TERMINAL): string {
    return (this.raw.get(terminal) ?? []).join('')
  }

  /**
   * The terminal's scrollback and screen as an emulator renders them, wrapped
   * rows joined into their logical lines, trailing spaces trimmed.
   */
  async render(terminal: string = HOST_TERMINAL): Promise<string> {
    await this.pending
    const term = this.screens.get(terminal)
    if (!term) return ''
    const buffer = term.buffer.active
    const lines: string[] = []
    for (let y = 0; y < buffer.length; y++) {
      const line = buffer.getLine(y)
      if (!line) continue
      const text = line.translateToString(true)
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text
      else lines.push(text)
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
    return lines.map((l) => l.replace(/\s+$/, '')).join('\n')
  }
}
