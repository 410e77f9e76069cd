/**
 * Prompt strings. bash decodes PS1's backslash escapes (bash(1),
 * PROMPTING) and then expands parameters and substitutions in the result;
 * BusyBox ash understands the same escapes. \u is the user, \h the host
 * name up to the first dot, \w the working directory with $HOME as ~, \$
 * is # for root. \[ \] (non-printing markers) are dropped.
 */
import { expandString } from './expand'
import type { Fds } from './io'
import type { Shell } from './interpreter'
import { readDoubleQuoted } from './word-reader'
import { Source } from './source'
import { parse } from './parser'

function parseSub(src: Source) {
  // Prompts with $(…) are parsed by the full parser on the enclosed text.
  const start = src.pos
  let depth = 1
  while (!src.eof && depth > 0) {
    const ch = src.next()
    if (ch === '(') depth++
    else if (ch === ')') depth--
  }
  return parse(src.text.slice(start, src.pos - 1))
}

export function decodePromptEscapes(sh: Shell, ps: string): string {
  const state = sh.state
  const home = state.get('HOME')
  const cwd = state.cwd
  const tilde = home && home !== '/' && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd
  const user = state.get('USER') ?? 'root'
  const hostname = sh.proc.sandbox.uts.hostname
  return ps.replace(/\\([uhHwW$nrae\\[\]sv])/g, (_, e: string) => {
    switch (e) {
      case 'u': return user
      case 'h': return hostname.split('.')[0]!
      case 'H': return hostname
      case 'w': return tilde
      case 'W': return cwd === home ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1)
      case '$': return user === 'root' ? '#' : '$'
      case 'n': return '\n'
      case 'r': return '\r'
      case 'a': return '\x07'
      case 'e': return '\x1b'
      case '\\': return '\\'
      case 's': return sh.config.flavor.kind === 'bash' ? 'bash' : 'sh'
      case 'v': return '5.1'
      default: return '' // \[ \]
    }
  })
}

export async function expandPrompt(sh: Shell, ps: string, fds: Fds): Promise<string> {
  const decoded = decodePromptEscapes(sh, ps)
  if (!decoded.includes('$') && !decoded.includes('`')) return decoded
  try {
    const word = { parts: readDoubleQuoted(new Source(decoded, parseSub), '') }
    return await expandString({ parts: [{ kind: 'dq', parts: word.parts }] }, sh.expansion(fds))
  } catch {
    return decoded
  }
}
