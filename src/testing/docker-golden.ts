/**
 * Golden comparisons against the real captures in refs/docker: a loader
 * for the capture format (line 1 the command, line 2 the exit status and
 * streams, then the output) and a normaliser that replaces ONLY values a
 * real run cannot reproduce, each under a named field:
 *  - `hex`: 64- and 12-hex ids and digests. Numbered by their first 12
 *    digits in order of first appearance, so a 12-hex id must be the prefix
 *    of the 64-hex id it stands for (else the numbering differs).
 *  - `port`: published host ports (32768+ on the capture machine, 49153+
 *    here), numbered the same way.
 *  - `ifindex`: interface indexes in `ip addr` (`103: eth0@if104`), which
 *    depend on everything the session created before.
 * Everything else must match character for character.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REFS = join(dirname(fileURLToPath(import.meta.url)), 'refs', 'docker')

export interface Capture {
  readonly file: string
  readonly command: string
  readonly status: number
  readonly output: string
}

export function loadCapture(file: string): Capture {
  const text = readFileSync(join(REFS, file), 'utf8')
  const [first, second, ...rest] = text.split('\n')
  const status = /exit status (\d+)/.exec(second ?? '')
  if (!first?.startsWith('$ ') || !status) throw new Error(`${file}: not a capture`)
  const output = rest.join('\n')
  return { file, command: first.slice(2), status: Number(status[1]), output }
}

export type Field = 'hex' | 'port' | 'ifindex'

export class Normaliser {
  private readonly numbers: Record<Field, Map<string, number>> = { hex: new Map(), port: new Map(), ifindex: new Map() }

  private number(field: Field, key: string): number {
    const map = this.numbers[field]
    let n = map.get(key)
    if (n === undefined) {
      n = map.size
      map.set(key, n)
    }
    return n
  }

  /** Values seen so far per field (for assertions that a field really varied). */
  seen(field: Field): string[] {
    return [...this.numbers[field].keys()]
  }

  apply(text: string, fields: readonly Field[] = ['hex', 'port']): string {
    let out = text
    if (fields.includes('hex')) {
      out = out.replace(/(?<![0-9a-f])([0-9a-f]{64}|[0-9a-f]{12})(?![0-9a-f])/g, (m) => `<hex#${this.number('hex', m.slice(0, 12))}${m.length === 64 ? '…' : ''}>`)
    }
    if (fields.includes('port')) out = out.replace(/(?<=:)(\d{5})(?=->)/g, (m) => `<port#${this.number('port', m)}>`)
    if (fields.includes('ifindex')) {
      out = out.replace(/^(\d+)(?=: )|(?<=@if)(\d+)/gm, (m) => `<if#${this.number('ifindex', m)}>`)
    }
    return out
  }
}

/**
 * Splits a Docker table into cells at the header's column starts, so rows
 * can be compared after a named cell normaliser (e.g. images' CREATED and
 * SIZE). The layout itself is checked by the tabwriter's own tests.
 */
export function tableCells(text: string): string[][] {
  const lines = text.split('\n').filter((l) => l !== '')
  const header = lines[0] ?? ''
  const starts: number[] = []
  for (const m of header.matchAll(/\S+(?: \S+)*/g)) starts.push(m.index)
  return lines.map((line) => starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length).trim()))
}
