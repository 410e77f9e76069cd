/**
 * The runtime API programs are written against: a program is an async
 * function of its context that returns an exit status. Programs never import
 * each other; they reach other executables through `exec`, which looks the
 * name up on PATH in the process's own filesystem, as execvp(3) does.
 */
import type { Kernel } from '../kernel/kernel'
import type { Process, Sandbox } from '../kernel/proc/process'
import type { InputStream, OutputStream } from '../kernel/proc/streams'
import type { Tty } from '../kernel/proc/tty'
import { resolvePath } from '../kernel/fs/fs'
import { ForkError } from '../kernel/proc/errors'

export interface ProgramContext {
  readonly proc: Process
  readonly argv: readonly string[]
  readonly kernel: Kernel
  /** Runs another executable as a child process and waits for its exit status. */
  exec(argv: readonly string[], options?: ExecOptions): Promise<number>
  /**
   * Starts another executable as a child process without waiting. Like
   * `fork`, throws ForkError (EAGAIN) when the kernel's process table is full.
   */
  spawn(argv: readonly string[], options?: ExecOptions): Process | ExecFailure
  /**
   * fork(2): starts a child process that runs `main` (not a named program)
   * with a context of its own: the shell's subshells, pipeline stages and
   * background jobs. Optional so hand-made contexts in tests need not
   * provide it; the shell then runs such subshells inside its own process.
   */
  fork?(main: (ctx: ProgramContext) => Promise<number>, options?: ExecOptions): Process
}

export interface ExecOptions {
  sandbox?: Sandbox
  env?: Record<string, string>
  cwd?: string
  stdin?: InputStream
  stdout?: OutputStream
  stderr?: OutputStream
  tty?: Tty
  /** New process group (a job of its own); default: the parent's. */
  newGroup?: boolean
}

/** execvp failed before a process existed: the shell prints these. */
export interface ExecFailure {
  readonly error: 'not-found' | 'not-executable' | 'is-directory'
  readonly path: string
}

export type Program = (ctx: ProgramContext) => Promise<number>

export class ProgramRegistry {
  private programs = new Map<string, Program>()

  register(name: string, program: Program): this {
    this.programs.set(name, program)
    return this
  }

  get(name: string): Program | undefined {
    return this.programs.get(name)
  }

  names(): string[] {
    return [...this.programs.keys()].sort()
  }
}

/** Finds an executable as execvp(3) does: a name with a slash is a path, otherwise PATH is searched. */
export function findExecutable(sandbox: Sandbox, cwd: string, name: string, path: string): { program: string; path: string } | ExecFailure {
  const candidates = name.includes('/') ? [resolvePath(cwd, name)] : path.split(':').filter(Boolean).map((dir) => resolvePath(cwd, `${dir}/${name}`))
  for (const candidate of candidates) {
    const node = sandbox.fs.tryLookup(candidate)
    if (!node) continue
    if (node.kind === 'dir') {
      if (name.includes('/')) return { error: 'is-directory', path: candidate }
      continue
    }
    if (node.kind === 'file' && node.program !== undefined && (node.mode & 0o111) !== 0) return { program: node.program, path: candidate }
    if (name.includes('/')) return { error: 'not-executable', path: candidate }
  }
  return { error: 'not-found', path: name }
}

export function isExecFailure(x: unknown): x is ExecFailure {
  return typeof x === 'object' && x !== null && 'error' in x
}

/**
 * Binds programs to the kernel: `start` runs an executable by name in a
 * sandbox and gives every program a context whose `exec`/`spawn` come back here.
 */
export class ProgramRunner {
  constructor(
    readonly kernel: Kernel,
    readonly registry: ProgramRegistry,
  ) {}

  spawn(parent: Process | undefined, argv: readonly string[], options: ExecOptions & { sandbox: Sandbox }): Process | ExecFailure {
    const env = options.env ?? parent?.env ?? {}
    const cwd = options.cwd ?? parent?.cwd ?? '/'
    const found = findExecutable(options.sandbox, cwd, argv[0] ?? '', env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
    if (isExecFailure(found)) return found
    const program = this.registry.get(found.program)
    if (!program) return { error: 'not-found', path: argv[0] ?? '' }
    const proc = this.kernel.spawn(
      {
        parent,
        ...(options.newGroup || !parent ? {} : { pgid: parent.pgid }),
        argv,
        env: { ...env },
        cwd,
        sandbox: options.sandbox,
        stdin: options.stdin ?? parent?.stdin ?? { read: () => Promise.resolve(null) },
        stdout: options.stdout ?? parent?.stdout ?? { write: () => {} },
        stderr: options.stderr ?? parent?.stderr ?? { write: () => {} },
        ...((options.tty ?? parent?.tty) ? { tty: (options.tty ?? parent?.tty)! } : {}),
      },
      (p) => program(this.contextFor(p)),
    )
    return proc
  }

  contextFor(proc: Process): ProgramContext {
    return {
      proc,
      argv: proc.argv,
      kernel: this.kernel,
      spawn: (argv, options = {}) => this.spawn(proc, argv, { ...options, sandbox: options.sandbox ?? proc.sandbox }),
      fork: (main, options = {}) => {
        const tty = options.tty ?? proc.tty
        return this.kernel.spawn(
          {
            parent: proc,
            ...(options.newGroup ? {} : { pgid: proc.pgid }),
            argv: proc.argv,
            env: { ...(options.env ?? proc.env) },
            cwd: options.cwd ?? proc.cwd,
            sandbox: options.sandbox ?? proc.sandbox,
            stdin: options.stdin ?? proc.stdin,
            stdout: options.stdout ?? proc.stdout,
            stderr: options.stderr ?? proc.stderr,
            ...(tty ? { tty } : {}),
          },
          (p) => main(this.contextFor(p)),
        )
      },
      exec: async (argv, options = {}) => {
        let child: Process | ExecFailure
        try {
          child = this.spawn(proc, argv, { ...options, sandbox: options.sandbox ?? proc.sandbox })
        } catch (e) {
          if (!(e instanceof ForkError)) throw e
          // What a C program's perror("fork") prints; 126 as a shell reports a command it could not run.
          ;(options.stderr ?? proc.stderr).write(`${proc.argv[0] ?? '?'}: fork: ${e.message}\n`)
          return 126
        }
        if (isExecFailure(child)) {
          ;(options.stderr ?? proc.stderr).write(`${argv[0]}: ${child.error === 'not-found' ? 'command not found' : 'Permission denied'}\n`)
          return child.error === 'not-found' ? 127 : 126
        }
        return proc.waitFor(child.exited)
      },
    }
  }
}
