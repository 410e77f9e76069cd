/**
 * createTestHost: the harness engine-level tests use (STYLE.md point 8).
 * `await host.run('docker ps')` types a line into the host terminal and
 * returns what it printed between the typed line and the next prompt.
 */
import { HOST_TERMINAL } from '../protocol/messages'
import { Session, type SessionOptions } from './session'

export interface CommandResult {
  /** Lines printed by the command, CRLF turned into LF, without the echoed input and the next prompt. */
  readonly output: string
  /** The raw bytes, escape sequences and all. */
  readonly raw: string
}

export interface TestHost {
  readonly session: Session
  run(line: string, options?: { terminal?: string; maxMs?: number }): Promise<CommandResult>
  /** Types a line without waiting for the prompt (for `ping` then `ctrlC`). */
  start(line: string, terminal?: string): Promise<void>
  advance(ms: number): Promise<void>
  ctrlC(terminal?: string): Promise<CommandResult>
  ctrlD(terminal?: string): Promise<CommandResult>
  /** The rendered terminal (see Session.render). */
  screen(terminal?: string): Promise<string>
}

const PROMPT_TAIL = /[^\n]*[#$>] $/

export async function createTestHost(options: SessionOptions = {}): Promise<TestHost> {
  const session = await new Session(options).start()
  const mark = new Map<string, number>()
  const since = (terminal: string): string => {
    const raw = session.rawOutput(terminal)
    const out = raw.slice(mark.get(terminal) ?? 0)
    mark.set(terminal, raw.length)
    return out
  }
  since(HOST_TERMINAL)
  const result = (raw: string, typed?: string): CommandResult => {
    let text = raw.replace(/\r\n/g, '\n')
    if (typed !== undefined && text.startsWith(typed + '\n')) text = text.slice(typed.length + 1)
    text = text.replace(PROMPT_TAIL, '')
    return { output: text, raw }
  }
  return {
    session,
    async run(line, opts = {}) {
      const terminal = opts.terminal ?? HOST_TERMINAL
      await session.typeLine(line, { terminal, ...(opts.maxMs !== undefined ? { maxMs: opts.maxMs } : {}) })
      return result(since(terminal), line)
    },
    async start(line, terminal = HOST_TERMINAL) {
      await session.typeLine(line, { terminal, wait: false })
      since(terminal) // the echoed line and anything printed at once belong to no later result
    },
    advance: (ms) => session.advance(ms),
    async ctrlC(terminal = HOST_TERMINAL) {
      await session.keys('\x03', terminal)
      await session.untilReading(terminal)
      return result(since(terminal))
    },
    async ctrlD(terminal = HOST_TERMINAL) {
      await session.keys('\x04', terminal)
      await session.untilReading(terminal)
      return result(since(terminal))
    },
    screen: (terminal) => session.render(terminal),
  }
}
