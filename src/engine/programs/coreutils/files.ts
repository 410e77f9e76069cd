/** File utilities: cat, mkdir, touch, rm, cp, mv (GNU coreutils behaviour and messages). */
import type { DirNode, FsNode } from '../../kernel/fs/fs'
import { basename as baseOf, resolvePath } from '../../kernel/fs/fs'
import type { Program } from '../../shell/runtime'
import { absolute, errnoText, fail, parseOptions, usage, isBusybox } from './util'

export const cat: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'nAEsuvT')
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const number = parsed.flags.has('n')
  let line = 1
  let atLineStart = true
  const emit = (text: string): void => {
    if (!number) {
      ctx.proc.out(text)
      return
    }
    let out = ''
    for (const ch of text) {
      if (atLineStart) out += `${String(line++).padStart(6)}\t`
      out += ch
      atLineStart = ch === '\n'
    }
    ctx.proc.out(out)
  }
  const files = parsed.operands.length ? parsed.operands : ['-']
  let status = 0
  for (const f of files) {
    if (f === '-') {
      // Stream stdin chunk by chunk: `ping … | cat` shows each reply as it comes.
      for (let chunk = await ctx.proc.read(); chunk !== null; chunk = await ctx.proc.read()) emit(chunk)
      continue
    }
    let text: string
    try {
      text = ctx.proc.sandbox.fs.readFile(absolute(ctx, f))
    } catch (e) {
      fail(ctx, isBusybox(ctx) ? `can't open '${f}': ${errnoText(e)}` : `${f}: ${errnoText(e)}`)
      status = 1
      continue
    }
    // A failed write (ENOSPC) is not the input's fault: it ends cat with "cat: write error: …" (the kernel reports it).
    emit(text)
  }
  return status
}

export const mkdir: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'pv', 'm', { parents: 'p', verbose: 'v', mode: 'm' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  if (parsed.operands.length === 0) return usage(ctx, 'missing operand')
  const fs = ctx.proc.sandbox.fs
  let status = 0
  for (const dir of parsed.operands) {
    const path = absolute(ctx, dir)
    try {
      if (parsed.flags.has('p')) fs.mkdir(path, { parents: true })
      else fs.mkdir(path)
      if (parsed.flags.has('v')) ctx.proc.out(`mkdir: created directory '${dir}'\n`)
    } catch (e) {
      fail(ctx, `${isBusybox(ctx) ? "can't" : 'cannot'} create directory '${dir}': ${errnoText(e)}`)
      status = 1
    }
  }
  return status
}

export const touch: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'acm')
  if (typeof parsed === 'string') return usage(ctx, parsed)
  if (parsed.operands.length === 0) return usage(ctx, 'missing file operand')
  const fs = ctx.proc.sandbox.fs
  let status = 0
  for (const f of parsed.operands) {
    const path = absolute(ctx, f)
    try {
      const node = fs.tryLookup(path)
      if (node) node.mtime = ctx.kernel.clock.now()
      else fs.writeFile(path, '')
    } catch (e) {
      fail(ctx, `cannot touch '${f}': ${errnoText(e)}`)
      status = 1
    }
  }
  return status
}

export const rm: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1), 'rRfdiv', '', { recursive: 'r', force: 'f', verbose: 'v' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const force = parsed.flags.has('f')
  const recursive = parsed.flags.has('r') || parsed.flags.has('R')
  if (parsed.operands.length === 0) return force ? 0 : usage(ctx, 'missing operand')
  const fs = ctx.proc.sandbox.fs
  let status = 0
  for (const f of parsed.operands) {
    const path = absolute(ctx, f)
    const node = fs.tryLookup(path, true)
    if (!node) {
      if (!force) {
        fail(ctx, `${isBusybox(ctx) ? "can't" : 'cannot'} remove '${f}': No such file or directory`)
        status = 1
      }
      continue
    }
    try {
      if (node.kind === 'dir') {
        if (!recursive && !parsed.flags.has('d')) {
          fail(ctx, isBusybox(ctx) ? `'${f}' is a directory` : `cannot remove '${f}': Is a directory`)
          status = 1
          continue
        }
        fs.rmdir(path, recursive)
      } else fs.unlink(path)
      if (parsed.flags.has('v')) ctx.proc.out(`removed '${f}'\n`)
    } catch (e) {
      fail(ctx, `cannot remove '${f}': ${errnoText(e)}`)
      status = 1
    }
  }
  return status
}

function copyNode(ctx: Parameters<Program>[0], node: FsNode): FsNode {
  const fs = ctx.proc.sandbox.fs
  if (node.kind === 'file') return fs.newFile(node.content, node.mode, node.program)
  if (node.kind === 'symlink') return { ...node }
  const dir: DirNode = fs.newDir(node.mode)
  for (const [name, child] of node.entries) dir.entries.set(name, copyNode(ctx, child))
  return dir
}

async function copyOrMove(ctx: Parameters<Program>[0], move: boolean): Promise<number> {
  const parsed = parseOptions(ctx.argv.slice(1), move ? 'fivnT' : 'rRfivapnT', '', { recursive: 'r', force: 'f', verbose: 'v' })
  if (typeof parsed === 'string') return usage(ctx, parsed)
  const ops = parsed.operands
  if (ops.length === 0) return usage(ctx, 'missing file operand')
  if (ops.length === 1) return usage(ctx, `missing destination file operand after '${ops[0]}'`)
  const fs = ctx.proc.sandbox.fs
  const dest = ops.at(-1)!
  const destPath = absolute(ctx, dest)
  const destIsDir = fs.tryLookup(destPath)?.kind === 'dir'
  if (ops.length > 2 && !destIsDir) {
    fail(ctx, `target '${dest}' is not a directory`)
    return 1
  }
  let status = 0
  for (const src of ops.slice(0, -1)) {
    const srcPath = absolute(ctx, src)
    const node = fs.tryLookup(srcPath)
    if (!node) {
      fail(ctx, `cannot stat '${src}': No such file or directory`)
      status = 1
      continue
    }
    const target = destIsDir ? resolvePath(destPath, baseOf(srcPath)) : destPath
    try {
      if (move) fs.rename(srcPath, target)
      else if (node.kind === 'dir' && !(parsed.flags.has('r') || parsed.flags.has('R') || parsed.flags.has('a'))) {
        fail(ctx, `-r not specified; omitting directory '${src}'`)
        status = 1
      } else if (node.kind === 'file') fs.writeFile(target, node.content, { mode: node.mode })
      else fs.attach(target, copyNode(ctx, node))
    } catch (e) {
      fail(ctx, `cannot ${move ? 'move' : 'create regular file'} '${move ? src : dest}': ${errnoText(e)}`)
      status = 1
    }
  }
  return status
}

export const cp: Program = (ctx) => copyOrMove(ctx, false)
export const mv: Program = (ctx) => copyOrMove(ctx, true)
