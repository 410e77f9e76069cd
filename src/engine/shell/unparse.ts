/**
 * Turns a command back into text, as bash does for `jobs` and `type` of a
 * function. Close to what was typed; spacing is normalised.
 */
import type { Command, List, Redirect, Word, WordPart } from './ast'

export function unparseWord(word: Word): string {
  return word.parts.map(unparsePart).join('')
}

function unparsePart(p: WordPart): string {
  switch (p.kind) {
    case 'lit':
      return p.text
    case 'sq':
      return /^[\w./:=@%+,-]*$/.test(p.text) && p.text !== '' ? p.text.replace(/^/, '') : `'${p.text.replace(/'/g, `'\\''`)}'`
    case 'dq':
      return `"${p.parts.map(unparsePart).join('')}"`
    case 'param':
      if (p.op === 'len') return `\${#${p.name}}`
      if (p.op) return `\${${p.name}${p.op}${p.arg ? unparseWord(p.arg) : ''}}`
      return /^[A-Za-z_]\w*$/.test(p.name) ? `$${p.name}` : `\${${p.name}}`
    case 'cmd':
      return `$(${unparseList(p.body)})`
    case 'arith':
      return `$((${unparseWord(p.expr)}))`
  }
}

function unparseRedirect(r: Redirect): string {
  return `${r.fd ?? ''}${r.op} ${unparseWord(r.target)}`
}

export function unparseList(list: List): string {
  return list.items.map((i) => unparse(i.node) + (i.async ? ' &' : '')).join('; ')
}

export function unparse(cmd: Command): string {
  switch (cmd.kind) {
    case 'simple':
      return [...cmd.assigns.map((a) => `${a.name}=${unparseWord(a.value)}`), ...cmd.words.map(unparseWord), ...cmd.redirs.map(unparseRedirect)].join(' ')
    case 'pipeline':
      return (cmd.negate ? '! ' : '') + cmd.commands.map(unparse).join(' | ')
    case 'andor':
      return [unparse(cmd.first), ...cmd.rest.map((r) => `${r.op} ${unparse(r.node)}`)].join(' ')
    case 'list':
      return unparseList(cmd)
    case 'if': {
      const parts = cmd.clauses.map((c, i) => `${i === 0 ? 'if' : 'elif'} ${unparseList(c.cond)}; then ${unparseList(c.body)};`)
      return `${parts.join(' ')}${cmd.otherwise ? ` else ${unparseList(cmd.otherwise)};` : ''} fi`
    }
    case 'for':
      return `for ${cmd.name}${cmd.items ? ` in ${cmd.items.map(unparseWord).join(' ')}` : ''}; do ${unparseList(cmd.body)}; done`
    case 'while':
    case 'until':
      return `${cmd.kind} ${unparseList(cmd.cond)}; do ${unparseList(cmd.body)}; done`
    case 'case':
      return `case ${unparseWord(cmd.word)} in ${cmd.arms.map((a) => `${a.patterns.map(unparseWord).join('|')}) ${unparseList(a.body)};;`).join(' ')} esac`
    case 'group':
      return `{ ${unparseList(cmd.body)}; }`
    case 'subshell':
      return `( ${unparseList(cmd.body)} )`
    case 'function':
      return `${cmd.name} () ${unparse(cmd.body)}`
    case 'redirected':
      return `${unparse(cmd.body)} ${cmd.redirs.map(unparseRedirect).join(' ')}`
  }
}
