/**
 * The shell's syntax tree, following the grammar of POSIX.1-2017 XCU 2.10
 * ("Shell Grammar"). Words keep their quoting structure so the expander can
 * apply the rules of 2.6 (which parts are split, which are globbed) instead
 * of re-lexing text at run time.
 */

/** One piece of a word as written. */
export type WordPart =
  /** Unquoted text: subject to tilde expansion (at the start) and pathname expansion. */
  | { kind: 'lit'; text: string }
  /** '…' or a backslash-escaped character: taken literally. */
  | { kind: 'sq'; text: string }
  /** "…": expansions inside are not split or globbed. */
  | { kind: 'dq'; parts: WordPart[] }
  /** $name, ${name}, ${name op arg}; `op` is one of PARAM_OPS. */
  | { kind: 'param'; name: string; op?: ParamOp; arg?: Word }
  /** $(…) or `…`. */
  | { kind: 'cmd'; body: List }
  /** $((…)): the expression text is expanded (parameters, substitutions) before evaluation. */
  | { kind: 'arith'; expr: Word }

export type ParamOp = '-' | ':-' | '=' | ':=' | '+' | ':+' | '?' | ':?' | '#' | '##' | '%' | '%%' | 'len'

export interface Word {
  parts: WordPart[]
}

export interface Assignment {
  name: string
  value: Word
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-'

export interface Redirect {
  /** File descriptor being redirected; undefined = the operator's default (0 or 1). */
  fd?: number
  op: RedirOp
  /** The file name, fd number or here-document delimiter. */
  target: Word
  /** Here-documents: the body, with expansions unless the delimiter was quoted. */
  heredoc?: Word
}

export interface SimpleCommand {
  kind: 'simple'
  assigns: Assignment[]
  words: Word[]
  redirs: Redirect[]
  /** Line number of the command's first word (for "line N:" in messages and $LINENO). */
  line: number
}

export interface Pipeline {
  kind: 'pipeline'
  negate: boolean
  commands: Command[]
}

export interface AndOr {
  kind: 'andor'
  first: Command
  rest: { op: '&&' | '||'; node: Command }[]
}

export interface ListItem {
  node: Command
  /** Terminated by `&`: run without waiting. */
  async: boolean
}

export interface List {
  kind: 'list'
  items: ListItem[]
}

export interface IfClause {
  kind: 'if'
  clauses: { cond: List; body: List }[]
  otherwise?: List
}

export interface ForClause {
  kind: 'for'
  name: string
  /** Absent: iterate over "$@". */
  items?: Word[]
  body: List
}

export interface LoopClause {
  kind: 'while' | 'until'
  cond: List
  body: List
}

export interface CaseArm {
  patterns: Word[]
  body: List
}

export interface CaseClause {
  kind: 'case'
  word: Word
  arms: CaseArm[]
}

export interface Group {
  kind: 'group' | 'subshell'
  body: List
}

export interface FunctionDef {
  kind: 'function'
  name: string
  body: Command
}

/** A compound command followed by redirections: `{ …; } > file`, `done < input`. */
export interface Redirected {
  kind: 'redirected'
  body: Command
  redirs: Redirect[]
}

export type Command = SimpleCommand | Pipeline | AndOr | List | IfClause | ForClause | LoopClause | CaseClause | Group | FunctionDef | Redirected

/** Convenience: a word made of one unquoted literal. */
export function litWord(text: string): Word {
  return { parts: [{ kind: 'lit', text }] }
}

/** The word's text if it is a single unquoted literal (reserved words, names). */
export function plainText(word: Word): string | undefined {
  if (word.parts.length !== 1) return undefined
  const p = word.parts[0]!
  return p.kind === 'lit' ? p.text : undefined
}
