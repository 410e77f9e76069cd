/**
 * Byte streams between processes: the reading and writing ends a process's
 * stdin/stdout/stderr are bound to. Data are JS strings of UTF-16 text (the
 * engine never needs raw bytes). A pipe keeps its buffer until read; a write
 * never blocks (pipes are unbounded), which keeps producers simple.
 */
import type { Tty } from './tty'

/** Lets a blocked reader withdraw (its process was signalled) so no input is lost to it. */
export interface CancelToken {
  onCancel(cancel: () => void): void
}

export interface InputStream {
  /** The next chunk, or null at end of file. Use `Process.read`, which makes the wait interruptible. */
  read(token?: CancelToken): Promise<string | null>
  /** When the stream is a terminal, the terminal. */
  readonly tty?: Tty
}

export interface OutputStream {
  write(data: string): void
  readonly tty?: Tty
  /** False once no reader is left: writes are dropped and Process.out raises SIGPIPE (EPIPE). */
  readonly open?: boolean
}

export class Pipe {
  private buffer: string[] = []
  private waiters: ((chunk: string | null) => void)[] = []
  private writers = 1
  private readerOpen = true

  readonly reader: InputStream & { close(): void } = {
    read: (token?: CancelToken) => this.read(token),
    close: () => {
      this.readerOpen = false
      this.buffer = []
    },
  }

  readonly writer: OutputStream & { close(): void } = ((pipe: Pipe) => ({
    write: (data: string) => pipe.write(data),
    close: () => pipe.closeWriter(),
    // False once the reading end is closed: the writer's next write gets SIGPIPE (Process.out).
    get open() {
      return pipe.readerOpen
    },
  }))(this)

  private write(data: string): void {
    if (!this.readerOpen || data === '') return
    const waiter = this.waiters.shift()
    if (waiter) waiter(data)
    else this.buffer.push(data)
  }

  private read(token?: CancelToken): Promise<string | null> {
    if (this.buffer.length > 0) return Promise.resolve(this.buffer.splice(0).join(''))
    if (this.writers === 0) return Promise.resolve(null)
    return new Promise((resolve) => {
      this.waiters.push(resolve)
      token?.onCancel(() => {
        const i = this.waiters.indexOf(resolve)
        if (i >= 0) this.waiters.splice(i, 1)
      })
    })
  }

  /** Another process holds the writing end (e.g. both sides of `a; b` write to one pipe). */
  addWriter(): void {
    this.writers++
  }

  private closeWriter(): void {
    if (this.writers === 0) return
    this.writers--
    if (this.writers === 0) for (const w of this.waiters.splice(0)) w(null)
  }
}

/** Collects everything written; used for `$(...)` and by tests. */
export class StringSink implements OutputStream {
  private chunks: string[] = []
  write(data: string): void {
    this.chunks.push(data)
  }
  text(): string {
    return this.chunks.join('')
  }
}

/** A stream with fixed content (here-documents, `docker exec` without -i). */
export function stringSource(text: string): InputStream {
  let done = false
  return {
    read: () => {
      if (done || text === '') return Promise.resolve(null)
      done = true
      return Promise.resolve(text)
    },
  }
}

export const NULL_INPUT: InputStream = { read: () => Promise.resolve(null) }
export const NULL_OUTPUT: OutputStream = { write: () => {} }

