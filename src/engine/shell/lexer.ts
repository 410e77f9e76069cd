/**
 * Token recognition (XCU 2.3): operators, IO_NUMBERs, words and newlines.
 * Reserved words are not decided here: they are ordinary words that the
 * parser recognises only where the grammar allows them (2.4).
 * Here-document bodies are read when the newline after their operator is
 * consumed (2.7.4), which is why the lexer keeps the pending list.
 */
import type { Redirect, Word } from './ast'
import { ParseError, Source, incomplete } from './source'
import { readDoubleQuoted, readWord } from './word-reader'

export type Token =
  | { type: 'word'; word: Word; text: string; line: number }
  | { type: 'op'; op: string; fd?: number; line: number }
  | { type: 'newline'; line: number }
  | { type: 'eof'; line: number }

// Longest first, so `<<-` wins over `<<` and `<`.
const OPERATORS = ['&>>', '<<-', '&&', '||', ';;', '<<', '>>', '<&', '>&', '<>', '>|', '&>', ';', '&', '|', '(', ')', '<', '>']

interface PendingHeredoc {
  redirect: Redirect
  delimiter: string
  quoted: boolean
  stripTabs: boolean
}

export class Lexer {
  private pending: PendingHeredoc[] = []

  constructor(readonly src: Source) {}

  /** Registers a here-document whose body starts after the next newline. */
  addHeredoc(redirect: Redirect, delimiterWord: Word, stripTabs: boolean): void {
    let delimiter = ''
    let quoted = false
    const flatten = (parts: Word['parts']): void => {
      for (const p of parts) {
        if (p.kind === 'lit') delimiter += p.text
        else if (p.kind === 'sq') {
          quoted = true
          delimiter += p.text
        } else if (p.kind === 'dq') {
          quoted = true
          flatten(p.parts)
        } else if (p.kind === 'param') delimiter += '$' + p.name
      }
    }
    flatten(delimiterWord.parts)
    this.pending.push({ redirect, delimiter, quoted, stripTabs })
  }

  get hasPendingHeredocs(): boolean {
    return this.pending.length > 0
  }

  next(): Token {
    const src = this.src
    this.skipBlanks()
    const line = src.line
    if (src.eof) {
      if (this.pending.length > 0) throw incomplete(`here-document delimited by \`${this.pending[0]!.delimiter}'`)
      return { type: 'eof', line }
    }
    const ch = src.peek()
    if (ch === '\n') {
      src.next()
      this.readHeredocBodies()
      return { type: 'newline', line }
    }
    const io = /^[0-9]+(?=[<>])/.exec(src.text.slice(src.pos, src.pos + 12))
    if (io) {
      src.pos += io[0].length
      const op = this.readOperator()!
      return { type: 'op', op, fd: Number(io[0]), line }
    }
    const op = this.readOperator()
    if (op) return { type: 'op', op, line }
    const start = src.pos
    const word = readWord(src)
    return { type: 'word', word, text: src.text.slice(start, src.pos), line }
  }

  private readOperator(): string | undefined {
    const op = OPERATORS.find((o) => this.src.startsWith(o))
    if (op) this.src.pos += op.length
    return op
  }

  /** Blanks, line continuations and comments (a `#` that starts a word). */
  private skipBlanks(): void {
    const src = this.src
    for (;;) {
      src.skipContinuations()
      const ch = src.peek()
      if (ch === ' ' || ch === '\t') src.next()
      else if (ch === '#') {
        while (!src.eof && src.peek() !== '\n') src.next()
      } else return
    }
  }

  private readHeredocBodies(): void {
    const src = this.src
    for (const doc of this.pending.splice(0)) {
      let body = ''
      for (;;) {
        if (src.eof) throw incomplete(`here-document delimited by \`${doc.delimiter}'`)
        const nl = src.text.indexOf('\n', src.pos)
        if (nl < 0) throw incomplete(`here-document delimited by \`${doc.delimiter}'`)
        let lineText = src.text.slice(src.pos, nl)
        while (src.pos <= nl) src.next()
        if (doc.stripTabs) lineText = lineText.replace(/^\t+/, '')
        if (lineText === doc.delimiter) break
        body += lineText + '\n'
      }
      if (doc.quoted) doc.redirect.heredoc = { parts: [{ kind: 'sq', text: body }] }
      else {
        const inner = new Source(body, src.parseSubstitution)
        doc.redirect.heredoc = { parts: [{ kind: 'dq', parts: readDoubleQuoted(inner, '') }] }
      }
    }
  }
}

export function describeToken(tok: Token): string {
  if (tok.type === 'word') return tok.text
  if (tok.type === 'op') return tok.op
  if (tok.type === 'newline') return 'newline'
  return 'EOF'
}

export function unexpected(tok: Token): ParseError {
  if (tok.type === 'eof') return incomplete('the end of the command')
  const t = describeToken(tok)
  const e = new ParseError(`syntax error near unexpected token \`${t}'`, false, t)
  e.line = tok.line
  return e
}
