/**
 * Where an interactive shell gets its lines. On a terminal: the line
 * editor, with the terminal in raw mode (no echo, no ISIG: ^C is a key to
 * the editor) only while a line is being edited, and canonical again
 * before the command runs, as readline's prep/deprep_terminal do. On
 * anything else (`sh -i < file`): plain lines, the prompt still printed.
 */
import { Tty } from '../kernel/proc/tty'
import type { Shell } from './interpreter'
import { LineEditor, type ReadResult } from './editor'
import { complete, completionSourceFor } from './complete'
import { BUILTINS } from './builtins'

export interface LineReader {
  readLine(prompt: string): Promise<ReadResult>
}

const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', '{', '}', '!', '[[', ']]', 'time', 'select']

export function openReader(sh: Shell): LineReader {
  const proc = sh.proc
  const stdin = sh.fds.input(0)
  const tty = stdin.tty
  const err = sh.fds.output(2)
  if (tty instanceof Tty) {
    const editor = new LineEditor(
      {
        write: (t) => err.write(t),
        read: () => proc.read(stdin),
        unread: (t) => tty.unread(t),
        cols: () => tty.cols,
      },
      (line, cursor) =>
        complete(
          {
            fs: proc.sandbox.fs,
            cwd: sh.state.cwd,
            home: sh.state.get('HOME'),
            path: sh.state.get('PATH') ?? '',
            shellWords: [...sh.state.aliases.keys(), ...KEYWORDS, ...sh.state.functions.keys(), ...Object.keys(BUILTINS)],
            source: completionSourceFor(sh.ctx.kernel),
            proc,
          },
          line,
          cursor,
        ),
    )
    return {
      async readLine(prompt) {
        tty.setMode({ canonical: false, echo: false, signals: false })
        try {
          return await editor.readLine(prompt, sh.state.history)
        } finally {
          tty.setMode({ canonical: true, echo: true, signals: true })
        }
      },
    }
  }
  let buffer = ''
  let eof = false
  return {
    async readLine(prompt) {
      err.write(prompt)
      for (;;) {
        const nl = buffer.indexOf('\n')
        if (nl >= 0) {
          const text = buffer.slice(0, nl)
          buffer = buffer.slice(nl + 1)
          return { kind: 'line', text }
        }
        if (eof) {
          if (buffer === '') return { kind: 'eof' }
          const text = buffer
          buffer = ''
          return { kind: 'line', text }
        }
        const chunk = await proc.read(stdin)
        if (chunk === null) eof = true
        else buffer += chunk
      }
    },
  }
}
