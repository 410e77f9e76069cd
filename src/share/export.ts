/**
 * Export to a real Docker host: the command lines a scenario typed, as a shell script. Keys are
 * turned back into lines the way a line editor would (backspace, ^U, ^C discards the line; cursor
 * and history keys are dropped, so a line edited with them may differ — the script says so).
 * Lines typed in a container's terminal become `docker exec <container> sh -c '…'`.
 */
import type { Scenario } from './scenario'

/** The lines a stream of keys submitted with Enter. */
export function typedLines(keys: string): string[] {
  const lines: string[] = []
  let line = ''
  // Drop escape sequences (arrows, Home/End) before walking the keys.
  // eslint-disable-next-line no-control-regex -- terminal keys are control characters
  const plain = keys.replace(/\x1b\[[0-9;]*[A-Za-z~]|\x1b[OP-S]|\x1b./g, '')
  for (const ch of plain) {
    if (ch === '\r' || ch === '\n') {
      lines.push(line)
      line = ''
    } else if (ch === '\x7f' || ch === '\b') line = line.slice(0, -1)
    else if (ch === '\x15' || ch === '\x03') line = ''
    else if (ch >= ' ' || ch === '\t') line += ch === '\t' ? ' ' : ch
  }
  return lines
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

export function exportShellScript(doc: Scenario): string {
  const out = ['#!/bin/sh', '# Exported from Dockernet Playground. Review before running on a real Docker host.', '# Lines edited with arrow keys or history may differ from what was run.', '']
  const containers = new Map<string, string>()
  const pending = new Map<string, string>()
  for (const step of doc.steps) {
    if (step.open !== undefined) containers.set(step.terminal, step.open)
    if (step.input === undefined) continue
    const keys = (pending.get(step.terminal) ?? '') + step.input
    const lastEnter = Math.max(keys.lastIndexOf('\r'), keys.lastIndexOf('\n'))
    pending.set(step.terminal, keys.slice(lastEnter + 1))
    for (const line of typedLines(keys.slice(0, lastEnter + 1))) {
      if (line.trim() === '') continue
      const container = containers.get(step.terminal)
      out.push(step.terminal === 'host' || container === undefined ? line : `docker exec ${container} sh -c ${quote(line)}`)
    }
  }
  return `${out.join('\n')}\n`
}
