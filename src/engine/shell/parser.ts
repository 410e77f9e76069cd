/**
 * Recursive-descent parser for the POSIX shell grammar (XCU 2.10.2), with
 * bash's `function name { … }` and `&>`. Reserved words are recognised
 * only in command position (2.4). Running out of input where the grammar
 * needs more throws a ParseError with `incomplete` set, which is how the
 * interactive shell knows to print PS2.
 */
import { plainText, type Assignment, type Command, type List, type ListItem, type Redirect, type RedirOp, type SimpleCommand, type Word } from './ast'
import { Lexer, unexpected, type Token } from './lexer'
import { Source, incomplete } from './source'
import { parseCase, parseDoGroup, parseFor, parseIf, unexpectedOrIncomplete, type ParserApi } from './parser-compound'

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in', 'function'])
const REDIR_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-'])
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Parses a whole script. */
export function parse(text: string): List {
  const parser = new Parser(new Source(text, parseSubstitution))
  return parser.parseProgram()
}

/** Parses one complete command (a line's worth) at a time, as sh executes a script. */
export class ScriptParser {
  private parser: Parser
  constructor(text: string) {
    this.parser = new Parser(new Source(text, parseSubstitution))
  }
  /** The next complete command, or null at the end of the script. */
  next(): List | null {
    return this.parser.parseCompleteCommand()
  }
}

/** $(…): parse a list in place up to the closing parenthesis. */
function parseSubstitution(src: Source): List {
  const parser = new Parser(src)
  const body = parser.parseList([')'])
  parser.expectOp(')')
  return body
}

const wordText = (tok: Token): string | undefined => (tok.type === 'word' ? plainText(tok.word) : undefined)

class Parser implements ParserApi {
  private lexer: Lexer
  private lookahead: Token | undefined

  constructor(src: Source) {
    this.lexer = new Lexer(src)
  }

  peek(): Token {
    return (this.lookahead ??= this.lexer.next())
  }

  take(): Token {
    const tok = this.peek()
    this.lookahead = undefined
    return tok
  }

  isOp(op: string): boolean {
    const t = this.peek()
    return t.type === 'op' && t.op === op && t.fd === undefined
  }

  isWord(text: string): boolean {
    return wordText(this.peek()) === text
  }

  skipNewlines(): void {
    while (this.peek().type === 'newline') this.take()
  }

  expectOp(op: string): void {
    if (!this.isOp(op)) throw unexpectedOrIncomplete(this.peek(), `\`${op}'`)
    this.take()
  }

  expectWord(text: string): void {
    if (!this.isWord(text)) throw unexpectedOrIncomplete(this.peek(), `\`${text}'`)
    this.take()
  }

  parseProgram(): List {
    const list = this.parseList([])
    const tok = this.peek()
    if (tok.type !== 'eof') throw unexpected(tok)
    return list
  }

  parseCompleteCommand(): List | null {
    this.skipNewlines()
    if (this.peek().type === 'eof') return null
    const items: ListItem[] = []
    for (;;) {
      const node = this.parseAndOr()
      const tok = this.peek()
      const async = tok.type === 'op' && tok.op === '&'
      items.push({ node, async })
      if (tok.type === 'op' && (tok.op === ';' || tok.op === '&')) {
        this.take()
        const after = this.peek()
        if (after.type === 'newline' || after.type === 'eof') break
        continue
      }
      if (tok.type === 'newline' || tok.type === 'eof') break
      throw unexpected(tok)
    }
    return { kind: 'list', items }
  }

  /** compound_list: and-or lists separated by ; & or newlines, up to one of `ends`. */
  parseList(ends: string[]): List {
    const items: ListItem[] = []
    for (;;) {
      this.skipNewlines()
      const tok = this.peek()
      if (tok.type === 'eof') {
        if (ends.length > 0) throw incomplete(`\`${ends[0]}'`)
        break
      }
      if (ends.includes(wordText(tok) ?? '') || (tok.type === 'op' && tok.fd === undefined && ends.includes(tok.op))) break
      const node = this.parseAndOr()
      const sep = this.peek()
      if (sep.type === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.take()
        items.push({ node, async: sep.op === '&' })
      } else {
        items.push({ node, async: false })
        if (sep.type !== 'newline') break
      }
    }
    return { kind: 'list', items }
  }

  /** A list that must not be empty (`then` right after `if` is a syntax error). */
  parseBody(ends: string[]): List {
    const list = this.parseList(ends)
    if (list.items.length === 0) throw unexpected(this.peek())
    return list
  }

  private parseAndOr(): Command {
    const first = this.parsePipeline()
    const rest: { op: '&&' | '||'; node: Command }[] = []
    for (;;) {
      const tok = this.peek()
      if (tok.type !== 'op' || (tok.op !== '&&' && tok.op !== '||')) break
      this.take()
      this.skipNewlines()
      rest.push({ op: tok.op, node: this.parsePipeline() })
    }
    return rest.length === 0 ? first : { kind: 'andor', first, rest }
  }

  private parsePipeline(): Command {
    let negate = false
    if (this.isWord('!')) {
      this.take()
      negate = true
    }
    const commands = [this.parseCommand()]
    while (this.isOp('|')) {
      this.take()
      this.skipNewlines()
      commands.push(this.parseCommand())
    }
    return commands.length === 1 && !negate ? commands[0]! : { kind: 'pipeline', negate, commands }
  }

  private parseCommand(): Command {
    const tok = this.peek()
    const word = wordText(tok)
    let compound: Command | undefined
    if (tok.type === 'op' && tok.op === '(' && tok.fd === undefined) {
      this.take()
      const body = this.parseBody([')'])
      this.expectOp(')')
      compound = { kind: 'subshell', body }
    } else if (word === '{') {
      this.take()
      const body = this.parseBody(['}'])
      this.expectWord('}')
      compound = { kind: 'group', body }
    } else if (word === 'if') compound = parseIf(this)
    else if (word === 'while' || word === 'until') {
      this.take()
      const cond = this.parseBody(['do'])
      compound = { kind: word, cond, body: parseDoGroup(this) }
    } else if (word === 'for') compound = parseFor(this)
    else if (word === 'case') compound = parseCase(this)
    else if (word === 'function') {
      this.take()
      const name = this.take()
      if (name.type !== 'word' || !NAME.test(name.text)) throw unexpected(name)
      if (this.isOp('(')) {
        this.take()
        this.expectOp(')')
      }
      this.skipNewlines()
      return { kind: 'function', name: name.text, body: this.parseCommand() }
    } else if (word !== undefined && RESERVED.has(word) && word !== '!' && word !== 'in') throw unexpected(tok)
    if (compound) {
      const redirs = this.parseRedirects()
      return redirs.length ? { kind: 'redirected', body: compound, redirs } : compound
    }
    return this.parseSimple()
  }

  private parseRedirects(): Redirect[] {
    const redirs: Redirect[] = []
    for (let t = this.peek(); t.type === 'op' && REDIR_OPS.has(t.op); t = this.peek()) redirs.push(this.parseRedirect())
    return redirs
  }

  private parseRedirect(): Redirect {
    const tok = this.take() as Extract<Token, { type: 'op' }>
    const target = this.take()
    if (target.type !== 'word') throw unexpectedOrIncomplete(target, 'a file name')
    const redirect: Redirect = { op: tok.op as RedirOp, target: target.word }
    if (tok.fd !== undefined) redirect.fd = tok.fd
    if (tok.op === '<<' || tok.op === '<<-') this.lexer.addHeredoc(redirect, target.word, tok.op === '<<-')
    return redirect
  }

  private parseSimple(): Command {
    const cmd: SimpleCommand = { kind: 'simple', assigns: [], words: [], redirs: [], line: this.peek().line }
    for (;;) {
      const tok = this.peek()
      if (tok.type === 'op' && REDIR_OPS.has(tok.op)) {
        cmd.redirs.push(this.parseRedirect())
        continue
      }
      if (tok.type !== 'word') break
      this.take()
      if (cmd.words.length === 0) {
        const assign = asAssignment(tok.word)
        if (assign) {
          cmd.assigns.push(assign)
          continue
        }
      }
      cmd.words.push(tok.word)
      if (cmd.words.length === 1 && cmd.assigns.length === 0 && cmd.redirs.length === 0 && this.isOp('(')) {
        // name ( ) compound-command: a function definition (XCU 2.9.5).
        this.take()
        this.expectOp(')')
        this.skipNewlines()
        if (!NAME.test(tok.text) && !/^[A-Za-z_][\w.-]*$/.test(tok.text)) throw unexpected(tok)
        return { kind: 'function', name: tok.text, body: this.parseCommand() }
      }
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) throw unexpected(this.peek())
    return cmd
  }

}


function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0]
  if (first?.kind !== 'lit') return undefined
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text)
  if (!m) return undefined
  const rest = first.text.slice(m[0].length)
  const parts = [...(rest ? [{ kind: 'lit' as const, text: rest }] : []), ...word.parts.slice(1)]
  return { name: m[1]!, value: { parts } }
}
