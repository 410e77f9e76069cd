/**
 * yes, du, df and tail (with -f). yes writes until its reader goes away
 * (SIGPIPE, Process.out); tail -f polls its file each second of virtual time
 * and prints what was appended until ^C; du counts 4 KiB blocks as ext4
 * does; df lists the mounts a container (or the host) has.
 */
import { FsError, type FsNode } from '../../kernel/fs/fs'
import type { Program, ProgramContext } from '../../shell/runtime'
import { absolute, fail, isBusybox, parseOptions, readOperand, usage } from './util'

export const yes: Program = async (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '--')
  const line = `${args.length ? args.join(' ') : 'y'}\n`
  const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)))
  for (;;) {
    try {
      ctx.proc.out(chunk)
    } catch (e) {
      // GNU yes.c: error (0, errno, _("standard output")), exit 1; BusyBox: bb_perror_nomsg_and_die.
      if (!(e instanceof FsError)) throw e
      try {
        ctx.proc.err(isBusybox(ctx) ? `yes: ${e.message}\n` : `yes: standard output: ${e.message}\n`)
      } catch {
        /* stderr is the full file too (yes >f 2>&1) */
      }
      return 1
    }
    await ctx.proc.yield()
  }
}

function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/)
  return lines.length && lines.at(-1) === '' ? lines.slice(0, -1) : lines
}

export const tail: Program = async (ctx) => {
  const args = ctx.argv.slice(1).map((a) => (/^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a))
  const parsed = parseOptions(args, 'fFqv', 'ns', { lines: 'n', follow: 'f', 'sleep-interval': 's' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const spec = parsed.values.get('n') ?? '10'
  const operands = parsed.operands.length ? parsed.operands : ['-']
  const follow = parsed.flags.has('f') || parsed.flags.has('F')
  let status = 0
  const sizes = new Map<string, number>()
  const headers = operands.length > 1 && !parsed.flags.has('q')
  for (const [i, op] of operands.entries()) {
    const text = await readOperand(ctx, op)
    if (text === undefined) {
      status = 1
      continue
    }
    if (headers) ctx.proc.out(`${i ? '\n' : ''}==> ${op === '-' ? 'standard input' : op} <==\n`)
    const lines = splitLines(text)
    ctx.proc.out((spec.startsWith('+') ? lines.slice(Number(spec.slice(1)) - 1) : lines.slice(Math.max(0, lines.length - Number(spec)))).join(''))
    if (op !== '-') sizes.set(op, text.length)
  }
  if (!follow || sizes.size === 0) return status
  // Follow: poll each second (GNU tail without inotify, busybox tail) until a signal ends us.
  const interval = Math.max(1, Number(parsed.values.get('s') ?? '1')) * 1000
  let last = operands.at(-1)
  for (;;) {
    await ctx.proc.sleep(interval)
    for (const [op, seen] of sizes) {
      const node = ctx.proc.sandbox.fs.tryLookup(absolute(ctx, op))
      if (node?.kind !== 'file') continue
      if (node.content.length < seen) ctx.proc.err(`${isBusybox(ctx) ? 'tail' : 'tail'}: ${op}: file truncated\n`)
      const from = node.content.length < seen ? 0 : seen
      if (node.content.length > from) {
        if (headers && last !== op) ctx.proc.out(`\n==> ${op} <==\n`)
        ctx.proc.out(node.content.slice(from))
        last = op
      }
      sizes.set(op, node.content.length)
    }
  }
}

/** Disk usage in 1 KiB units: a file takes whole 4 KiB blocks, a directory one block plus its contents. */
function usageOf(node: FsNode): number {
  if (node.kind === 'dir') return 4 + [...node.entries.values()].reduce((s, n) => s + usageOf(n), 0)
  if (node.kind === 'symlink') return 0
  return Math.ceil(node.content.length / 4096) * 4
}

/** GNU's -h: one decimal below 10, powers of 1024, rounded up. */
export function human(kib: number): string {
  const units = ['K', 'M', 'G', 'T']
  let v = kib
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  if (kib === 0) return '0'
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[u]}` : `${Math.ceil(v)}${units[u]}`
}

export const du: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'sahc', 'd', { summarize: 's', all: 'a', 'human-readable': 'h', total: 'c', 'max-depth': 'd' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const f = parsed.flags
  const show = (kib: number): string => (f.has('h') ? human(kib) : String(kib))
  const maxDepth = parsed.values.has('d') ? Number(parsed.values.get('d')) : f.has('s') ? 0 : Infinity
  let status = 0
  let total = 0
  for (const op of parsed.operands.length ? parsed.operands : ['.']) {
    const node = ctx.proc.sandbox.fs.tryLookup(absolute(ctx, op))
    if (!node) {
      fail(ctx, `cannot access '${op}': No such file or directory`)
      status = 1
      continue
    }
    const walk = (path: string, n: FsNode, depth: number): number => {
      const size = n.kind === 'dir' ? 4 + [...n.entries].reduce((s, [name, child]) => s + walk(`${path.replace(/\/$/, '')}/${name}`, child, depth + 1), 0) : usageOf(n)
      if (depth <= maxDepth && (n.kind === 'dir' || f.has('a') || depth === 0)) ctx.proc.out(`${show(size)}\t${path}\n`)
      return size
    }
    total += walk(op, node, 0)
  }
  if (f.has('c')) ctx.proc.out(`${show(total)}\ttotal\n`)
  return status
}

const DISK_KIB = 61202244 // a 64 GB disk's ext4, as df reports it
const DISK_USED_BASE = 16094432
const MEM_KIB = 4030060 // half the RAM of an 8 GB host (tmpfs default)

export const df: Program = async (ctx: ProgramContext) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'hTak', '', { 'human-readable': 'h', 'print-type': 'T', all: 'a' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const h = parsed.flags.has('h')
  const host = ctx.proc.sandbox.owner === 'host'
  const used = DISK_USED_BASE + Math.ceil(usageOf(ctx.proc.sandbox.fs.lookup('/')) / 4) * 4
  const disk = [DISK_KIB, used, DISK_KIB - used - Math.floor(DISK_KIB * 0.05)] as const
  const rows: [string, number, number, number, string][] = host
    ? [['udev', MEM_KIB - 20000, 0, MEM_KIB - 20000, '/dev'], ['tmpfs', 806012, 1140, 804872, '/run'], ['/dev/sda1', ...disk, '/'], ['tmpfs', MEM_KIB, 0, MEM_KIB, '/dev/shm']]
    : [['overlay', ...disk, '/'], ['tmpfs', 65536, 0, 65536, '/dev'], ['tmpfs', MEM_KIB, 0, MEM_KIB, '/sys/fs/cgroup'], ['shm', 65536, 0, 65536, '/dev/shm'], ['/dev/sda1', ...disk, '/etc/hosts'], ['tmpfs', MEM_KIB, 0, MEM_KIB, '/proc/acpi'], ['tmpfs', MEM_KIB, 0, MEM_KIB, '/sys/firmware']]
  const pct = (u: number, a: number): string => (u === 0 ? '0%' : `${Math.ceil((u * 100) / (u + a))}%`)
  const cells = rows.map(([fsName, size, u, avail, mount]) => [fsName, h ? human(size) : String(size), h ? human(u) : String(u), h ? human(avail) : String(avail), pct(u, avail), mount])
  const head = ['Filesystem', h ? 'Size' : '1K-blocks', 'Used', h ? 'Avail' : 'Available', 'Use%', 'Mounted on']
  const all = [head, ...cells]
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)))
  for (const r of all) ctx.proc.out(`${r[0]!.padEnd(Math.max(w[0]!, 14))} ${r.slice(1, 5).map((c, i) => c.padStart(w[i + 1]!)).join(' ')} ${r[5]}\n`)
  return 0
}
