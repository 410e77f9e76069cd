import { describe, expect, it } from 'vitest'
import { parse } from './parser'
import { ParseError } from './source'
import type { SimpleCommand } from './ast'

const first = (text: string) => parse(text).items[0]!.node

function error(text: string): ParseError {
  try {
    parse(text)
  } catch (e) {
    if (e instanceof ParseError) return e
    throw e
  }
  throw new Error(`parsed: ${text}`)
}

describe('parser', () => {
  it('keeps quoting structure in words', () => {
    const cmd = first(`echo 'a b'"$x"\\ c`) as SimpleCommand
    expect(cmd.words[1]!.parts).toEqual([
      { kind: 'sq', text: 'a b' },
      { kind: 'dq', parts: [{ kind: 'param', name: 'x' }] },
      { kind: 'sq', text: ' ' },
      { kind: 'lit', text: 'c' },
    ])
  })

  it('parses backticks and $( ) into command lists, nested', () => {
    const cmd = first('docker rm -f `docker ps -qa` $(echo $(id))') as SimpleCommand
    expect(cmd.words[3]!.parts[0]!.kind).toBe('cmd')
    const inner = cmd.words[4]!.parts[0]
    expect(inner?.kind === 'cmd' && (inner.body.items[0]!.node as SimpleCommand).words[1]!.parts[0]!.kind).toBe('cmd')
  })

  it('separates assignments, words and redirections', () => {
    const cmd = first('A=1 B="x y" cmd arg 2>&1 >out <<EOF\nbody $A\nEOF\n') as SimpleCommand
    expect(cmd.assigns.map((a) => a.name)).toEqual(['A', 'B'])
    expect(cmd.words).toHaveLength(2)
    expect(cmd.redirs.map((r) => [r.fd, r.op])).toEqual([[2, '>&'], [undefined, '>'], [undefined, '<<']])
    expect(cmd.redirs[2]!.heredoc).toEqual({ parts: [{ kind: 'dq', parts: [{ kind: 'lit', text: 'body ' }, { kind: 'param', name: 'A' }, { kind: 'lit', text: '\n' }] }] })
  })

  it('builds and-or lists, pipelines and background items', () => {
    const list = parse('a | b && ! c || d & e')
    expect(list.items.map((i) => [i.node.kind, i.async])).toEqual([['andor', true], ['simple', false]])
  })

  it('recognises reserved words only in command position', () => {
    const cmd = first('echo if then fi') as SimpleCommand
    expect(cmd.words).toHaveLength(4)
    expect(first('if a; then b; elif c; then d; else e; fi').kind).toBe('if')
    expect(first('case x in (a|b) y;; *) z; esac').kind).toBe('case')
    expect(first('f() { :; }').kind).toBe('function')
    expect(first('function g { :; }').kind).toBe('function')
    expect(first('while a; do b; done > out').kind).toBe('redirected')
  })

  it('joins continued lines (the T25 loop header)', () => {
    const loop = first('for port in $(seq 1 6); \\\ndo \\\necho ${port}\ndone')
    expect(loop.kind).toBe('for')
  })

  it('detects incomplete input', () => {
    for (const text of ['echo "ab', "echo 'x", 'echo `date', 'echo $(ls', 'a |', 'a &&', 'echo \\\n', 'for x in 1; do', 'if true; then', 'cat <<EOF\nline\n', '{ echo', 'case x in', 'f() {'])
      expect(error(text).incomplete, text).toBe(true)
  })

  it('reports syntax errors with the offending token', () => {
    for (const [text, token] of [['fi', 'fi'], ['echo )', ')'], ['if true; then fi', 'fi'], ['a && ;', ';'], ['do', 'do']] as const) {
      const e = error(text)
      expect(e.incomplete, text).toBe(false)
      expect(e.token, text).toBe(token)
    }
  })
})
