/**
 * The interactive shell's line editor (what readline is to bash and
 * lineedit.c to BusyBox): the terminal is in raw mode while it runs, so it
 * echoes and moves the cursor itself. Emacs-mode keys as readline binds
 * them: ←/→ Home/End C-a C-e C-b C-f, Backspace/Delete, C-u (unix-line-
 * discard), C-k (kill-line), C-w (unix-word-rubout), C-y (yank), M-b M-f,
 * C-l (clear-screen), C-c (abandon the line, "^C"), C-d (EOF on an empty
 * line, else delete-char), ↑/↓ C-p C-n (history, edits kept until Enter),
 * Tab (complete; a second Tab lists the candidates).
 *
 * Input is consumed one key at a time; what follows an Enter in the same
 * chunk (a pasted block) is given back to the terminal, so the command
 * started by this line (or a shell it starts) reads it, as with a real tty.
 */
import { charWidth, decodeKey, visibleWidth, type Key } from './keys'
import { commonPrefix, formatColumns, quoteForLine, type Completion } from './complete'
import { Cursor } from './screen'

export interface EditorIo {
  write(text: string): void
  /** The next chunk of keys; null at end of file. */
  read(): Promise<string | null>
  /** Gives unconsumed input back to the terminal. */
  unread(text: string): void
  cols(): number
}

export type ReadResult = { kind: 'line'; text: string } | { kind: 'eof' } | { kind: 'interrupt' }

export type Completer = (line: string, cursor: number) => Completion

export class LineEditor {
  private killed = ''

  constructor(
    private readonly io: EditorIo,
    private readonly completer?: Completer,
  ) {}

  /** Prints `prompt` and edits one line. `history` is oldest first. */
  async readLine(prompt: string, history: readonly string[]): Promise<ReadResult> {
    const s = new EditState(this.io, prompt, history)
    s.cursor.write(prompt)
    let lastTab = false
    let carry = ''
    for (;;) {
      const read = await this.io.read()
      if (read === null) return { kind: 'eof' }
      const chunk = carry + read
      carry = ''
      let i = 0
      while (i < chunk.length) {
        const decoded = decodeKey(chunk, i)
        if (!decoded) {
          carry = chunk.slice(i)
          break
        }
        const { key, length } = decoded
        i += length
        const result = this.apply(s, key, lastTab)
        lastTab = key.kind === 'tab'
        if (result) {
          this.io.unread(chunk.slice(i))
          return result
        }
      }
    }
  }

  private apply(s: EditState, key: Key, lastTab: boolean): ReadResult | undefined {
    switch (key.kind) {
      case 'text':
        s.insert([...key.text])
        return
      case 'enter':
        s.moveTo(s.text.length)
        s.cursor.write('\n')
        return { kind: 'line', text: s.text.join('') }
      case 'tab':
        this.complete(s, lastTab)
        return
      case 'backspace':
        if (s.pos > 0) s.remove(s.pos - 1, s.pos)
        return
      case 'delete':
        if (s.pos < s.text.length) s.remove(s.pos, s.pos + 1)
        return
      case 'left':
        return void s.moveTo(Math.max(0, s.pos - 1))
      case 'right':
        return void s.moveTo(Math.min(s.text.length, s.pos + 1))
      case 'home':
        return void s.moveTo(0)
      case 'end':
        return void s.moveTo(s.text.length)
      case 'up':
        return void s.recall(-1)
      case 'down':
        return void s.recall(1)
      case 'word-left':
        return void s.moveTo(s.wordStart(s.pos, /[A-Za-z0-9]/))
      case 'word-right':
        return void s.moveTo(s.wordEnd(s.pos))
      case 'word-rubout-meta':
        this.kill(s, s.wordStart(s.pos, /[A-Za-z0-9]/), s.pos)
        return
      case 'ctrl':
        return this.control(s, key.key)
      default:
        return
    }
  }

  private control(s: EditState, k: string): ReadResult | undefined {
    switch (k) {
      case 'a':
        return void s.moveTo(0)
      case 'e':
        return void s.moveTo(s.text.length)
      case 'b':
        return void s.moveTo(Math.max(0, s.pos - 1))
      case 'f':
        return void s.moveTo(Math.min(s.text.length, s.pos + 1))
      case 'p':
        return void s.recall(-1)
      case 'n':
        return void s.recall(1)
      case 'u':
        return void this.kill(s, 0, s.pos)
      case 'k':
        return void this.kill(s, s.pos, s.text.length)
      case 'w':
        return void this.kill(s, s.wordStart(s.pos, /\S/), s.pos)
      case 'y':
        if (this.killed) s.insert([...this.killed])
        return
      case 'l':
        // clear-screen: home, erase, then the prompt and the line again.
        s.cursor.reset()
        this.io.write('\x1b[H\x1b[2J')
        s.redrawAll()
        return
      case 'c':
        s.moveTo(s.text.length)
        s.cursor.write('^C\n')
        return { kind: 'interrupt' }
      case 'd':
        if (s.text.length === 0) return { kind: 'eof' }
        if (s.pos < s.text.length) s.remove(s.pos, s.pos + 1)
        return
      case 'm':
      case 'j':
        return this.apply(s, { kind: 'enter' }, false)
      case 'h':
        return this.apply(s, { kind: 'backspace' }, false)
      default:
        return // other control keys are unbound; readline rings the bell for some, we stay quiet
    }
  }

  private kill(s: EditState, from: number, to: number): void {
    if (from >= to) return
    this.killed = s.text.slice(from, to).join('')
    s.remove(from, to)
  }

  private complete(s: EditState, listing: boolean): void {
    if (!this.completer) return
    const line = s.text.join('')
    const c = this.completer(line, s.pos)
    if (c.candidates.length === 0) return this.io.write('\x07')
    if (c.candidates.length === 1) {
      const only = c.candidates[0]!
      const tail = only.slice(c.prefix.length)
      s.insert([...quoteForLine(tail)])
      if (!only.endsWith('/') && s.text[s.pos] !== ' ') s.insert([' '])
      return
    }
    const common = commonPrefix(c.candidates)
    if (common.length > c.prefix.length) return s.insert([...quoteForLine(common.slice(c.prefix.length))])
    if (!listing) return this.io.write('\x07')
    // Second Tab: list what matches (file names without their directory), then redraw the line.
    const dirLen = c.prefix.lastIndexOf('/') + 1
    const shown = c.candidates.map((w) => (w.includes('/') && !w.endsWith('/') ? w.slice(dirLen) : w.endsWith('/') ? w.slice(dirLen) : w))
    s.moveTo(s.text.length)
    s.cursor.write('\n' + formatColumns(shown, this.io.cols()))
    s.cursor.reset()
    s.redrawAll()
  }
}

/** The line being edited and what the screen shows of it. */
class EditState {
  text: string[] = []
  pos = 0
  readonly cursor: Cursor
  private lines: string[][]
  private index: number

  constructor(
    private readonly io: EditorIo,
    private readonly prompt: string,
    history: readonly string[],
  ) {
    this.cursor = new Cursor(io)
    this.lines = [...history.map((h) => [...h]), []]
    this.index = this.lines.length - 1
  }

  private get origin(): number {
    return visibleWidth(this.prompt.slice(this.prompt.lastIndexOf('\n') + 1))
  }

  private columnOf(pos: number): number {
    let w = this.origin
    for (let i = 0; i < pos; i++) w += charWidth(this.text[i]!)
    return w
  }

  insert(chars: string[]): void {
    if (chars.length === 0) return
    const atEnd = this.pos === this.text.length
    this.text.splice(this.pos, 0, ...chars)
    this.pos += chars.length
    if (atEnd) {
      // Fast path (every typed key): just echo.
      this.cursor.write(chars.join(''), this.columnOf(this.pos))
      return
    }
    this.redrawFrom(this.pos - chars.length)
  }

  remove(from: number, to: number): void {
    this.text.splice(from, to - from)
    this.moveTo(from)
    this.redrawFrom(from)
  }

  /** Rewrites the line from `from` to its end, erases what is left of the old text, puts the cursor back. */
  private redrawFrom(from: number): void {
    this.cursor.moveTo(this.columnOf(from))
    this.cursor.write(this.text.slice(from).join(''), this.columnOf(this.text.length))
    this.io.write('\x1b[J')
    this.cursor.moveTo(this.columnOf(this.pos))
  }

  /** After a listing or ^L: the prompt and the whole line again. */
  redrawAll(): void {
    this.cursor.write(this.prompt)
    this.cursor.write(this.text.join(''), this.columnOf(this.text.length))
    this.cursor.moveTo(this.columnOf(this.pos))
  }

  moveTo(pos: number): void {
    this.pos = pos
    this.cursor.moveTo(this.columnOf(pos))
  }

  recall(delta: number): void {
    const next = this.index + delta
    if (next < 0 || next >= this.lines.length) return
    this.lines[this.index] = this.text
    this.index = next
    this.moveTo(0)
    this.text = [...this.lines[next]!]
    this.pos = this.text.length
    this.redrawFrom(0)
  }

  /** Start of the word before `pos`; a word is a run of `word` characters. */
  wordStart(pos: number, word: RegExp): number {
    let i = pos
    while (i > 0 && !word.test(this.text[i - 1]!)) i--
    while (i > 0 && word.test(this.text[i - 1]!)) i--
    return i
  }

  wordEnd(pos: number): number {
    let i = pos
    while (i < this.text.length && !/[A-Za-z0-9]/.test(this.text[i]!)) i++
    while (i < this.text.length && /[A-Za-z0-9]/.test(this.text[i]!)) i++
    return i
  }
}
