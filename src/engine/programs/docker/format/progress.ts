/**
 * docker/cli's jsonmessage rendering of a pull stream (fact 25; captures
 * 181 non-TTY, 183 TTY bytes): on a terminal each layer keeps its own line
 * and is redrawn in place (ESC[nA, ESC[2K, CR, text, CR, ESC[nB); messages
 * with a progress bar are dropped on a pipe. The bar itself appears only
 * when the terminal is wider than 110 columns (JSONProgress.String).
 */
import type { PullMessage } from '../../../docker/pull'
import { humanSize } from './units'

export function progressString(detail: PullMessage['progressDetail'], width: number): string {
  const current = detail?.current ?? 0
  const total = detail?.total ?? 0
  if (current <= 0 && total <= 0) return ''
  if (total <= 0) return humanSize(current).padStart(8)
  const percentage = Math.min(50, Math.trunc(Math.trunc((current / total) * 100) / 2))
  const bar = width > 110 ? `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] ` : ''
  const numbers = current > total ? humanSize(current).padStart(8) : `${humanSize(current).padStart(8)}/${humanSize(total)}`
  return bar + numbers
}

/** DisplayJSONMessagesStream: keeps the layer → line map between messages. */
export class JsonMessageDisplay {
  private ids = new Map<string, number>()

  constructor(
    private readonly write: (text: string) => void,
    private readonly isTerminal: boolean,
    private readonly width: () => number,
  ) {}

  display(m: PullMessage): void {
    let diff = 0
    if (m.id !== undefined && m.progressDetail) {
      let line = this.ids.get(m.id)
      if (line === undefined) {
        line = this.ids.size
        this.ids.set(m.id, line)
        if (this.isTerminal) this.write('\n')
      }
      diff = this.ids.size - line
      if (this.isTerminal && diff > 0) this.write(`\x1b[${diff}A`)
    } else {
      // Anything that is not layer progress ends the in-place block.
      this.ids = new Map()
    }
    this.show(m)
    if (m.id !== undefined && this.isTerminal && diff > 0) this.write(`\x1b[${diff}B`)
  }

  /** JSONMessage.Display. */
  private show(m: PullMessage): void {
    const progress = m.progressDetail ? progressString(m.progressDetail, this.width()) : ''
    let endl = ''
    if (this.isTerminal && m.progressDetail) {
      this.write('\x1b[2K')
      endl = '\r'
      this.write(endl)
    } else if (m.progressDetail && progress !== '') {
      return // no progress bars on a pipe
    }
    const prefix = m.id !== undefined ? `${m.id}: ` : ''
    if (m.progressDetail && this.isTerminal) this.write(`${prefix}${m.status} ${progress}${endl}`)
    else this.write(`${prefix}${m.status}${endl}\n`)
  }
}
