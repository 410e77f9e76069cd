/**
 * bash and sh (BusyBox ash): one interpreter (src/engine/shell), two
 * flavors. Invocation as the real shells take it:
 *   bash                 interactive when stdin is a terminal, else reads a script from stdin
 *   bash -c 'cmd' [name [args…]]
 *   bash file [args…]
 *   -i interactive, -l/--login (or argv[0] starting with '-') login shell,
 *   -e -x -u -f set the options of the same letters.
 * A login shell sources /etc/profile and ~/.profile; an interactive bash
 * that is not a login shell sources ~/.bashrc; each only if it exists.
 */
import { ASH, BASH, DASH, type Flavor } from '../../shell/flavor'
import { Fds, Shell, ShellState, type ShellMode } from '../../shell/interpreter'
import { runInteractive, runScript } from '../../shell/repl'
import { resolvePath } from '../../kernel/fs/fs'
import type { Program, ProgramContext } from '../../shell/runtime'
import { runSource } from '../../shell/builtins/core'
import { ShellExit } from '../../shell/control'

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

interface Invocation {
  mode: ShellMode
  command?: string
  file?: string
  args: string[]
  arg0: string
  login: boolean
  flags: string
}

function parseArgs(ctx: ProgramContext, flavor: Flavor): Invocation | string {
  const argv = ctx.argv
  const arg0 = argv[0] ?? (flavor.kind === 'bash' ? 'bash' : 'sh')
  let login = arg0.startsWith('-')
  let interactive = false
  let command: string | undefined
  let flags = ''
  let i = 1
  for (; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--login' || a === '-l') login = true
    else if (a === '--norc' || a === '--noprofile' || a === '--posix') continue
    else if (a === '--') {
      i++
      break
    } else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'c') command = ''
        else if (f === 'i') interactive = true
        else if (f === 'l') login = true
        else if (f === 's') continue
        else if ('exuf'.includes(f)) flags += f
        else return `${a}: invalid option`
      }
      if (command === '') {
        const c = argv[++i]
        if (c === undefined) return '-c: option requires an argument'
        command = c
        i++
        break
      }
    } else break
  }
  const rest = argv.slice(i)
  if (command !== undefined) return { mode: 'command', command, arg0: rest[0] ?? arg0.replace(/^-/, ''), args: rest.slice(1), login, flags }
  if (rest.length > 0 && !interactive) return { mode: 'script', file: rest[0]!, arg0: rest[0]!, args: rest.slice(1), login, flags }
  const tty = ctx.proc.stdin.tty !== undefined
  return { mode: tty || interactive ? 'interactive' : 'script', arg0, args: rest, login, flags }
}

async function sourceIfExists(sh: Shell, path: string): Promise<void> {
  const fs = sh.proc.sandbox.fs
  if (fs.tryLookup(path)?.kind !== 'file') return
  sh.sourceDepth++
  try {
    await runSource(sh, fs.readFile(path), sh.fds, path)
  } finally {
    sh.sourceDepth--
  }
}

function makeShellProgram(flavor: Flavor): Program {
  return async (ctx) => {
    const proc = ctx.proc
    const fds = Fds.of(proc.stdin, proc.stdout, proc.stderr)
    const shellName = (ctx.argv[0] ?? (flavor.kind === 'bash' ? 'bash' : 'sh')).replace(/^-/, '')
    const inv = parseArgs(ctx, flavor)
    if (typeof inv === 'string') {
      proc.err(`${shellName}: ${inv}\n`)
      return 2
    }
    const state = ShellState.fromEnv(proc.env, proc.cwd)
    state.arg0 = inv.arg0
    state.positional = inv.args
    if (state.get('PATH') === undefined) state.set('PATH', DEFAULT_PATH)
    state.set('PWD', proc.cwd, true)
    if (state.get('IFS') === undefined) state.set('IFS', ' \t\n')
    if (state.get('PS2') === undefined) state.set('PS2', '> ')
    if (state.get('PS4') === undefined) state.set('PS4', '+ ')
    if (inv.mode === 'interactive' && state.get('PS1') === undefined) state.set('PS1', flavor.defaultPs1)
    if (flavor.kind === 'bash') state.set('HOSTNAME', proc.sandbox.uts.hostname)
    state.set('SHLVL', String((Number(state.get('SHLVL')) || 0) + 1), true)
    state.pid = proc.pid
    const letters = { e: 'errexit', x: 'xtrace', u: 'nounset', f: 'noglob' } as const
    for (const f of inv.flags) state.options[letters[f as keyof typeof letters]] = true
    state.options.expandAliases = flavor.kind === 'ash' || inv.mode === 'interactive'
    const name = inv.mode === 'script' && inv.file ? inv.file : shellName
    const sh = new Shell(ctx, state, fds, { flavor, name, mode: inv.mode, jobControl: inv.mode === 'interactive' && proc.tty !== undefined })
    try {
      if (inv.login) {
        await sourceIfExists(sh, '/etc/profile')
        await sourceIfExists(sh, resolvePath('/', `${state.get('HOME') ?? '/root'}/.profile`))
      } else if (inv.mode === 'interactive' && flavor.kind === 'bash') {
        await sourceIfExists(sh, resolvePath('/', `${state.get('HOME') ?? '/root'}/.bashrc`))
      }
    } catch (e) {
      if (e instanceof ShellExit) return e.status
      throw e
    }
    if (inv.mode === 'interactive') return runInteractive(sh)
    if (inv.command !== undefined) return runScript(sh, inv.command)
    if (inv.file !== undefined) {
      let text: string
      try {
        text = proc.sandbox.fs.readFile(resolvePath(proc.cwd, inv.file))
      } catch (e) {
        proc.err(`${shellName}: ${inv.file}: ${e instanceof Error ? e.message : String(e)}\n`)
        return 127
      }
      return runScript(sh, text)
    }
    return runScript(sh, await proc.readAll())
  }
}

export const bashProgram: Program = makeShellProgram(BASH)
export const ashProgram: Program = makeShellProgram(ASH)
/** dash: Debian's and Ubuntu's /bin/sh (registry name `sh`). */
export const dashProgram: Program = makeShellProgram(DASH)
