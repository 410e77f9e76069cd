/**
 * Tab completion as bash's readline does it by default: in command
 * position, command names (aliases, keywords, functions, builtins, PATH
 * executables, and directories); elsewhere, file names (a directory gets a
 * `/`, anything else a space when it is the only match). Words for
 * `docker` arguments (container and network names) come from a
 * CompletionSource that the world registers for its kernel; the shell
 * knows nothing about Docker.
 *
 * How the world supplies it (see setCompletionSource):
 *   setCompletionSource(kernel, { words: (argv, index, proc) => … })
 * `argv` holds the words of the command up to and including the one being
 * completed (argv[index], possibly a partial word or ''); the source
 * returns candidate words (unfiltered is fine: the shell keeps those that
 * start with the typed prefix). Return [] to fall back to file names.
 */
import { resolvePath, type FileSystem } from '../kernel/fs/fs'
import type { Kernel } from '../kernel/kernel'
import type { Process } from '../kernel/proc/process'

export interface CompletionSource {
  words(argv: readonly string[], index: number, proc: Process): readonly string[]
}

const sources = new WeakMap<Kernel, CompletionSource>()

/** Registers the provider of non-file words (docker containers, networks) for every shell of `kernel`. */
export function setCompletionSource(kernel: Kernel, source: CompletionSource | undefined): void {
  if (source) sources.set(kernel, source)
  else sources.delete(kernel)
}

export function completionSourceFor(kernel: Kernel): CompletionSource | undefined {
  return sources.get(kernel)
}

export interface CompletionEnv {
  fs: FileSystem
  cwd: string
  home: string | undefined
  path: string
  /** Aliases, keywords, functions and builtins. */
  shellWords: readonly string[]
  source?: CompletionSource | undefined
  proc: Process
}

export interface Completion {
  /** Offset in the line where the word being completed starts. */
  start: number
  /** The word as typed (quotes removed). */
  prefix: string
  /** Full replacement words, sorted; directories end with '/'. */
  candidates: string[]
}

interface LineWords {
  words: string[]
  start: number
  commandPosition: boolean
}

/** Splits the text before the cursor into the current command's words (quotes removed). */
function scan(text: string): LineWords {
  let words: string[] = []
  let current = ''
  let inWord = false
  let start = 0
  let commandPosition = true
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quote) {
      if (ch === quote) quote = undefined
      else current += ch
      continue
    }
    if (ch === '\\' && i + 1 < text.length) {
      if (!inWord) start = i
      inWord = true
      current += text[++i]!
    } else if (ch === "'" || ch === '"') {
      if (!inWord) start = i
      inWord = true
      quote = ch
    } else if (' \t\n'.includes(ch) || ';|&()<>`'.includes(ch)) {
      if (inWord) {
        words.push(current)
        commandPosition = false
      }
      inWord = false
      current = ''
      if (';|&()`\n'.includes(ch)) {
        words = []
        commandPosition = true
      }
    } else {
      if (!inWord) start = i
      inWord = true
      current += ch
    }
  }
  if (!inWord) start = text.length
  words.push(current)
  // Assignments before the command name keep the next word in command position.
  const first = words.findIndex((w, i) => i === words.length - 1 || !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w))
  words = words.slice(Math.max(0, first))
  return { words, start, commandPosition: commandPosition && words.length === 1 }
}

function listDir(env: CompletionEnv, prefix: string, filter: (path: string, isDir: boolean) => boolean): string[] {
  const slash = prefix.lastIndexOf('/')
  const dirPart = prefix.slice(0, slash + 1)
  const base = prefix.slice(slash + 1)
  const expanded = dirPart.startsWith('~/') || dirPart === '~' ? (env.home ?? '/') + dirPart.slice(1) : dirPart
  const dir = resolvePath(env.cwd, expanded || '.')
  const node = env.fs.tryLookup(dir)
  if (node?.kind !== 'dir') return []
  const out: string[] = []
  for (const name of [...node.entries.keys()].sort()) {
    if (!name.startsWith(base) || (name.startsWith('.') && !base.startsWith('.'))) continue
    const full = `${dir}/${name}`
    const isDir = env.fs.tryLookup(full)?.kind === 'dir'
    if (!filter(full, isDir)) continue
    out.push(dirPart + name + (isDir ? '/' : ''))
  }
  return out
}

function isExecutable(env: CompletionEnv, path: string): boolean {
  const n = env.fs.tryLookup(path)
  return n?.kind === 'file' && (n.mode & 0o111) !== 0
}

function commands(env: CompletionEnv, prefix: string): string[] {
  const found = new Set(env.shellWords.filter((w) => w.startsWith(prefix)))
  for (const dir of env.path.split(':').filter(Boolean)) {
    const node = env.fs.tryLookup(resolvePath(env.cwd, dir))
    if (node?.kind !== 'dir') continue
    for (const name of node.entries.keys()) if (name.startsWith(prefix) && isExecutable(env, resolvePath(env.cwd, `${dir}/${name}`))) found.add(name)
  }
  for (const d of listDir(env, prefix, (_p, isDir) => isDir)) found.add(d)
  return [...found].sort()
}

/** Candidates for the word that ends at `cursor`. */
export function complete(env: CompletionEnv, line: string, cursor: number): Completion {
  const { words, start, commandPosition } = scan(line.slice(0, cursor))
  const prefix = words.at(-1) ?? ''
  let candidates: string[]
  if (commandPosition && !prefix.includes('/')) candidates = commands(env, prefix)
  else if (commandPosition) candidates = listDir(env, prefix, (p, isDir) => isDir || isExecutable(env, p))
  else {
    const provided = words[0] === 'docker' && env.source ? env.source.words(words, words.length - 1, env.proc).filter((w) => w.startsWith(prefix)) : []
    candidates = provided.length ? [...new Set(provided)].sort() : listDir(env, prefix, () => true)
  }
  return { start, prefix, candidates }
}

/** Longest common prefix of the candidates. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return ''
  let p = words[0]!
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1)
  return p
}

/** Backslash-quotes what the shell would otherwise split or expand. */
export function quoteForLine(word: string): string {
  return word.replace(/([\s'"\\$`;&|<>()*?[\]#!{}~])/g, '\\$1')
}

/** readline's listing: sorted down the columns, each padded to the widest plus two. */
export function formatColumns(items: readonly string[], cols: number): string {
  const width = Math.max(...items.map((s) => [...s].length)) + 2
  const perRow = Math.max(1, Math.floor(cols / width))
  const rows = Math.ceil(items.length / perRow)
  let out = ''
  for (let r = 0; r < rows; r++) {
    const row: string[] = []
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r]
      if (item !== undefined) row.push(item)
    }
    out += row.map((s, i) => (i < row.length - 1 ? s.padEnd(width) : s)).join('') + '\n'
  }
  return out
}
