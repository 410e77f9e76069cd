/**
 * Where the editor's cursor is on the screen, as a column counted from the
 * start of the prompt's row (so a wrapped line continues at cols, 2·cols …).
 * Moves are relative (CUU/CUD/CUF/CUB), because the editor does not know
 * which screen row it is on. At the right margin xterm leaves the cursor
 * in a "pending wrap" state on the last column; writing " \r" there makes
 * the wrap happen, as readline does, so later relative moves are exact.
 */
import { visibleWidth } from './keys'

export interface ScreenIo {
  write(text: string): void
  cols(): number
}

export class Cursor {
  private col = 0

  constructor(private readonly io: ScreenIo) {}

  /** The cursor is at the start of a row (after a newline or a clear). */
  reset(): void {
    this.col = 0
  }

  /** Writes text; `endColumn` is where it leaves the cursor when known (else measured). */
  write(text: string, endColumn?: number): void {
    if (text === '') return
    this.io.write(text)
    const nl = text.lastIndexOf('\n')
    this.col = endColumn ?? (nl >= 0 ? 0 : this.col) + visibleWidth(text.slice(nl + 1))
    const cols = Math.max(1, this.io.cols())
    if (this.col > 0 && this.col % cols === 0) this.io.write(' \r')
  }

  moveTo(col: number): void {
    const cols = Math.max(1, this.io.cols())
    const [r0, c0] = [Math.floor(this.col / cols), this.col % cols]
    const [r1, c1] = [Math.floor(col / cols), col % cols]
    let seq = ''
    if (r1 < r0) seq += `\x1b[${r0 - r1}A`
    else if (r1 > r0) seq += `\x1b[${r1 - r0}B`
    if (c1 < c0) seq += c1 === 0 ? '\r' : `\x1b[${c0 - c1}D`
    else if (c1 > c0) seq += `\x1b[${c1 - c0}C`
    if (seq) this.io.write(seq)
    this.col = col
  }
}
