/**
 * Simple commands (XCU 2.9.1): expand the words, perform the assignments and
 * redirections, then run a function, a builtin or an executable found on
 * PATH. Exit statuses as sh defines them: 127 not found, 126 not
 * executable, 128+n for a signal, 1 for a failed redirection or expansion.
 */
import { FsError } from '../kernel/fs/fs'
import { NULL_INPUT, type InputStream, type OutputStream } from '../kernel/proc/streams'
import { plainText, type Redirect, type SimpleCommand } from './ast'
import { parse } from './parser'
import { BUILTINS, SPECIAL_BUILTINS } from './builtins'
import { CommandInterrupt, ReturnSignal, ShellExit } from './control'
import { ExpansionError, expandString, expandWords } from './expand'
import { applyRedirect, RedirectError, type Fds, type Stream } from './io'
import type { ShellApi as Shell } from './api'
import { startChild, waitForeground } from './jobs'
import { isExecFailure } from './runtime'
import type { Command } from './ast'

const DEV_NULL: InputStream & OutputStream = { read: () => Promise.resolve(null), write: () => {} }

/** Expands and applies redirections; prints the error and returns undefined if one fails. */
export async function applyRedirects(sh: Shell, redirs: Redirect[], fds: Fds): Promise<Fds | undefined> {
  const ctx = sh.expansion(fds)
  const device = (path: string): Stream | undefined => {
    if (path === '/dev/null') return DEV_NULL
    if (path === '/dev/stdin') return fds.input(0)
    if (path === '/dev/stdout') return fds.output(1)
    if (path === '/dev/stderr') return fds.output(2)
    if (path === '/dev/tty') return sh.proc.tty ?? DEV_NULL
    return undefined
  }
  let out = fds
  for (const r of redirs) {
    try {
      const heredoc = r.heredoc ? await expandString(r.heredoc, ctx) : undefined
      const target = r.heredoc ? '' : await expandString(r.target, ctx)
      out = applyRedirect(out, r, target, { fs: sh.proc.sandbox.fs, cwd: sh.state.cwd, device }, heredoc)
    } catch (e) {
      if (!(e instanceof RedirectError || e instanceof ExpansionError)) throw e
      sh.error(e.message, fds)
      return undefined
    }
  }
  return out
}

/** Shell-quotes a word for `set -x` traces, as bash does. */
function traceQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

/**
 * Alias substitution (XCU 2.3.1) on the command word. Real shells do it
 * while reading; doing it here, on the parsed words, covers what aliases
 * are used for (`alias ll='ls -l'`): an alias whose text is one simple
 * command has its words put in front of the remaining ones.
 */
function expandAlias(sh: Shell, cmd: SimpleCommand): SimpleCommand {
  const seen = new Set<string>()
  for (;;) {
    const name = cmd.words[0] ? plainText(cmd.words[0]) : undefined
    const value = name !== undefined && !seen.has(name) ? sh.state.aliases.get(name) : undefined
    if (value === undefined) return cmd
    seen.add(name!)
    let node
    try {
      node = parse(value).items
    } catch {
      return cmd
    }
    const first = node.length === 1 && !node[0]!.async ? node[0]!.node : undefined
    if (first?.kind !== 'simple') return cmd
    cmd = { ...cmd, assigns: [...cmd.assigns, ...first.assigns], words: [...first.words, ...cmd.words.slice(1)], redirs: [...first.redirs, ...cmd.redirs] }
  }
}

export async function runSimple(sh: Shell, cmd: SimpleCommand, fds: Fds): Promise<number> {
  if (sh.state.options.expandAliases && sh.state.aliases.size > 0) cmd = expandAlias(sh, cmd)
  sh.currentLine = cmd.line
  const state = sh.state
  const ctx = sh.expansion(fds)
  sh.substStatus = 0
  let argv: string[]
  const assigns: [string, string][] = []
  try {
    argv = await expandWords(cmd.words, ctx)
    for (const a of cmd.assigns) assigns.push([a.name, await expandString(a.value, ctx)])
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e
    const ash = sh.config.flavor.kind === 'ash'
    sh.error(ash ? e.ash : e.message, fds)
    // An expansion error ends a non-interactive shell (XCU 2.8.1): bash exits 1 (arithmetic) or 127, ash 2.
    if (!sh.interactive) throw new ShellExit(ash ? 2 : e.kind === 'arith' ? 1 : 127)
    return 1
  }
  const rfds = await applyRedirects(sh, cmd.redirs, fds)
  if (!rfds) {
    sh.checkErrexit(1)
    return 1
  }
  if (state.options.xtrace) {
    const trace = [...assigns.map(([n, v]) => `${n}=${traceQuote(v)}`), ...argv.map(traceQuote)].join(' ')
    rfds.output(2).write(`${state.get('PS4') ?? '+ '}${trace}\n`)
  }
  if (argv.length === 0) {
    for (const [name, value] of assigns) {
      if (!state.set(name, value)) {
        const ash = sh.config.flavor.kind === 'ash'
        sh.error(ash ? `${name}: is read only` : `${name}: readonly variable`, rfds)
        // An assignment error ends a non-interactive shell (XCU 2.8.1).
        if (!sh.interactive) throw new ShellExit(ash ? 2 : 1)
        return 1
      }
    }
    return sh.substStatus
  }
  const status = await runCommand(sh, argv, assigns, rfds)
  sh.checkErrexit(status)
  return status
}

/** Runs argv as a function, builtin or external command; `command` uses it with functions skipped. */
export async function runCommand(sh: Shell, argv: string[], assigns: [string, string][], fds: Fds, skipFunctions = false): Promise<number> {
  const state = sh.state
  const name = argv[0]!
  const fn = skipFunctions ? undefined : state.functions.get(name)
  const builtin = BUILTINS[name]
  if (fn || builtin) {
    // Assignments before a special builtin stay; before others they last for the command only.
    const keep = builtin !== undefined && SPECIAL_BUILTINS.has(name) && !fn
    const saved = assigns.map(([n]) => [n, state.vars.get(n)] as const)
    for (const [n, v] of assigns) state.set(n, v, keep ? undefined : true)
    try {
      return fn ? await callFunction(sh, fn, argv, fds) : await builtin!(sh, argv, fds)
    } catch (e) {
      // A builtin's write to a full file: bash's sh_wrerror, "bash: echo: write error: No space left on device".
      if (!fn && e instanceof FsError && e.code === 'ENOSPC') {
        try {
          sh.error(`${name}: write error: ${e.message}`, fds)
        } catch {
          /* stderr is the full file too */
        }
        return 1
      }
      throw e
    } finally {
      if (!keep)
        for (const [n, old] of saved) {
          if (old) state.vars.set(n, old)
          else state.vars.delete(n)
        }
    }
  }
  return runExternal(sh, argv, { ...state.environ(), ...Object.fromEntries(assigns) }, fds)
}

export async function callFunction(sh: Shell, body: Command, argv: string[], fds: Fds): Promise<number> {
  const state = sh.state
  const saved = state.positional
  state.positional = argv.slice(1)
  state.localFrames.push(new Map())
  try {
    return await sh.run(body, fds)
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status
    throw e
  } finally {
    state.popLocals()
    state.positional = saved
  }
}

async function runExternal(sh: Shell, argv: string[], env: Record<string, string>, fds: Fds): Promise<number> {
  const r = startChild(sh, fds, () =>
    sh.ctx.spawn(argv, {
      stdin: fds.input(0) ?? NULL_INPUT,
      stdout: fds.output(1),
      stderr: fds.output(2),
      env,
      cwd: sh.state.cwd,
      newGroup: sh.config.jobControl,
    }),
  )
  const child = r instanceof Promise ? (await r).child : r.child
  if (isExecFailure(child)) {
    sh.error(sh.config.flavor.execFailure(argv[0]!, child.error), fds)
    return child.error === 'not-found' ? 127 : 126
  }
  const [status] = await waitForeground(sh, [child], child.pgid)
  if (sh.interrupted) throw new CommandInterrupt()
  return status!
}
