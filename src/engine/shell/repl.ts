/**
 * The two ways a shell reads commands. Interactively: print PS1, read a
 * line with the line editor (the terminal in raw mode), and while the input
 * is incomplete print PS2 and read more; ^C at the prompt discards the
 * line. Each command runs with the terminal back in canonical mode, so
 * programs get cooked input. From a script (-c, a file, a pipe): one
 * complete command at a time, so a syntax error late in the script does not
 * stop the commands before it (as sh does).
 */
import { FsError } from '../kernel/fs/fs'
import { Interrupted } from '../kernel/proc/errors'
import type { List } from './ast'
import { CommandAbort, CommandInterrupt, ReturnSignal, ShellExit } from './control'
import type { Shell } from './interpreter'
import { reportJobs } from './jobs'
import { parse, ScriptParser } from './parser'
import { expandPrompt } from './prompt'
import { ParseError } from './source'
import { expandHistory, historyEntry } from './history'
import { openReader } from './reader'
import { withExitTrap } from './traps'

/**
 * A syntax error as the shells print it. bash names the line in scripts
 * and -c strings ("bash: -c: line 1: …") and then quotes the offending
 * line; at the prompt it says only "bash: syntax error near …". An
 * unterminated quote is reported alone; other premature ends as
 * "syntax error: unexpected end of file". BusyBox ash: "sh: syntax error: …".
 */
function reportSyntax(sh: Shell, e: ParseError, text: string): void {
  const f = sh.config.flavor
  const err = sh.fds.output(2)
  const quoteEof = e.incomplete && e.message.includes('matching')
  if (f.kind === 'ash') {
    const what = quoteEof ? 'unterminated quoted string' : e.incomplete ? 'unexpected end of file' : e.token === 'newline' ? 'unexpected newline' : `unexpected "${e.token}"`
    err.write(`${sh.config.name}: syntax error: ${what}\n`)
    return
  }
  const lines = text.split('\n')
  const line = e.incomplete ? (quoteEof ? sh.currentLine || 1 : lines.length) : (e.line ?? 1)
  const prefix = sh.config.mode === 'interactive' ? `${sh.config.name}: ` : sh.config.mode === 'command' ? `${sh.config.name}: -c: line ${line}: ` : `${sh.config.name}: line ${line}: `
  err.write(`${prefix}${quoteEof ? e.message : e.incomplete ? 'syntax error: unexpected end of file' : e.message}\n`)
  if (!e.incomplete && sh.config.mode !== 'interactive') err.write(`${prefix}\`${lines[line - 1] ?? ''}'\n`)
}

/** Runs a parsed list at the top level; returns the status, or a ShellExit to end the shell. */
async function runTop(sh: Shell, list: List): Promise<number | ShellExit> {
  try {
    return await sh.runList(list, sh.fds)
  } catch (e) {
    if (e instanceof ShellExit) return e
    // The terminal echoed ^C without a newline (ECHOCTL); bash ends that line when a job dies of SIGINT.
    if (e instanceof CommandInterrupt || e instanceof Interrupted) {
      if (sh.interactive) sh.fds.output(2).write('\n')
      return 130
    }
    if (e instanceof ReturnSignal) return e.status
    if (e instanceof CommandAbort) return e.status
    // The shell's own message to a full file (`cmd 2>full`): it could not say it; the command failed.
    if (e instanceof FsError && e.code === 'ENOSPC') return 1
    throw e
  }
}

export function runScript(sh: Shell, text: string): Promise<number> {
  return withExitTrap(sh, () => runScriptBody(sh, text))
}

async function runScriptBody(sh: Shell, text: string): Promise<number> {
  const parser = new ScriptParser(text)
  for (;;) {
    let list: List | null
    try {
      list = parser.next()
    } catch (e) {
      if (!(e instanceof ParseError)) throw e
      reportSyntax(sh, e, text)
      return 2
    }
    if (!list) return sh.state.lastStatus
    const r = await runTop(sh, list)
    if (r instanceof ShellExit) return r.status
    sh.state.lastStatus = r
  }
}

export function runInteractive(sh: Shell): Promise<number> {
  return withExitTrap(sh, () => interactiveLoop(sh))
}

async function interactiveLoop(sh: Shell): Promise<number> {
  const proc = sh.proc
  const err = sh.fds.output(2)
  // bash: an interactive shell catches SIGINT (to abandon the line) and ignores SIGTERM and SIGQUIT.
  proc.trap('SIGINT', () => (sh.interrupted = true))
  proc.trap('SIGTERM', 'ignore')
  proc.trap('SIGQUIT', 'ignore')
  const reader = openReader(sh)
  const bash = sh.config.flavor.kind === 'bash'
  let lines: string[] = []
  for (;;) {
    if (sh.config.jobControl && proc.tty) proc.tty.foregroundPgid = proc.pgid
    if (lines.length === 0) reportJobs(sh)
    sh.interrupted = false
    const ps = lines.length === 0 ? (sh.state.get('PS1') ?? '') : (sh.state.get('PS2') ?? '> ')
    let got
    try {
      got = await reader.readLine(await expandPrompt(sh, ps, sh.fds))
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e
      got = { kind: 'interrupt' as const }
    }
    if (got.kind === 'interrupt') {
      lines = []
      sh.state.lastStatus = 130
      continue
    }
    if (got.kind === 'eof') {
      if (lines.length > 0) {
        reportSyntax(sh, new ParseError('unexpected EOF', true), lines.join('\n'))
        lines = []
        continue
      }
      err.write(sh.config.flavor.eofMessage)
      return sh.state.lastStatus
    }
    let line = got.text
    if (bash) {
      const h = expandHistory(line, sh.state.history)
      if ('error' in h) {
        sh.error(h.error)
        lines = []
        continue
      }
      // bash shows the command a history expansion produced before running it.
      if (h.changed) err.write(`${h.text}\n`)
      line = h.text
    }
    lines.push(line)
    let list: List
    try {
      list = parse(lines.join('\n') + '\n')
    } catch (e) {
      if (!(e instanceof ParseError)) throw e
      if (e.incomplete) continue
      reportSyntax(sh, e, lines.join('\n'))
      sh.state.history.push(historyEntry(lines))
      sh.state.lastStatus = 2
      lines = []
      continue
    }
    if (lines.join('').trim() !== '' && !(bash && /^\s/.test(lines[0]!) && sh.state.get('HISTCONTROL')?.includes('ignorespace'))) sh.state.history.push(historyEntry(lines))
    lines = []
    const r = await runTop(sh, list)
    proc.cwd = sh.state.cwd
    if (r instanceof ShellExit) return r.status
    sh.state.lastStatus = r
  }
}
