/**
 * What the coreutils share: GNU-style messages ("cat: x: No such file or
 * directory"), short-option parsing with clusters and `--`, and reading
 * files or stdin (`-`) as a stream of chunks or lines.
 */
import { FsError, resolvePath } from '../../kernel/fs/fs'
import type { ProgramContext } from '../../shell/runtime'

export function prog(ctx: ProgramContext): string {
  const a0 = ctx.argv[0] ?? ''
  return a0.slice(a0.lastIndexOf('/') + 1)
}

/** Prints "prog: message" on stderr. */
export function fail(ctx: ProgramContext, message: string): void {
  ctx.proc.err(`${prog(ctx)}: ${message}\n`)
}

/** GNU's usage error: the message, then the --help hint; status 1 (2 for some tools, passed in). */
export function usage(ctx: ProgramContext, message: string, status = 1): number {
  const p = prog(ctx)
  ctx.proc.err(`${p}: ${message}\nTry '${p} --help' for more information.\n`)
  return status
}

export interface Parsed {
  flags: Set<string>
  /** Options that take a value: the last value given. */
  values: Map<string, string>
  operands: string[]
}

/**
 * Parses short options (clusters like -la, values like -n 5 or -n5) and the
 * long options given in `long` (mapped to a short letter). Returns an error
 * message for an unknown option.
 */
export function parseOptions(args: readonly string[], shortFlags: string, shortValues = '', long: Record<string, string> = {}): Parsed | string {
  const flags = new Set<string>()
  const values = new Map<string, string>()
  const operands: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--') {
      operands.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--') && a.length > 2) {
      const [name, value] = a.slice(2).split(/=(.*)/s) as [string, string | undefined]
      const short = long[name]
      if (short === undefined) return `unrecognized option '${a}'`
      if (shortValues.includes(short)) {
        const v = value ?? args[++i]
        if (v === undefined) return `option '--${name}' requires an argument`
        values.set(short, v)
      } else flags.add(short)
      continue
    }
    if (a.startsWith('-') && a.length > 1 && !(/^-[0-9]/.test(a) && !shortFlags.includes(a[1]!))) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!
        if (shortValues.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
          if (v === undefined) return `option requires an argument -- '${c}'`
          values.set(c, v)
          break
        }
        if (!shortFlags.includes(c)) return `invalid option -- '${c}'`
        flags.add(c)
      }
      continue
    }
    operands.push(a)
  }
  return { flags, values, operands }
}

export function errnoText(e: unknown): string {
  return e instanceof FsError ? e.message : e instanceof Error ? e.message : String(e)
}

export function absolute(ctx: ProgramContext, path: string): string {
  return resolvePath(ctx.proc.cwd, path)
}

/** Reads a whole operand ('-' = stdin); prints the error and returns undefined on failure. */
export async function readOperand(ctx: ProgramContext, path: string): Promise<string | undefined> {
  if (path === '-') return ctx.proc.readAll()
  try {
    return ctx.proc.sandbox.fs.readFile(absolute(ctx, path))
  } catch (e) {
    fail(ctx, `${path}: ${errnoText(e)}`)
    return undefined
  }
}

/** Yields stdin line by line (with the newline) as it arrives, so filters stream. */
export async function* stdinLines(ctx: ProgramContext): AsyncGenerator<string> {
  let buffer = ''
  for (;;) {
    const chunk = await ctx.proc.read()
    if (chunk === null) break
    buffer += chunk
    let nl: number
    while ((nl = buffer.indexOf('\n')) >= 0) {
      yield buffer.slice(0, nl + 1)
      buffer = buffer.slice(nl + 1)
    }
  }
  if (buffer) yield buffer
}

/** Lines of an operand: streamed for stdin, split for a file. */
export async function* operandLines(ctx: ProgramContext, path: string): AsyncGenerator<string> {
  if (path === '-') {
    yield* stdinLines(ctx)
    return
  }
  const text = await readOperand(ctx, path)
  if (text === undefined) throw new OperandError()
  yield* text.split(/(?<=\n)/).filter((l) => l !== '')
}

/** An operand could not be read (already reported). */
export class OperandError extends Error {}

/**
 * True inside a BusyBox system (alpine, busybox images): /bin/sh runs
 * BusyBox ash there. The same programs then print BusyBox's wording.
 */
export function isBusybox(ctx: ProgramContext): boolean {
  const sh = ctx.proc.sandbox.fs.tryLookup('/bin/sh')
  return sh?.kind === 'file' && sh.program === 'ash'
}
