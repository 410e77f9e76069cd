/**
 * File descriptors of the shell and its commands, and the redirections
 * that rearrange them (XCU 2.7). A descriptor table is immutable: a
 * redirection makes a new table for the one command it applies to, so
 * `cmd > file` never disturbs the shell's own stdout.
 */
import type { FileSystem } from '../kernel/fs/fs'
import { FsError, resolvePath } from '../kernel/fs/fs'
import { NULL_INPUT, NULL_OUTPUT, stringSource, type InputStream, type OutputStream } from '../kernel/proc/streams'
import type { Redirect } from './ast'

export type Stream = InputStream | OutputStream

export class Fds {
  constructor(private readonly table: ReadonlyMap<number, Stream>) {}

  static of(stdin: InputStream, stdout: OutputStream, stderr: OutputStream): Fds {
    return new Fds(new Map<number, Stream>([[0, stdin], [1, stdout], [2, stderr]]))
  }

  get(fd: number): Stream | undefined {
    return this.table.get(fd)
  }

  input(fd = 0): InputStream {
    const s = this.table.get(fd)
    return s && 'read' in s ? s : NULL_INPUT
  }

  output(fd = 1): OutputStream {
    const s = this.table.get(fd)
    return s && 'write' in s ? s : NULL_OUTPUT
  }

  with(fd: number, stream: Stream | undefined): Fds {
    const table = new Map(this.table)
    if (stream) table.set(fd, stream)
    else table.delete(fd)
    return new Fds(table)
  }
}

/** Appends to a file on every write, so output streams into it as produced. */
export class FileOutput implements OutputStream {
  constructor(
    private readonly fs: FileSystem,
    private readonly path: string,
  ) {}
  write(data: string): void {
    try {
      this.fs.writeFile(this.path, data, { append: true })
    } catch (e) {
      // A full file or filesystem: the writer gets ENOSPC (FsError) and reports it.
      if (e instanceof FsError && e.code === 'ENOSPC') throw e
      // The file vanished (rm while writing): the data goes nowhere, as with an unlinked inode.
    }
  }
}

/** A redirection could not be performed: the message is "target: strerror". */
export class RedirectError extends Error {}

export interface RedirectTarget {
  fs: FileSystem
  cwd: string
  /** Special files the filesystem may not model (/dev/null, /dev/tty). */
  device(path: string): Stream | undefined
}

/** Applies one redirection whose target word is already expanded. */
export function applyRedirect(fds: Fds, r: Redirect, target: string, env: RedirectTarget, heredocText?: string): Fds {
  switch (r.op) {
    case '<<':
    case '<<-':
      return fds.with(r.fd ?? 0, stringSource(heredocText ?? ''))
    case '<&':
    case '>&': {
      const fd = r.fd ?? (r.op === '<&' ? 0 : 1)
      if (target === '-') return fds.with(fd, undefined)
      if (/^[0-9]+$/.test(target)) {
        const src = fds.get(Number(target))
        if (!src) throw new RedirectError(`${target}: Bad file descriptor`)
        return fds.with(fd, src)
      }
      if (r.op === '<&') throw new RedirectError(`${target}: ambiguous redirect`)
      // `>& file` is bash's `&> file`.
      const out = openOutput(target, false, env)
      return fds.with(1, out).with(2, out)
    }
    case '&>':
    case '&>>': {
      const out = openOutput(target, r.op === '&>>', env)
      return fds.with(1, out).with(2, out)
    }
    case '<':
    case '<>':
      return fds.with(r.fd ?? 0, openInput(target, env))
    case '>':
    case '>|':
    case '>>':
      return fds.with(r.fd ?? 1, openOutput(target, r.op === '>>', env))
  }
}

function openInput(target: string, env: RedirectTarget): Stream {
  const dev = env.device(target)
  if (dev) return dev
  try {
    return stringSource(env.fs.readFile(resolvePath(env.cwd, target)))
  } catch (e) {
    if (e instanceof FsError) throw new RedirectError(`${target}: ${e.message}`)
    throw e
  }
}

function openOutput(target: string, append: boolean, env: RedirectTarget): OutputStream {
  if (target === '') throw new RedirectError(`: No such file or directory`)
  const dev = env.device(target)
  if (dev) return 'write' in dev ? dev : NULL_OUTPUT
  const path = resolvePath(env.cwd, target)
  try {
    env.fs.writeFile(path, '', { append: append || false })
  } catch (e) {
    if (e instanceof FsError) throw new RedirectError(`${target}: ${e.message}`)
    throw e
  }
  return new FileOutput(env.fs, path)
}
