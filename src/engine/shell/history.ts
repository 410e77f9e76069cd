/**
 * bash's history expansion (bash(1), HISTORY EXPANSION), applied to each
 * line an interactive bash reads before it is parsed: `!!` the previous
 * command, `!n` entry n, `!-n` n back, `!string` the latest entry starting
 * with string, `!$` and `!*` the previous command's last word and
 * arguments. `!` inside single quotes, after a backslash, or followed by a
 * blank, `=`, `(` or the end of the line is literal. BusyBox ash has none
 * of this.
 */

export type HistoryExpansion = { text: string; changed: boolean } | { error: string }

const words = (cmd: string): string[] => cmd.trim().split(/\s+/)

export function expandHistory(line: string, history: readonly string[]): HistoryExpansion {
  if (!line.includes('!')) return { text: line, changed: false }
  let out = ''
  let changed = false
  let quote: string | undefined
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quote === "'") {
      if (ch === "'") quote = undefined
      out += ch
      continue
    }
    if (ch === '\\' && i + 1 < line.length) {
      out += ch + line[++i]!
      continue
    }
    if (ch === "'" && !quote) quote = "'"
    else if (ch === '"') quote = quote === '"' ? undefined : '"'
    if (ch !== '!') {
      out += ch
      continue
    }
    const rest = line.slice(i + 1)
    if (rest === '' || /^[\s=(]/.test(rest) || (quote === '"' && rest.startsWith('"'))) {
      out += ch
      continue
    }
    const m = /^(!|-?[0-9]+|\$|\*|[^\s!$*"';|&<>()]+)/.exec(rest)
    if (!m) {
      out += ch
      continue
    }
    const spec = m[1]!
    const last = history.at(-1)
    let text: string | undefined
    if (spec === '!') text = last
    else if (spec === '$') text = last === undefined ? undefined : words(last).at(-1)
    else if (spec === '*') text = last === undefined ? undefined : words(last).slice(1).join(' ')
    else if (/^-?[0-9]+$/.test(spec)) {
      const n = Number(spec)
      text = n < 0 ? history.at(n) : n > 0 ? history[n - 1] : undefined
    } else text = [...history].reverse().find((h) => h.startsWith(spec))
    if (text === undefined) return { error: `!${spec}: event not found` }
    out += text
    changed = true
    i += spec.length
  }
  return { text: out, changed }
}

/**
 * The history entry for a command typed over several lines. bash (cmdhist)
 * saves it as one entry, joining the lines with "; " or, after a keyword
 * or operator that needs no separator, a space; here-documents keep their
 * newlines.
 */
export function historyEntry(lines: readonly string[]): string {
  if (lines.some((l) => /<<-?\s*['"]?\w/.test(l))) return lines.join('\n')
  let out = lines[0] ?? ''
  for (const line of lines.slice(1)) {
    if (out.endsWith('\\')) out = out.slice(0, -1) + line
    else if (/(^|\s)(do|then|else|in|\{)$|[|&(;]$/.test(out.trimEnd()) || out.trim() === '') out += ' ' + line.trimStart()
    else out += '; ' + line.trimStart()
  }
  return out
}
