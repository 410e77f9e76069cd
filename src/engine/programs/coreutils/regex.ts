/**
 * POSIX regular expressions (XBD 9) as JavaScript RegExp sources. In a
 * basic RE (grep, sed) \( \) \{ \} \| \+ \? are the operators and ( ) { } |
 * + ? are literal; in an extended RE (grep -E, sed -E, awk) it is the other
 * way round. Bracket expressions may hold classes like [[:digit:]].
 */
const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
}

/** Copies a bracket expression starting at `i` ('['); returns the JS text and the index after ']'. */
function bracket(re: string, i: number): [string, number] {
  let out = '['
  let j = i + 1
  if (re[j] === '^') {
    out += '^'
    j++
  }
  if (re[j] === ']') {
    out += '\\]'
    j++
  }
  for (; j < re.length && re[j] !== ']'; j++) {
    const m = /^\[:([a-z]+):\]/.exec(re.slice(j))
    if (m && CLASSES[m[1]!] !== undefined) {
      out += CLASSES[m[1]!]
      j += m[0].length - 1
    } else out += re[j] === '\\' || re[j] === '[' ? '\\' + re[j] : re[j]
  }
  return [out + ']', j + 1]
}

export function posixToJs(re: string, extended: boolean): string {
  let out = ''
  for (let i = 0; i < re.length; ) {
    const ch = re[i]!
    if (ch === '[') {
      const [text, next] = bracket(re, i)
      out += text
      i = next
      continue
    }
    if (ch === '\\' && i + 1 < re.length) {
      const n = re[i + 1]!
      out += !extended && '(){}|+?'.includes(n) ? n : n === 'n' ? '\\n' : n === 't' ? '\\t' : /[A-Za-z0-9]/.test(n) && !/[wWsSbB1-9]/.test(n) ? n : '\\' + n
      i += 2
      continue
    }
    // A leading * is literal in a BRE (XBD 9.3.3).
    if (ch === '*' && !extended && (out === '' || out === '^')) out += '\\*'
    else out += !extended && '(){}|+?'.includes(ch) ? '\\' + ch : ch
    i++
  }
  return out
}

/** A RegExp for the pattern, or the error text when JavaScript rejects it. */
export function compile(re: string, extended: boolean, flags = ''): RegExp | string {
  try {
    return new RegExp(posixToJs(re, extended), flags)
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}
