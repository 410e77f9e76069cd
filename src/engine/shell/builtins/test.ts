/**
 * test and [ (POSIX test(1) with bash's extensions ==, -a/-o, parentheses).
 * Status 0 true, 1 false, 2 for a usage error with bash's messages.
 */
import { resolvePath } from '../../kernel/fs/fs'
import type { FileSystem } from '../../kernel/fs/fs'
import type { Builtin } from '../api'

class TestError extends Error {}

const UNARY_FILE = new Set(['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-h', '-b', '-c', '-p', '-S', '-g', '-u', '-k', '-O', '-G', '-N', '-t'])
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>', '-nt', '-ot', '-ef'])

export function evaluateTest(args: string[], fs: FileSystem, cwd: string): boolean {
  let i = 0
  const fileTest = (op: string, path: string): boolean => {
    if (op === '-t') return false
    const abs = resolvePath(cwd, path)
    const node = fs.tryLookup(abs, op === '-L' || op === '-h')
    if (!node || path === '') return false
    switch (op) {
      case '-f': return node.kind === 'file'
      case '-d': return node.kind === 'dir'
      case '-L':
      case '-h': return node.kind === 'symlink'
      case '-s': return node.kind !== 'file' || node.content.length > 0
      case '-x': return (node.mode & 0o111) !== 0
      case '-b': case '-c': case '-p': case '-S': case '-g': case '-u': case '-k': return false
      default: return true
    }
  }
  const int = (s: string): number => {
    if (!/^\s*[+-]?[0-9]+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`)
    return Number(s)
  }
  const primary = (): boolean => {
    const a = args[i]
    if (a === undefined) throw new TestError('argument expected')
    if (a === '!') {
      i++
      return !primary()
    }
    if (a === '(' && args.length - i > 2) {
      i++
      const v = or()
      if (args[i++] !== ')') throw new TestError("`)' expected")
      return v
    }
    const op = args[i + 1]
    if (op !== undefined && BINARY.has(op) && i + 2 < args.length) {
      const b = args[i + 2]!
      i += 3
      switch (op) {
        case '=': case '==': return a === b
        case '!=': return a !== b
        case '<': return a < b
        case '>': return a > b
        case '-eq': return int(a) === int(b)
        case '-ne': return int(a) !== int(b)
        case '-lt': return int(a) < int(b)
        case '-le': return int(a) <= int(b)
        case '-gt': return int(a) > int(b)
        case '-ge': return int(a) >= int(b)
        default: return false
      }
    }
    if (UNARY_FILE.has(a) && i + 1 < args.length) {
      i += 2
      return fileTest(a, args[i - 1]!)
    }
    if ((a === '-n' || a === '-z') && i + 1 < args.length) {
      i += 2
      return a === '-n' ? args[i - 1] !== '' : args[i - 1] === ''
    }
    i++
    return a !== ''
  }
  const and = (): boolean => {
    let v = primary()
    while (args[i] === '-a') {
      i++
      v = primary() && v
    }
    return v
  }
  const or = (): boolean => {
    let v = and()
    while (args[i] === '-o') {
      i++
      v = and() || v
    }
    return v
  }
  if (args.length === 0) return false
  const v = or()
  if (i < args.length) throw new TestError(`${args[i]}: ${args.length - i > 1 ? 'too many arguments' : 'unary operator expected'}`)
  return v
}

const test: Builtin = (sh, argv, fds) => {
  let args = argv.slice(1)
  if (argv[0] === '[') {
    if (args.at(-1) !== ']') {
      sh.error("[: missing `]'", fds)
      return 2
    }
    args = args.slice(0, -1)
  }
  try {
    return evaluateTest(args, sh.proc.sandbox.fs, sh.state.cwd) ? 0 : 1
  } catch (e) {
    if (!(e instanceof TestError)) throw e
    sh.error(`${argv[0]}: ${e.message}`, fds)
    return 2
  }
}

export const TEST_BUILTINS: Record<string, Builtin> = { test, '[': test }
