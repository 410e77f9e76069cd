/**
 * The compound commands of XCU 2.9.4: if, for, case and the do-group of the
 * loops, parsed on the Parser's token stream (parser.ts keeps lists,
 * pipelines, simple commands and redirections).
 */
import type { CaseArm, Command, List, Word } from './ast'
import { unexpected, type Token } from './lexer'
import { incomplete, type ParseError } from './source'

/** What these functions need of the parser. */
export interface ParserApi {
  peek(): Token
  take(): Token
  isOp(op: string): boolean
  isWord(text: string): boolean
  skipNewlines(): void
  expectOp(op: string): void
  expectWord(text: string): void
  parseList(ends: string[]): List
  parseBody(ends: string[]): List
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function unexpectedOrIncomplete(tok: Token, wanted: string): ParseError {
  return tok.type === 'eof' ? incomplete(wanted) : unexpected(tok)
}

export function parseIf(p: ParserApi): Command {
  p.take()
  const clauses: { cond: List; body: List }[] = []
  let otherwise: List | undefined
  const cond = p.parseBody(['then'])
  p.expectWord('then')
  clauses.push({ cond, body: p.parseBody(['elif', 'else', 'fi']) })
  for (;;) {
    if (p.isWord('elif')) {
      p.take()
      const c = p.parseBody(['then'])
      p.expectWord('then')
      clauses.push({ cond: c, body: p.parseBody(['elif', 'else', 'fi']) })
    } else if (p.isWord('else')) {
      p.take()
      otherwise = p.parseBody(['fi'])
    } else break
  }
  p.expectWord('fi')
  return otherwise ? { kind: 'if', clauses, otherwise } : { kind: 'if', clauses }
}

export function parseDoGroup(p: ParserApi): List {
  p.expectWord('do')
  const body = p.parseBody(['done'])
  p.expectWord('done')
  return body
}

export function parseFor(p: ParserApi): Command {
  p.take()
  const name = p.take()
  if (name.type !== 'word' || !NAME.test(name.text)) throw unexpectedOrIncomplete(name, 'a name')
  p.skipNewlines()
  let items: Word[] | undefined
  if (p.isWord('in')) {
    p.take()
    items = []
    for (let t = p.peek(); t.type === 'word'; t = p.peek()) items.push((p.take() as { word: Word }).word)
    const sep = p.peek()
    if (sep.type === 'op' && sep.op === ';') p.take()
    else if (sep.type !== 'newline') throw unexpectedOrIncomplete(sep, '`do\'')
    p.skipNewlines()
  } else if (p.isOp(';')) {
    p.take()
    p.skipNewlines()
  }
  const body = parseDoGroup(p)
  return items ? { kind: 'for', name: name.text, items, body } : { kind: 'for', name: name.text, body }
}

export function parseCase(p: ParserApi): Command {
  p.take()
  const subject = p.take()
  if (subject.type !== 'word') throw unexpectedOrIncomplete(subject, 'a word')
  p.skipNewlines()
  p.expectWord('in')
  const arms: CaseArm[] = []
  for (;;) {
    p.skipNewlines()
    if (p.isWord('esac')) break
    if (p.isOp('(')) p.take()
    const patterns: Word[] = []
    for (;;) {
      const pat = p.take()
      if (pat.type !== 'word') throw unexpectedOrIncomplete(pat, '`)\'')
      patterns.push(pat.word)
      if (p.isOp('|')) p.take()
      else break
    }
    p.expectOp(')')
    const body = p.parseList(['esac', ';;'])
    arms.push({ patterns, body })
    if (p.isOp(';;')) p.take()
    else break
  }
  p.skipNewlines()
  p.expectWord('esac')
  return { kind: 'case', word: subject.word, arms }
}
