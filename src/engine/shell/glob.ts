/**
 * Pattern matching notation (XCU 2.13): `*`, `?`, bracket expressions with
 * ranges, `!`/`^` negation and a few [:class:]es. A backslash quotes the next
 * character; the expander escapes quoted text this way, so `"*"` stays a
 * literal star. Used by `case`, ${x#pat} and pathname expansion.
 */
import type { FileSystem } from '../kernel/fs/fs'

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  xdigit: '0-9A-Fa-f',
  punct: '!-\\/:-@\\[-`{-~',
}

const reEscape = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** True if the pattern has an unescaped *, ? or [. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '\\') i++
    else if (ch === '*' || ch === '?' || ch === '[') return true
  }
  return false
}

/** Escapes text so it matches itself literally inside a pattern. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&')
}

/** Removes the backslash quoting of a pattern that had no glob characters. */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1')
}

/** Converts a pattern to a regular-expression source (no anchors). */
export function patternSource(pattern: string, shortest = false): string {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (ch === '\\' && i + 1 < pattern.length) re += reEscape(pattern[++i]!)
    else if (ch === '*') re += shortest ? '[\\s\\S]*?' : '[\\s\\S]*'
    else if (ch === '?') re += '[\\s\\S]'
    else if (ch === '[') {
      const end = bracketEnd(pattern, i)
      if (end < 0) {
        re += '\\['
        continue
      }
      re += bracketSource(pattern.slice(i + 1, end))
      i = end
    } else re += reEscape(ch)
  }
  return re
}

function bracketEnd(pattern: string, start: number): number {
  let i = start + 1
  if (pattern[i] === '!' || pattern[i] === '^') i++
  if (pattern[i] === ']') i++
  for (; i < pattern.length; i++) {
    if (pattern.startsWith('[:', i)) {
      const close = pattern.indexOf(':]', i + 2)
      if (close > 0) i = close + 1
    } else if (pattern[i] === ']') return i
  }
  return -1
}

function bracketSource(body: string): string {
  let negate = false
  if (body[0] === '!' || body[0] === '^') {
    negate = true
    body = body.slice(1)
  }
  let out = ''
  for (let i = 0; i < body.length; i++) {
    if (body.startsWith('[:', i)) {
      const close = body.indexOf(':]', i + 2)
      out += CLASSES[body.slice(i + 2, close)] ?? ''
      i = close + 1
    } else if (body[i] === '-' && out !== '' && i + 1 < body.length) out += '-'
    else if (body[i] === '\\' && i + 1 < body.length) out += reEscape(body[++i]!)
    else out += reEscape(body[i]!)
  }
  return `[${negate ? '^' : ''}${out}]`
}

/** Whole-string match, as `case` does. */
export function matchPattern(pattern: string, text: string): boolean {
  return new RegExp(`^${patternSource(pattern)}$`).test(text)
}

/**
 * Pathname expansion (XCU 2.13.3): each component is matched against the
 * directory's entries; a leading `.` must be matched explicitly. Returns the
 * sorted matches, or [] when nothing matched (the caller keeps the word).
 */
export function globPaths(pattern: string, fs: FileSystem, cwd: string): string[] {
  const absolute = pattern.startsWith('/')
  const comps = pattern.split('/').filter((c, i) => c !== '' || i === 0)
  let paths: string[] = [absolute ? '/' : '']
  for (const comp of absolute ? comps.slice(1) : comps) {
    const next: string[] = []
    for (const base of paths) {
      const dir = base === '' ? cwd : resolveFrom(cwd, base)
      if (!hasGlobChars(comp)) {
        const name = unescapeGlob(comp)
        const candidate = joinPath(base, name)
        if (fs.exists(resolveFrom(cwd, candidate))) next.push(candidate)
        continue
      }
      let names: string[]
      try {
        names = fs.readdir(dir)
      } catch {
        continue
      }
      const re = new RegExp(`^${patternSource(comp)}$`)
      for (const name of names) {
        if (name.startsWith('.') && !comp.startsWith('.') && !comp.startsWith('\\.')) continue
        if (re.test(name)) next.push(joinPath(base, name))
      }
    }
    paths = next
    if (paths.length === 0) return []
  }
  if (pattern.endsWith('/')) paths = paths.filter((p) => fs.tryLookup(resolveFrom(cwd, p))?.kind === 'dir').map((p) => p + '/')
  return paths.sort()
}

function joinPath(base: string, name: string): string {
  if (base === '') return name
  return base.endsWith('/') ? base + name : `${base}/${name}`
}

function resolveFrom(cwd: string, path: string): string {
  return path.startsWith('/') ? path : `${cwd}/${path}`
}
