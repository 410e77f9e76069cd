/**
 * Builtins that describe or manage the session: type, command, alias,
 * unalias, jobs, wait, history, hash.
 */
import type { Fds } from '../io'
import type { ShellApi as Shell } from '../api'
import { findExecutable, isExecFailure } from '../runtime'
import { unparse } from '../unparse'
import type { Builtin } from '../api'
import { shellQuote } from './vars'

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', '{', '}', '!', '[[', ']]'])

type Kind = { kind: 'alias'; value: string } | { kind: 'keyword' } | { kind: 'function' } | { kind: 'builtin' } | { kind: 'file'; path: string } | undefined

function classify(sh: Shell, name: string): Kind {
  const alias = sh.state.aliases.get(name)
  if (alias !== undefined) return { kind: 'alias', value: alias }
  if (KEYWORDS.has(name)) return { kind: 'keyword' }
  if (sh.state.functions.has(name)) return { kind: 'function' }
  if (sh.isBuiltin(name)) return { kind: 'builtin' }
  const found = findExecutable(sh.proc.sandbox, sh.state.cwd, name, sh.state.get('PATH') ?? '')
  return isExecFailure(found) ? undefined : { kind: 'file', path: found.path }
}

function typeBuiltin(sh: Shell, argv: string[], fds: Fds): number {
  let status = 0
  const out = fds.output(1)
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const k = classify(sh, name)
    if (!k) {
      if (sh.config.flavor.kind === 'bash') sh.error(`type: ${name}: not found`, fds)
      else out.write(`${name}: not found\n`)
      // BusyBox ash answers an unknown name with 127, as for a failed command.
      status = sh.config.flavor.kind === 'bash' ? 1 : 127
    } else if (k.kind === 'alias') out.write(`${name} is aliased to \`${k.value}'\n`)
    else if (k.kind === 'keyword') out.write(`${name} is a shell keyword\n`)
    else if (k.kind === 'function') out.write(`${name} is a function\n${name} () \n${unparse(sh.state.functions.get(name)!)}\n`)
    else if (k.kind === 'builtin') out.write(`${name} is a shell builtin\n`)
    else out.write(`${name} is ${k.path}\n`)
  }
  return status
}

async function commandBuiltin(sh: Shell, argv: string[], fds: Fds): Promise<number> {
  const args = argv.slice(1)
  if (args[0] === '-v' || args[0] === '-V') {
    if (args[0] === '-V') return typeBuiltin(sh, ['type', ...args.slice(1)], fds)
    let status = 0
    for (const name of args.slice(1)) {
      const k = classify(sh, name)
      if (!k) status = sh.config.flavor.kind === 'bash' ? 1 : 127
      else if (k.kind === 'alias') fds.output(1).write(`alias ${name}=${shellQuote(k.value)}\n`)
      else fds.output(1).write(`${k.kind === 'file' ? k.path : name}\n`)
    }
    return status
  }
  if (args[0] === '-p' || args[0] === '--') args.shift()
  if (args.length === 0) return 0
  return sh.runCommand(args, [], fds, true)
}

export const INFO_BUILTINS: Record<string, Builtin> = {
  type: typeBuiltin,
  command: commandBuiltin,
  alias: (sh, argv, fds) => {
    const aliases = sh.state.aliases
    if (argv.length === 1) {
      for (const [n, v] of [...aliases].sort()) fds.output(1).write(`alias ${n}=${shellQuote(v)}\n`)
      return 0
    }
    let status = 0
    for (const arg of argv.slice(1)) {
      const eq = arg.indexOf('=')
      if (eq > 0) aliases.set(arg.slice(0, eq), arg.slice(eq + 1))
      else if (aliases.has(arg)) fds.output(1).write(`alias ${arg}=${shellQuote(aliases.get(arg)!)}\n`)
      else {
        sh.error(`alias: ${arg}: not found`, fds)
        status = 1
      }
    }
    return status
  },
  unalias: (sh, argv) => {
    if (argv[1] === '-a') sh.state.aliases.clear()
    for (const a of argv.slice(1)) sh.state.aliases.delete(a)
    return 0
  },
  jobs: (sh, _argv, fds) => {
    const jobs = sh.state.jobs
    jobs.forEach((job, i) => {
      const mark = i === jobs.length - 1 ? '+' : i === jobs.length - 2 ? '-' : ' '
      const what = job.status === undefined ? 'Running' : job.status === 0 ? 'Done' : `Exit ${job.status}`
      fds.output(1).write(`[${job.id}]${mark}  ${what.padEnd(24)}${job.text}${job.status === undefined ? ' &' : ''}\n`)
    })
    return 0
  },
  wait: async (sh, argv) => {
    const pids = argv.slice(1).map(Number)
    let status = 0
    for (const job of [...sh.state.jobs]) {
      if (pids.length && !job.pids.some((p) => pids.includes(p))) continue
      status = await sh.guard(sh.proc.waitFor(job.exited))
    }
    sh.state.jobs = sh.state.jobs.filter((j) => j.status === undefined)
    return status
  },
  history: (sh, argv, fds) => {
    if (argv[1] === '-c') {
      sh.state.history.length = 0
      return 0
    }
    const h = sh.state.history
    const n = argv[1] !== undefined ? Number(argv[1]) : h.length
    h.slice(Math.max(0, h.length - n)).forEach((line, i, arr) => fds.output(1).write(`${String(h.length - arr.length + i + 1).padStart(5)}  ${line}\n`))
    return 0
  },
  hash: () => 0,
}
