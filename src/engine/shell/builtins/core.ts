/**
 * Control builtins: :, true, false, exit, return, break, continue, eval,
 * . / source, exec (with no command: only its redirections), trap.
 */
import type { Fds } from '../io'
import type { ShellApi as Shell } from '../api'
import { BreakSignal, ContinueSignal, ReturnSignal, ShellExit } from '../control'
import { ParseError } from '../source'
import { parse } from '../parser'
import { resolvePath } from '../../kernel/fs/fs'
import type { Builtin } from '../api'
import { trapBuiltin } from '../traps'

function numericArg(sh: Shell, name: string, arg: string | undefined, fds: Fds): number | undefined {
  if (arg === undefined) return undefined
  if (/^-?[0-9]+$/.test(arg)) return Number(arg)
  sh.error(`${name}: ${arg}: numeric argument required`, fds)
  return NaN
}

/** Runs shell source text in this shell (eval, source). */
export async function runSource(sh: Shell, text: string, fds: Fds, name: string): Promise<number> {
  let list
  try {
    list = parse(text)
  } catch (e) {
    if (!(e instanceof ParseError)) throw e
    sh.error(`${name}: ${sh.config.flavor.syntaxError(e.incomplete ? undefined : e.token, e.message)}`, fds)
    return 2
  }
  return sh.runList(list, fds)
}

const loopControl =
  (kind: 'break' | 'continue'): Builtin =>
  (sh, argv, fds) => {
    const n = numericArg(sh, kind, argv[1], fds) ?? 1
    if (Number.isNaN(n)) return 1
    if (n < 1) {
      sh.error(`${kind}: ${argv[1]}: loop count out of range`, fds)
      return 1
    }
    if (sh.loopDepth === 0) {
      if (sh.config.flavor.kind === 'bash') sh.error(`${kind}: only meaningful in a \`for', \`while', or \`until' loop`, fds)
      return 0
    }
    const levels = Math.min(n, sh.loopDepth)
    throw kind === 'break' ? new BreakSignal(levels) : new ContinueSignal(levels)
  }

export const CORE_BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  exit: (sh, argv, fds) => {
    const n = numericArg(sh, 'exit', argv[1], fds)
    if (sh.interactive && sh.config.flavor.kind === 'bash') fds.output(2).write('exit\n')
    throw new ShellExit(n === undefined ? sh.state.lastStatus : Number.isNaN(n) ? 2 : n & 255)
  },
  return: (sh, argv, fds) => {
    const n = numericArg(sh, 'return', argv[1], fds)
    if (sh.state.localFrames.length === 0 && sh.sourceDepth === 0) {
      // ash treats a top-level return like exit; bash refuses with status 2 (a usage error).
      if (sh.config.flavor.kind === 'ash') throw new ShellExit(n === undefined ? sh.state.lastStatus : Number.isNaN(n) ? 2 : n & 255)
      sh.error("return: can only `return' from a function or sourced script", fds)
      return 2
    }
    throw new ReturnSignal(n === undefined ? sh.state.lastStatus : Number.isNaN(n) ? 2 : n & 255)
  },
  break: loopControl('break'),
  continue: loopControl('continue'),
  eval: (sh, argv, fds) => runSource(sh, argv.slice(1).join(' '), fds, 'eval'),
  '.': source,
  source,
  exec: (sh, argv, fds) => {
    if (argv.length > 1) {
      // Replacing the shell is not modelled: run the command and exit with its status.
      return sh.runCommand(argv.slice(1), [], fds, true).then((status) => {
        throw new ShellExit(status)
      })
    }
    return 0
  },
  trap: trapBuiltin,
  umask: (_sh, argv, fds) => {
    if (argv.length === 1) fds.output(1).write('0022\n')
    return 0
  },
  times: (_sh, _argv, fds) => {
    fds.output(1).write('0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n')
    return 0
  },
}

async function source(sh: Shell, argv: string[], fds: Fds): Promise<number> {
  const file = argv[1]
  if (file === undefined) {
    sh.error(`${argv[0]}: filename argument required`, fds)
    return 2
  }
  const fs = sh.proc.sandbox.fs
  let text: string
  try {
    const path = file.includes('/') ? resolvePath(sh.state.cwd, file) : findInPath(sh, file)
    text = fs.readFile(path)
  } catch (e) {
    sh.error(`${file}: ${e instanceof Error ? e.message : String(e)}`, fds)
    return 1
  }
  const saved = sh.state.positional
  if (argv.length > 2) sh.state.positional = argv.slice(2)
  sh.sourceDepth++
  try {
    return await runSource(sh, text, fds, file)
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status
    throw e
  } finally {
    sh.sourceDepth--
    if (argv.length > 2) sh.state.positional = saved
  }
}

function findInPath(sh: Shell, file: string): string {
  const fs = sh.proc.sandbox.fs
  for (const dir of (sh.state.get('PATH') ?? '').split(':').filter(Boolean)) {
    const p = resolvePath(sh.state.cwd, `${dir}/${file}`)
    if (fs.tryLookup(p)?.kind === 'file') return p
  }
  return resolvePath(sh.state.cwd, file)
}
