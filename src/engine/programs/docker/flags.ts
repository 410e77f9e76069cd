/**
 * Command-line flags the way spf13/pflag parses them for docker/cli:
 * `--name=x` and `--name x`, combined shorthands (`-it`, `-dP`), a value
 * glued to its shorthand (`-p8080:80`), `--` ending the flags, and, for
 * `run`/`exec` (SetInterspersed(false)), flags stopping at the first
 * positional argument (the image or container), so `docker run tomcat ip
 * -a` hands `-a` to `ip`. Errors use pflag's words.
 */
export type FlagType = 'bool' | 'string' | 'list' | 'int'

export interface FlagSpec {
  readonly long: string
  readonly short?: string
  readonly type: FlagType
}

export interface ParsedFlags {
  readonly bools: Set<string>
  readonly values: Map<string, string[]>
  readonly args: string[]
  readonly help: boolean
}

export class FlagError extends Error {}

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[], interspersed: boolean): ParsedFlags {
  const bools = new Set<string>()
  const values = new Map<string, string[]>()
  const args: string[] = []
  let help = false
  const byLong = new Map(specs.map((s) => [s.long, s]))
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]))
  const set = (spec: FlagSpec, value: string): void => {
    if (spec.type === 'bool') {
      if (value === 'true' || value === '1') bools.add(spec.long)
      else if (value === 'false' || value === '0') bools.delete(spec.long)
      else throw new FlagError(`invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.long}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`)
      return
    }
    if (spec.type === 'int' && !/^-?\d+$/.test(value)) {
      throw new FlagError(`invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.long}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`)
    }
    const list = spec.type === 'list' ? (values.get(spec.long) ?? []) : []
    list.push(value)
    values.set(spec.long, list)
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      args.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2)
      if (name === 'help') {
        help = true
        continue
      }
      const spec = byLong.get(name)
      if (!spec) throw new FlagError(`unknown flag: --${name}`)
      if (eq >= 0) set(spec, a.slice(eq + 1))
      else if (spec.type === 'bool') set(spec, 'true')
      else if (i + 1 < argv.length) set(spec, argv[++i]!)
      else throw new FlagError(`flag needs an argument: --${name}`)
      continue
    }
    if (a.startsWith('-') && a !== '-') {
      const shorts = a.slice(1)
      for (let j = 0; j < shorts.length; j++) {
        const c = shorts[j]!
        if (c === 'h' && !byShort.has('h')) {
          help = true
          continue
        }
        const spec = byShort.get(c)
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorts}`)
        if (spec.type === 'bool') {
          if (shorts[j + 1] === '=') {
            set(spec, shorts.slice(j + 2))
            break
          }
          set(spec, 'true')
          continue
        }
        const rest = shorts.slice(j + 1).replace(/^=/, '')
        if (rest !== '') set(spec, rest)
        else if (i + 1 < argv.length) set(spec, argv[++i]!)
        else throw new FlagError(`flag needs an argument: '${c}' in -${shorts}`)
        break
      }
      continue
    }
    if (!interspersed) {
      args.push(...argv.slice(i))
      break
    }
    args.push(a)
  }
  return { bools, values, args, help }
}

export const flagValue = (f: ParsedFlags, long: string): string | undefined => f.values.get(long)?.at(-1)
export const flagList = (f: ParsedFlags, long: string): string[] => f.values.get(long) ?? []
