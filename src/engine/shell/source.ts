/**
 * The character cursor shared by the lexer, the word reader and nested
 * parsers ($(…) is parsed in place by a sub-parser on the same source, so
 * quoting and nesting need no separate matching pass).
 */
import type { List } from './ast'

/**
 * A syntax error. `incomplete` marks input that ended where more was needed
 * (an open quote, a trailing `\` or `|`, `do` without `done`, an unterminated
 * here-document): the interactive shell then prints PS2 and reads on.
 */
export class ParseError extends Error {
  /** Line of the offending token (bash's "line N:" for scripts and -c). */
  line: number | undefined
  constructor(
    message: string,
    readonly incomplete: boolean,
    /** The offending token as bash quotes it, for "syntax error near unexpected token `x'". */
    readonly token?: string,
  ) {
    super(message)
  }
}

export function incomplete(what: string): ParseError {
  return new ParseError(`unexpected EOF while looking for ${what}`, true)
}

export class Source {
  pos = 0
  line = 1

  constructor(
    readonly text: string,
    /** Parses a command list starting at `pos` up to its closing `)`; used for $(…). */
    readonly parseSubstitution: (src: Source) => List,
  ) {}

  get eof(): boolean {
    return this.pos >= this.text.length
  }

  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? ''
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos)
  }

  next(): string {
    const ch = this.text[this.pos++] ?? ''
    if (ch === '\n') this.line++
    return ch
  }

  /**
   * Skips backslash-newline pairs (XCU 2.2.1: line continuation). A
   * continuation at the very end of the input means more input is coming.
   */
  skipContinuations(): void {
    while (this.text[this.pos] === '\\' && this.text[this.pos + 1] === '\n') {
      this.pos += 2
      this.line++
      if (this.eof) throw incomplete('the continued line')
    }
  }
}
