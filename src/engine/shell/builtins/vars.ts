/**
 * Variable builtins: set, unset, export, readonly, local, shift.
 * `set` without arguments and `export -p` print in bash's formats.
 */
import type { Fds } from '../io'
import type { ShellApi as Shell } from '../api'
import type { ShellOptions } from '../state'
import type { Builtin } from '../api'

const OPTION_LETTERS: Record<string, keyof ShellOptions> = { e: 'errexit', x: 'xtrace', f: 'noglob', u: 'nounset' }
const OPTION_NAMES = new Set<string>([...Object.values(OPTION_LETTERS), 'pipefail'])

/** Quotes a value as bash's `set`/`declare -p` print it. */
export function shellQuote(value: string): string {
  if (/^[\w@%+=:,./-]*$/.test(value) && value !== '') return value
  return `'${value.replace(/'/g, `'\\''`)}'`
}

function assignArgs(sh: Shell, argv: string[], fds: Fds, apply: (name: string, value: string | undefined) => boolean): number {
  let status = 0
  for (const arg of argv) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=([\s\S]*))?$/.exec(arg)
    if (!m) {
      sh.error(`${argv[0] === undefined ? '' : ''}\`${arg}': not a valid identifier`, fds)
      status = 1
      continue
    }
    if (!apply(m[1]!, m[2])) {
      sh.error(`${m[1]}: readonly variable`, fds)
      status = 1
    }
  }
  return status
}

function setBuiltin(sh: Shell, argv: string[], fds: Fds): number {
  const state = sh.state
  if (argv.length === 1) {
    const names = [...state.vars.keys()].sort()
    fds.output(1).write(names.map((n) => `${n}=${shellQuote(state.vars.get(n)!.value)}\n`).join(''))
    return 0
  }
  let i = 1
  for (; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      i++
      state.positional = argv.slice(i)
      return 0
    }
    if (!/^[-+][a-zA-Z]+$/.test(arg) && arg !== '-o' && arg !== '+o') break
    const on = arg[0] === '-'
    if (arg.slice(1) === 'o') {
      const name = argv[++i]
      if (name === undefined) {
        for (const n of [...OPTION_NAMES].sort()) fds.output(1).write(`${n.padEnd(15)}\t${state.options[n as keyof ShellOptions] ? 'on' : 'off'}\n`)
        return 0
      }
      if (!OPTION_NAMES.has(name)) {
        if (name === 'vi' || name === 'emacs') continue
        sh.error(`set: ${name}: invalid option name`, fds)
        return 1
      }
      state.options[name as keyof ShellOptions] = on
      continue
    }
    for (const letter of arg.slice(1)) {
      const opt = OPTION_LETTERS[letter]
      if (opt) state.options[opt] = on
      else if (!'hmBHv'.includes(letter)) {
        sh.error(`set: ${arg[0]}${letter}: invalid option`, fds)
        return 2
      }
    }
  }
  if (i < argv.length) state.positional = argv.slice(i)
  return 0
}

export const VAR_BUILTINS: Record<string, Builtin> = {
  set: setBuiltin,
  unset: (sh, argv, fds) => {
    const args = argv.slice(1)
    const functions = args[0] === '-f'
    let status = 0
    for (const name of args.filter((a) => a !== '-f' && a !== '-v')) {
      if (functions) sh.state.functions.delete(name)
      else if (!sh.state.unset(name)) {
        sh.error(`unset: ${name}: cannot unset: readonly variable`, fds)
        status = 1
      }
    }
    return status
  },
  export: (sh, argv, fds) => {
    const args = argv.slice(1).filter((a) => a !== '-n')
    if (args.length === 0 || args[0] === '-p') {
      const vars = sh.state.vars
      const lines = [...vars.keys()].sort().filter((n) => vars.get(n)!.exported)
      fds.output(1).write(lines.map((n) => `declare -x ${n}="${vars.get(n)!.value.replace(/(["\\$`])/g, '\\$1')}"\n`).join(''))
      return 0
    }
    return assignArgs(sh, args, fds, (name, value) => {
      const v = sh.state.vars.get(name)
      if (value === undefined) {
        if (v) v.exported = true
        else sh.state.vars.set(name, { value: '', exported: true })
        return true
      }
      return sh.state.set(name, value, true)
    })
  },
  readonly: (sh, argv, fds) =>
    assignArgs(sh, argv.slice(1).filter((a) => a !== '-p'), fds, (name, value) => {
      if (value !== undefined && !sh.state.set(name, value)) return false
      const v = sh.state.vars.get(name) ?? { value: '', exported: false }
      sh.state.vars.set(name, { ...v, readonly: true })
      return true
    }),
  local: (sh, argv, fds) => {
    if (sh.state.localFrames.length === 0) {
      sh.error('local: can only be used in a function', fds)
      return 1
    }
    return assignArgs(sh, argv.slice(1), fds, (name, value) => {
      sh.state.makeLocal(name)
      return value === undefined ? true : sh.state.set(name, value)
    })
  },
  shift: (sh, argv, fds) => {
    const n = argv[1] === undefined ? 1 : Number(argv[1])
    if (!Number.isInteger(n) || n < 0) {
      sh.error(`shift: ${argv[1]}: numeric argument required`, fds)
      return 1
    }
    if (n > sh.state.positional.length) return 1
    sh.state.positional = sh.state.positional.slice(n)
    return 0
  },
}
