/**
 * echo and printf. bash's echo takes -n, -e, -E (only when the argument
 * consists of those letters) and does not interpret escapes by default;
 * BusyBox ash's echo behaves the same way.
 */
import { backslashEscapes, formatPrintf } from '../printf'
import type { Builtin } from '../api'

/** Shared with /bin/echo (coreutils behaves the same for these options). */
export function echoText(args: readonly string[]): string {
  let newline = true
  let escapes = false
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]!
    if (!/^-[neE]+$/.test(a)) break
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false
      else if (f === 'e') escapes = true
      else escapes = false
    }
  }
  let text = args.slice(i).join(' ')
  if (escapes) {
    const [t, stop] = backslashEscapes(text, true)
    if (stop) return t
    text = t
  }
  return newline ? text + '\n' : text
}

export const ECHO_BUILTINS: Record<string, Builtin> = {
  echo: (_sh, argv, fds) => {
    fds.output(1).write(echoText(argv.slice(1)))
    return 0
  },
  printf: (sh, argv, fds) => {
    let args = argv.slice(1)
    let variable: string | undefined
    if (args[0] === '-v' && sh.config.flavor.kind === 'bash') {
      variable = args[1]
      args = args.slice(2)
    }
    if (args[0] === '--') args = args.slice(1)
    if (args.length === 0) {
      sh.error('printf: usage: printf [-v var] format [arguments]', fds)
      return 2
    }
    const { output, errors } = formatPrintf(args[0]!, args.slice(1))
    if (variable) sh.state.set(variable, output)
    else fds.output(1).write(output)
    for (const e of errors) sh.error(`printf: ${e}`, fds)
    return errors.length ? 1 : 0
  },
}
