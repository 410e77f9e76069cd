/**
 * uname, date and ls: the utilities that print system facts. Time comes
 * from the virtual clock on top of a fixed epoch, the moment the tutorial
 * was written (2021-08-25 10:53 +08:00), so transcripts are reproducible.
 */
import { civilTime } from '../../../lib/civil-time'
import type { FsNode } from '../../kernel/fs/fs'
import { resolvePath } from '../../kernel/fs/fs'
import type { Program, ProgramContext } from '../../shell/runtime'
import { fail, isBusybox, parseOptions, usage } from './util'

/** Unix time (ms) at virtual time 0: 2021-08-25T10:53:00+08:00. */
export const EPOCH_BASE_MS = 1_629_859_980_000

const KERNEL_RELEASE = '5.4.0-80-generic'
const KERNEL_VERSION = '#90-Ubuntu SMP Fri Jul 9 22:49:44 UTC 2021'

export const uname: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'asnrvmpio', '', { all: 'a', 'kernel-name': 's', 'nodename': 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const f = parsed.flags
  const host = ctx.proc.sandbox.uts.hostname
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', host],
    ['r', KERNEL_RELEASE],
    ['v', KERNEL_VERSION],
    ['m', 'x86_64'],
    ['p', 'x86_64'],
    ['i', 'x86_64'],
    ['o', 'GNU/Linux'],
  ]
  const want = f.has('a') ? new Set(['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o']) : f.size ? f : new Set(['s'])
  ctx.proc.out(fields.filter(([k]) => want.has(k)).map(([, v]) => v).join(' ') + '\n')
  return 0
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Time zone from TZ: Asia/Shanghai (CST, +8) as on the tutorial's host, else UTC. */
function zone(ctx: ProgramContext): { name: string; offsetMin: number } {
  const tz = ctx.proc.env.TZ ?? ''
  if (tz === 'Asia/Shanghai' || tz === 'PRC' || tz === 'CST-8') return { name: 'CST', offsetMin: 480 }
  return { name: 'UTC', offsetMin: 0 }
}

/** Civil date from Unix ms in a fixed offset. */
export function civil(ms: number, offsetMin: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number } {
  const t = civilTime(ms, offsetMin)
  return { y: t.y, mo: t.m, d: t.d, h: t.h, mi: t.mi, s: t.s, wd: t.weekday }
}

const p2 = (n: number): string => String(n).padStart(2, '0')

export const date: Program = async (ctx) => {
  const args = ctx.argv.slice(1)
  const utc = args.includes('-u') || args.includes('--utc')
  const z = utc ? { name: 'UTC', offsetMin: 0 } : zone(ctx)
  const now = EPOCH_BASE_MS + ctx.kernel.clock.now()
  const c = civil(now, z.offsetMin)
  const fmt = args.find((a) => a.startsWith('+'))
  const sign = z.offsetMin >= 0 ? '+' : '-'
  const off = `${sign}${p2(Math.floor(Math.abs(z.offsetMin) / 60))}${p2(Math.abs(z.offsetMin) % 60)}`
  const spec: Record<string, string> = {
    Y: String(c.y), m: p2(c.mo), d: p2(c.d), H: p2(c.h), M: p2(c.mi), S: p2(c.s), a: DAYS[c.wd]!, b: MONTHS[c.mo - 1]!, e: String(c.d).padStart(2),
    Z: z.name, z: off, s: String(Math.floor(now / 1000)), F: `${c.y}-${p2(c.mo)}-${p2(c.d)}`, T: `${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}`, n: '\n', t: '\t', '%': '%',
  }
  if (fmt) ctx.proc.out(fmt.slice(1).replace(/%(.)/g, (m, k: string) => spec[k] ?? m) + '\n')
  // coreutils' default format in the C locale: "%a %b %e %H:%M:%S %Z %Y".
  else ctx.proc.out(`${spec.a} ${spec.b} ${spec.e} ${spec.T} ${z.name} ${c.y}\n`)
  return 0
}

function modeString(node: FsNode): string {
  const type = node.kind === 'dir' ? 'd' : node.kind === 'symlink' ? 'l' : '-'
  let s = type
  for (let shift = 6; shift >= 0; shift -= 3) {
    const bits = (node.mode >> shift) & 7
    s += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-')
  }
  return s
}

function sizeOf(node: FsNode): number {
  if (node.kind === 'dir') return 4096
  if (node.kind === 'symlink') return node.target.length
  return node.content.length
}

/** LS_COLORS' defaults (dircolors): di=01;34, ln=01;36, ex=01;32; plain files are not coloured. */
function lsColour(node: FsNode): string | undefined {
  if (node.kind === 'dir') return (node.mode & 0o1002) === 0o1002 ? '30;42' : '01;34'
  if (node.kind === 'symlink') return '01;36'
  return node.mode & 0o111 ? '01;32' : undefined
}

/** ls -h: powers of 1024, one decimal below 10, rounded up (`4.0K`, `12K`). */
function humanSize(bytes: number): string {
  const units = ['K', 'M', 'G', 'T']
  let v = bytes / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[u]}` : `${Math.ceil(v)}${units[u]}`
}

/** GNU ls's column layout: as many columns as fit in the width, filled top to bottom. */
export function columns(names: string[], width: number, paint: (name: string) => string = (n) => n): string {
  if (names.length === 0) return ''
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols)
    const widths: number[] = []
    for (let c = 0; c * rows < names.length; c++) widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)))
    const total = widths.reduce((s, w) => s + w + 2, 0) - 2
    if (total < width || cols === 1) {
      let out = ''
      for (let r = 0; r < rows; r++) {
        const line: string[] = []
        for (let c = 0; c < widths.length; c++) {
          const n = names[c * rows + r]
          if (n !== undefined) line.push(c === widths.length - 1 || names[(c + 1) * rows + r] === undefined ? paint(n) : paint(n) + ' '.repeat(widths[c]! + 2 - n.length))
        }
        out += line.join('') + '\n'
      }
      return out
    }
  }
  return ''
}

export const ls: Program = async (ctx) => {
  // --color[=WHEN] takes its value only after '=' (GNU); auto colours only a terminal.
  const colorArgs = ctx.argv.slice(1).filter((a) => /^--colou?r(=|$)/.test(a))
  const parsed = parseOptions(ctx.argv.slice(1).filter((a) => !colorArgs.includes(a)), 'laA1dhF', '', { all: 'a', 'almost-all': 'A', 'human-readable': 'h' })
  if (typeof parsed === 'string') return usage(ctx, parsed, 2)
  const f = parsed.flags
  const fs = ctx.proc.sandbox.fs
  const operands = parsed.operands.length ? parsed.operands : ['.']
  const tty = ctx.proc.stdout.tty
  const when = colorArgs.at(-1)?.split('=')[1] ?? (colorArgs.length ? 'always' : 'never')
  const colour = ['always', 'yes', 'force'].includes(when) || (['auto', 'tty', 'if-tty'].includes(when) && tty !== undefined)
  let painted = false
  const paintNode = (name: string, node: FsNode): string => {
    const code = lsColour(node)
    if (!colour || code === undefined) return name
    const reset = painted ? '' : '\x1b[0m'
    painted = true
    return `${reset}\x1b[${code}m${name}\x1b[0m`
  }
  let status = 0
  const z = zone(ctx)
  const long = (name: string, node: FsNode): string => {
    const c = civil(EPOCH_BASE_MS + node.mtime, z.offsetMin)
    const links = node.kind === 'dir' ? 2 + [...node.entries.values()].filter((n) => n.kind === 'dir').length : 1
    const size = sizeOf(node)
    return [modeString(node), String(links), 'root', 'root', f.has('h') && size >= 1024 ? humanSize(size) : String(size), `${MONTHS[c.mo - 1]} ${String(c.d).padStart(2)} ${p2(c.h)}:${p2(c.mi)}`, paintNode(name, node) + (node.kind === 'symlink' ? ` -> ${node.target}` : '')]
      .map((x, i) => (i === 1 || i === 4 ? x : x))
      .join(' ')
  }
  const print = (entries: [string, FsNode][]): void => {
    if (f.has('l')) {
      const rows = entries.map(([n, node]) => long(n, node).split(' '))
      const w = [1, 4].map((i) => Math.max(...rows.map((r) => r[i]!.length)))
      for (const r of rows) {
        r[1] = r[1]!.padStart(w[0]!)
        r[4] = r[4]!.padStart(w[1]!)
        ctx.proc.out(r.join(' ') + '\n')
      }
    } else if (tty && !f.has('1')) {
      const byName = new Map(entries)
      ctx.proc.out(columns(entries.map(([n]) => n), tty.cols, (n) => paintNode(n, byName.get(n)!)))
    } else ctx.proc.out(entries.map(([n, node]) => paintNode(n, node) + '\n').join(''))
  }
  const files: [string, FsNode][] = []
  const dirs: [string, FsNode][] = []
  for (const op of operands) {
    // -l shows a symlink operand itself, as GNU ls does without -H/-L.
    const node = fs.tryLookup(resolvePath(ctx.proc.cwd, op), f.has('l'))
    if (!node) {
      const busybox = isBusybox(ctx)
      fail(ctx, busybox ? `${op}: No such file or directory` : `cannot access '${op}': No such file or directory`)
      status = busybox ? 1 : 2
    } else if (node.kind === 'dir' && !f.has('d')) dirs.push([op, node])
    else files.push([op, node])
  }
  print(files)
  dirs.forEach(([op, node], i) => {
    if (node.kind !== 'dir') return
    if (operands.length > 1) ctx.proc.out(`${files.length || i ? '\n' : ''}${op}:\n`)
    let names = [...node.entries.keys()].sort()
    if (!f.has('a') && !f.has('A')) names = names.filter((n) => !n.startsWith('.'))
    const entries: [string, FsNode][] = names.map((n) => [n, node.entries.get(n)!])
    if (f.has('a')) entries.unshift(['.', node], ['..', node])
    if (f.has('l')) ctx.proc.out(`total ${entries.reduce((s, [, n]) => s + Math.ceil(sizeOf(n) / 4096) * 4, 0)}\n`)
    print(entries)
  })
  return status
}
