/**
 * The two ways a shell reads commands. Interactively: print PS1, read a
 * line from the terminal, and while the input is incomplete print PS2 and
 * read more; ^C at the prompt discards the line. From a script (-c, a
 * file, a pipe): one complete command at a time, so a syntax error late in
 * the script does not stop the commands before it (as sh does).
 */
import { Interrupted } from '../kernel/proc/errors'
import type { List } from './ast'
import { CommandInterrupt, ReturnSignal, ShellExit } from './control'
import type { Shell } from './interpreter'
import { reportJobs } from './jobs'
import { parse, ScriptParser } from './parser'
import { expandPrompt } from './prompt'
import { ParseError } from './source'

function syntaxMessage(sh: Shell, e: ParseError): string {
  const f = sh.config.flavor
  if (e.incomplete) return f.kind === 'bash' ? `${e.message}\n${f.prefix(sh.config.name, sh.config.mode, sh.currentLine)}syntax error: unexpected end of file` : f.syntaxError(undefined, 'unexpected end of file')
  return f.syntaxError(e.token, e.message)
}

/** Runs a parsed list at the top level; returns the status, or a ShellExit to end the shell. */
async function runTop(sh: Shell, list: List): Promise<number | ShellExit> {
  try {
    return await sh.runList(list, sh.fds)
  } catch (e) {
    if (e instanceof ShellExit) return e
    if (e instanceof CommandInterrupt) return 130
    if (e instanceof ReturnSignal) return e.status
    if (e instanceof Interrupted) return 130
    throw e
  }
}

export async function runScript(sh: Shell, text: string): Promise<number> {
  const parser = new ScriptParser(text)
  for (;;) {
    let list: List | null
    try {
      list = parser.next()
    } catch (e) {
      if (!(e instanceof ParseError)) throw e
      sh.error(syntaxMessage(sh, e))
      return 2
    }
    if (!list) return sh.state.lastStatus
    const r = await runTop(sh, list)
    if (r instanceof ShellExit) return r.status
    sh.state.lastStatus = r
  }
}

export async function runInteractive(sh: Shell): Promise<number> {
  const proc = sh.proc
  const err = sh.fds.output(2)
  const stdin = sh.fds.input(0)
  // bash: an interactive shell catches SIGINT (to abandon the line) and ignores SIGTERM and SIGQUIT.
  proc.trap('SIGINT', () => (sh.interrupted = true))
  proc.trap('SIGTERM', 'ignore')
  proc.trap('SIGQUIT', 'ignore')
  let buffer = ''
  for (;;) {
    if (sh.config.jobControl && proc.tty) proc.tty.foregroundPgid = proc.pgid
    if (buffer === '') reportJobs(sh)
    sh.interrupted = false
    const ps = buffer === '' ? (sh.state.get('PS1') ?? '') : (sh.state.get('PS2') ?? '> ')
    err.write(await expandPrompt(sh, ps, sh.fds))
    let chunk: string | null
    try {
      chunk = await proc.read(stdin)
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e
      buffer = '' // ^C: the terminal already echoed "^C" and a newline
      sh.state.lastStatus = 130
      continue
    }
    if (chunk === null) {
      if (buffer !== '') {
        sh.error(syntaxMessage(sh, new ParseError('unexpected EOF', true)))
        buffer = ''
        continue
      }
      err.write(sh.config.flavor.eofMessage)
      return sh.state.lastStatus
    }
    buffer += chunk
    if (!buffer.endsWith('\n')) buffer += '\n'
    let list: List
    try {
      list = parse(buffer)
    } catch (e) {
      if (!(e instanceof ParseError)) throw e
      if (e.incomplete) continue
      sh.error(syntaxMessage(sh, e))
      sh.state.history.push(buffer.replace(/\n$/, ''))
      sh.state.lastStatus = 2
      buffer = ''
      continue
    }
    if (buffer.trim() !== '') sh.state.history.push(buffer.replace(/\n$/, ''))
    buffer = ''
    const r = await runTop(sh, list)
    proc.cwd = sh.state.cwd
    if (r instanceof ShellExit) return r.status
    sh.state.lastStatus = r
  }
}
