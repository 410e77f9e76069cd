/**
 * The shell's builtins by name. A builtin runs inside the shell process
 * with the command's descriptor table and returns an exit status.
 * SPECIAL_BUILTINS are POSIX's special built-ins (XCU 2.14): assignments
 * before them persist.
 */
import type { Builtin } from '../api'
import { CORE_BUILTINS } from './core'
import { VAR_BUILTINS } from './vars'
import { DIR_BUILTINS } from './cd'
import { ECHO_BUILTINS } from './echo'
import { TEST_BUILTINS } from './test'
import { READ_BUILTINS } from './read'
import { INFO_BUILTINS } from './info'
import { killBuiltin } from './kill'

export type { Builtin }

export const BUILTINS: Record<string, Builtin> = {
  ...CORE_BUILTINS,
  ...VAR_BUILTINS,
  ...DIR_BUILTINS,
  ...ECHO_BUILTINS,
  ...TEST_BUILTINS,
  ...READ_BUILTINS,
  ...INFO_BUILTINS,
  kill: killBuiltin,
}

export const SPECIAL_BUILTINS = new Set(['break', ':', 'continue', '.', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset'])
