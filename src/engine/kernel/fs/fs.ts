/**
 * In-memory filesystem, one per mount namespace (the host, each container).
 * A bind mount (`-v /host/dir:/data`) makes both trees hold the *same* node
 * object, so a write on either side is seen on the other, as with a real
 * bind mount of one inode. Executables are files whose `program` names an
 * entry of the program registry; the shell finds them through PATH.
 */
export type NodeKind = 'dir' | 'file' | 'symlink'

interface NodeBase {
  ino: number
  mode: number // permission bits, e.g. 0o755
  mtime: number // virtual ms
  uid: number
  gid: number
}
export interface DirNode extends NodeBase {
  kind: 'dir'
  entries: Map<string, FsNode>
}
export interface FileNode extends NodeBase {
  kind: 'file'
  content: string
  /** Set on executables: the registry name of the program it runs. */
  program?: string
}
export interface SymlinkNode extends NodeBase {
  kind: 'symlink'
  target: string
}
export type FsNode = DirNode | FileNode | SymlinkNode

export type FsErrorCode = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL' | 'ELOOP' | 'EBUSY' | 'ENOSPC'

const MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EBUSY: 'Device or resource busy',
  ENOSPC: 'No space left on device',
}

/**
 * Runaway output to files (`yes > /tmp/f`) must end instead of eating the
 * tab's memory. One file holds at most MAX_FILE_SIZE characters (a string's
 * length stands for bytes: the files learners write are text), and the files
 * written through one filesystem at most FS_CAPACITY in all, like a tmpfs
 * mounted with size=. Past either limit a write stores what fits and fails
 * with ENOSPC, as write(2) on a full filesystem does. (Linux would give
 * EFBIG for a per-file RLIMIT_FSIZE; one errno keeps the message learners
 * see the same: `No space left on device`.) Both are far above anything the
 * tutorial writes (a few KiB of redis.conf).
 */
export const MAX_FILE_SIZE = 64 * 1024 * 1024
export const FS_CAPACITY = 256 * 1024 * 1024

/** An errno from a filesystem call; `message` is strerror's text. */
export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(MESSAGES[code])
  }
}

let nextIno = 1 // inode numbers are only compared for identity, never printed yet

/** Joins and normalises a path against a working directory (no symlinks resolved). */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '' || p === '.') continue
    if (p === '..') out.pop()
    else out.push(p)
  }
  return '/' + out.join('/')
}

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || '/'
}

export class FileSystem {
  readonly root: DirNode
  /** Largest file a write may produce (tests lower it). */
  maxFileSize = MAX_FILE_SIZE
  /** Characters the files written through this filesystem may hold in all (tests lower it). */
  capacity = FS_CAPACITY
  /**
   * Characters held by files written through this filesystem: writeFile adds,
   * truncation, unlink and rmdir subtract. Nodes placed with `attach` (image
   * layers, bind mounts) and edits made on nodes directly are not counted.
   */
  used = 0

  constructor(private readonly now: () => number = () => 0) {
    this.root = this.newDir(0o755)
  }

  newDir(mode = 0o755): DirNode {
    return { kind: 'dir', ino: nextIno++, mode, mtime: this.now(), uid: 0, gid: 0, entries: new Map() }
  }

  newFile(content: string, mode = 0o644, program?: string): FileNode {
    const node: FileNode = { kind: 'file', ino: nextIno++, mode, mtime: this.now(), uid: 0, gid: 0, content }
    if (program !== undefined) node.program = program
    return node
  }

  /** Finds a node; follows symlinks (also in the last component unless `nofollow`). */
  lookup(path: string, nofollow = false): FsNode {
    return this.walk(resolvePath('/', path), !nofollow, 0)
  }

  /** Like lookup, but undefined instead of an error: PATH searches and existence checks are hot, and throwing is slow. */
  tryLookup(path: string, nofollow = false): FsNode | undefined {
    const found = this.walk(resolvePath('/', path), !nofollow, 0, false)
    return typeof found === 'string' ? undefined : found
  }

  exists(path: string): boolean {
    return this.tryLookup(path) !== undefined
  }

  private walk(abs: string, followLast: boolean, depth: number): FsNode
  private walk(abs: string, followLast: boolean, depth: number, raise: false): FsNode | FsErrorCode
  private walk(abs: string, followLast: boolean, depth: number, raise = true): FsNode | FsErrorCode {
    // Without `raise`, a miss is just its code: building an Error (and its stack) per miss was a hot spot.
    const fail = (code: FsErrorCode): FsErrorCode => {
      if (raise) throw new FsError(code, abs)
      return code
    }
    if (depth > 40) return fail('ELOOP')
    const parts = abs.split('/').filter(Boolean)
    let node: FsNode = this.root
    let here = '/'
    for (let i = 0; i < parts.length; i++) {
      if (node.kind !== 'dir') return fail('ENOTDIR')
      const child: FsNode | undefined = node.entries.get(parts[i]!)
      if (!child) return fail('ENOENT')
      const last = i === parts.length - 1
      if (child.kind === 'symlink' && (!last || followLast)) {
        const target = resolvePath(here, child.target)
        const rest = parts.slice(i + 1).join('/')
        return raise ? this.walk(rest ? `${target}/${rest}` : target, followLast, depth + 1) : this.walk(rest ? `${target}/${rest}` : target, followLast, depth + 1, false)
      }
      node = child
      here = resolvePath(here, parts[i]!)
    }
    return node
  }

  private parentOf(path: string): { dir: DirNode; name: string } {
    const abs = resolvePath('/', path)
    if (abs === '/') throw new FsError('EBUSY', abs)
    const parent = this.lookup(dirname(abs))
    if (parent.kind !== 'dir') throw new FsError('ENOTDIR', abs)
    return { dir: parent, name: basename(abs) }
  }

  readFile(path: string): string {
    const node = this.lookup(path)
    if (node.kind === 'dir') throw new FsError('EISDIR', path)
    return (node as FileNode).content
  }

  /** Creates or replaces a file's content (O_CREAT|O_TRUNC, or O_APPEND). */
  writeFile(path: string, content: string, options: { append?: boolean; mode?: number } = {}): FileNode {
    const existing = this.tryLookup(path)
    let file: FileNode
    if (existing) {
      if (existing.kind === 'dir') throw new FsError('EISDIR', path)
      file = existing as FileNode
      if (!options.append) {
        this.used = Math.max(0, this.used - file.content.length)
        file.content = ''
      }
    } else {
      const { dir, name } = this.parentOf(path)
      file = this.newFile('', options.mode ?? 0o644)
      dir.entries.set(name, file)
      dir.mtime = this.now()
    }
    // Past a limit, store what fits (a short write) and fail with ENOSPC.
    const room = Math.max(0, Math.min(this.maxFileSize - file.content.length, this.capacity - this.used))
    const fits = content.length <= room ? content : content.slice(0, room)
    if (fits.length > 0) file.content += fits
    this.used += fits.length
    file.mtime = this.now()
    if (fits.length < content.length) throw new FsError('ENOSPC', path)
    return file
  }

  /** Characters held by the files under `node` (for the capacity count when they go). */
  private sizeOf(node: FsNode): number {
    if (node.kind === 'file') return node.content.length
    if (node.kind !== 'dir') return 0
    let total = 0
    for (const child of node.entries.values()) total += this.sizeOf(child)
    return total
  }

  private release(node: FsNode): void {
    this.used = Math.max(0, this.used - this.sizeOf(node))
  }

  mkdir(path: string, options: { parents?: boolean; mode?: number } = {}): DirNode {
    const abs = resolvePath('/', path)
    if (options.parents) {
      let node: FsNode = this.root
      let here = ''
      for (const part of abs.split('/').filter(Boolean)) {
        here += '/' + part
        const existing = this.tryLookup(here)
        if (existing) {
          if (existing.kind !== 'dir') throw new FsError('ENOTDIR', here)
          node = existing
          continue
        }
        const dir = this.newDir(options.mode)
        ;(node as DirNode).entries.set(part, dir)
        node = dir
      }
      return node as DirNode
    }
    const { dir, name } = this.parentOf(abs)
    if (dir.entries.has(name)) throw new FsError('EEXIST', path)
    const created = this.newDir(options.mode)
    dir.entries.set(name, created)
    return created
  }

  readdir(path: string): string[] {
    const node = this.lookup(path)
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path)
    return [...node.entries.keys()].sort()
  }

  /** Places an existing node at `path` (bind mounts, image layers). Parents are created. */
  attach(path: string, node: FsNode): void {
    const abs = resolvePath('/', path)
    this.mkdir(dirname(abs), { parents: true })
    const { dir, name } = this.parentOf(abs)
    dir.entries.set(name, node)
  }

  unlink(path: string): void {
    const { dir, name } = this.parentOf(path)
    const node = dir.entries.get(name)
    if (!node) throw new FsError('ENOENT', path)
    if (node.kind === 'dir') throw new FsError('EISDIR', path)
    dir.entries.delete(name)
    this.release(node)
  }

  rmdir(path: string, recursive = false): void {
    const { dir, name } = this.parentOf(path)
    const node = dir.entries.get(name)
    if (!node) throw new FsError('ENOENT', path)
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path)
    if (!recursive && node.entries.size > 0) throw new FsError('ENOTEMPTY', path)
    dir.entries.delete(name)
    this.release(node)
  }

  rename(from: string, to: string): void {
    const src = this.parentOf(from)
    const node = src.dir.entries.get(src.name)
    if (!node) throw new FsError('ENOENT', from)
    const target = this.tryLookup(to)
    const dest = target?.kind === 'dir' ? { dir: target, name: src.name } : this.parentOf(to)
    src.dir.entries.delete(src.name)
    dest.dir.entries.set(dest.name, node)
  }

  symlink(target: string, path: string): void {
    const { dir, name } = this.parentOf(path)
    if (dir.entries.has(name)) throw new FsError('EEXIST', path)
    dir.entries.set(name, { kind: 'symlink', ino: nextIno++, mode: 0o777, mtime: this.now(), uid: 0, gid: 0, target })
  }
}
