/**
 * A terminal device with the line discipline of termios (see termios(3)):
 * canonical mode collects a line with echo and erase and hands it over on
 * Enter; ^C sends SIGINT to the foreground process group; ^D on an empty
 * line is end of file; keys typed while nobody reads are kept (type-ahead).
 * Raw mode (ICANON and ECHO off) passes keys through for programs with their
 * own line editor. Output gets ONLCR (\n → \r\n) like a real tty.
 */
import type { CancelToken, InputStream, OutputStream } from './streams'
import type { SignalName } from './errors'

export type TtyId = string & { __brand: 'TtyId' }

export interface TtyObserver {
  output(data: string): void
  /** True while some process is blocked reading this terminal (a prompt is waiting). */
  reading(isReading: boolean): void
}

export interface TtyMode {
  canonical: boolean
  echo: boolean
  /** ISIG: ^C and ^\ generate signals. */
  signals: boolean
}

export class Tty implements InputStream, OutputStream {
  readonly tty = this
  cols = 80
  rows = 24
  mode: TtyMode = { canonical: true, echo: true, signals: true }
  /** Process group that gets ^C; set by the shell for each foreground job. */
  foregroundPgid = 0

  private line = '' // canonical mode: the line being edited
  private ready: (string | null)[] = [] // completed lines / raw chunks / EOF marks
  private waiters: ((chunk: string | null) => void)[] = []

  constructor(
    readonly id: TtyId,
    private readonly observer: TtyObserver,
    private readonly signalGroup: (pgid: number, signal: SignalName) => void,
  ) {}

  get isReading(): boolean {
    return this.waiters.length > 0
  }

  /** Keys from the user (xterm's onData). */
  input(data: string): void {
    let raw = '' // raw mode: a read returns every byte that has arrived (VMIN=1), so escape sequences stay whole
    for (const ch of data) {
      if (!this.mode.canonical && !(this.mode.signals && (ch === '\x03' || ch === '\x1c'))) {
        raw += ch
        continue
      }
      if (raw) this.deliver(raw)
      raw = ''
      this.inputChar(ch)
    }
    if (raw) this.deliver(raw)
  }

  private inputChar(ch: string): void {
    if (this.mode.signals && (ch === '\x03' || ch === '\x1c')) {
      // ECHOCTL: the key is echoed as ^C with no newline; the program or the shell decides what follows.
      if (this.mode.echo) this.output(ch === '\x03' ? '^C' : '^\\')
      this.line = ''
      if (this.mode.canonical) this.ready = this.ready.filter((x) => x === null)
      this.signalGroup(this.foregroundPgid, ch === '\x03' ? 'SIGINT' : 'SIGQUIT')
      return
    }
    if (!this.mode.canonical) {
      this.deliver(ch)
      return
    }
    switch (ch) {
      case '\r':
      case '\n':
        if (this.mode.echo) this.output('\n')
        this.deliver(this.line + '\n')
        this.line = ''
        return
      case '\x7f':
      case '\b':
        if (this.line.length > 0) {
          this.line = [...this.line].slice(0, -1).join('')
          if (this.mode.echo) this.output('\b \b')
        }
        return
      case '\x15': // ^U: kill the line
        if (this.mode.echo) this.output('\b \b'.repeat([...this.line].length))
        this.line = ''
        return
      case '\x04': // ^D: hand over what is typed; on an empty line that is end of file
        this.deliver(this.line === '' ? null : this.line)
        this.line = ''
        return
      default:
        if (ch < ' ' && ch !== '\t') return // other control keys are not modelled in canonical mode
        this.line += ch
        if (this.mode.echo) this.output(ch)
    }
  }

  private deliver(chunk: string | null): void {
    const waiter = this.waiters.shift()
    if (waiter) {
      if (this.waiters.length === 0) this.observer.reading(false)
      waiter(chunk)
    } else if (chunk !== null && !this.mode.canonical && typeof this.ready.at(-1) === 'string') {
      this.ready[this.ready.length - 1] += chunk // raw type-ahead: one chunk
    } else this.ready.push(chunk)
  }

  read(token?: CancelToken): Promise<string | null> {
    if (this.ready.length > 0) return Promise.resolve(this.ready.shift()!)
    return new Promise((resolve) => {
      this.waiters.push(resolve)
      if (this.waiters.length === 1) this.observer.reading(true)
      token?.onCancel(() => {
        const i = this.waiters.indexOf(resolve)
        if (i < 0) return
        this.waiters.splice(i, 1)
        if (this.waiters.length === 0) this.observer.reading(false)
      })
    })
  }

  /**
   * Output to the terminal is not buffered here: each write goes straight to
   * the observer (the worker posts it as `terminal.output`), so runaway
   * output (`yes`, `cat /dev/zero`-like loops) keeps no memory in the engine
   * and is bounded on screen by xterm's scrollback (10000 lines, see
   * src/ui/terminal/registry.ts). Writers yield every chunk, so ^C gets in.
   */
  write(data: string): void {
    this.output(data)
  }

  private output(data: string): void {
    if (data !== '') this.observer.output(data.replace(/\r?\n/g, '\r\n'))
  }

  setMode(mode: Partial<TtyMode>): void {
    const wasCanonical = this.mode.canonical
    this.mode = { ...this.mode, ...mode }
    if (!this.mode.canonical && this.line !== '') {
      this.deliver(this.line)
      this.line = ''
    }
    if (this.mode.canonical && !wasCanonical) this.recook()
  }

  /**
   * Gives back input that a raw-mode reader took but did not use: a line
   * editor reads a pasted block in one chunk, handles the first line and
   * returns the rest, which is then read first (readline reads one byte at a
   * time and leaves the rest in the kernel's queue; this is the same).
   */
  unread(data: string): void {
    if (data === '') return
    if (this.mode.canonical) {
      const saved = this.ready
      this.ready = []
      this.cook(data)
      this.ready.push(...saved)
    } else this.ready.unshift(data)
  }

  /** Raw input still queued when ICANON is switched on is split into lines, without echo (as n_tty does). */
  private recook(): void {
    const queued = this.ready
    this.ready = []
    for (const chunk of queued) {
      if (chunk === null) this.ready.push(null)
      else this.cook(chunk)
    }
  }

  private cook(data: string): void {
    for (const ch of data) {
      if (ch === '\r' || ch === '\n') {
        this.ready.push(this.line + '\n')
        this.line = ''
      } else if (ch === '\x7f' || ch === '\b') this.line = [...this.line].slice(0, -1).join('')
      else if (ch === '\x04') {
        this.ready.push(this.line === '' ? null : this.line)
        this.line = ''
      } else if (ch >= ' ' || ch === '\t') this.line += ch
    }
  }

  resize(cols: number, rows: number): void {
    this.cols = cols
    this.rows = rows
  }
}
