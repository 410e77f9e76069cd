/** cd and pwd. The shell tracks the logical working directory (PWD), as `cd` without -P does. */
import { resolvePath } from '../../kernel/fs/fs'
import type { Builtin } from '../api'

export const DIR_BUILTINS: Record<string, Builtin> = {
  cd: (sh, argv, fds) => {
    const state = sh.state
    const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P')
    if (args.length > 1 && sh.config.flavor.kind === 'bash') {
      sh.error('cd: too many arguments', fds)
      return 1
    }
    let target = args[0]
    const dash = target === '-'
    if (target === undefined || target === '') {
      target = state.get('HOME')
      if (target === undefined) {
        sh.error('cd: HOME not set', fds)
        return 1
      }
    } else if (dash) {
      target = state.get('OLDPWD')
      if (target === undefined) {
        sh.error('cd: OLDPWD not set', fds)
        return 1
      }
    }
    const path = resolvePath(state.cwd, target)
    const node = sh.proc.sandbox.fs.tryLookup(path)
    const problem = !node ? 'No such file or directory' : node.kind !== 'dir' ? 'Not a directory' : undefined
    if (problem) {
      if (sh.config.flavor.kind === 'bash') {
        sh.error(`cd: ${target}: ${problem}`, fds)
        return 1
      }
      // BusyBox ash names the line outside the prompt (0 for -c strings) and fails with 2.
      const where = sh.config.mode === 'interactive' ? '' : `line ${sh.config.mode === 'command' ? 0 : sh.currentLine}: `
      sh.error(`cd: ${where}can't cd to ${target}: ${problem}`, fds)
      return 2
    }
    state.set('OLDPWD', state.cwd)
    state.cwd = path
    state.set('PWD', path)
    if (dash) fds.output(1).write(`${path}\n`)
    return 0
  },
  pwd: (sh, _argv, fds) => {
    fds.output(1).write(`${sh.state.cwd}\n`)
    return 0
  },
}
