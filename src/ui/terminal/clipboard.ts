/**
 * Terminal conveniences: copy and paste through the clipboard, clickable
 * URLs, and search over the buffer. Paste goes through `term.paste`, which
 * turns newlines into Enter (and brackets the text if the program asked for
 * it), so a pasted multi-line block runs as if typed.
 */
import type { ILinkProvider, Terminal } from '@xterm/xterm'

export const isCopyKey = (e: KeyboardEvent): boolean => e.ctrlKey && e.shiftKey && !e.altKey && e.code === 'KeyC'
export const isPasteKey = (e: KeyboardEvent): boolean => e.ctrlKey && e.shiftKey && !e.altKey && e.code === 'KeyV'

export async function copySelection(term: Terminal): Promise<boolean> {
  const text = term.getSelection()
  if (!text) return false
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false // clipboard blocked (insecure context, no permission)
  }
}

export async function pasteClipboard(term: Terminal): Promise<boolean> {
  try {
    const text = await navigator.clipboard.readText()
    if (text) pasteText(term, text)
    return text !== ''
  } catch {
    return false
  }
}

export function pasteText(term: Terminal, text: string): void {
  term.paste(text)
  term.focus()
}

const URL_RE = /\bhttps?:\/\/[^\s"'<>]+[^\s"'<>.,;:!?)\]]/g

/** http(s) URLs in the output open in a new tab (xterm's own link API; no addon needed). */
export function urlLinkProvider(term: Terminal): ILinkProvider {
  return {
    provideLinks(y, callback) {
      const text = term.buffer.active.getLine(y - 1)?.translateToString(true) ?? ''
      const links = [...text.matchAll(URL_RE)].map((m) => ({
        range: { start: { x: m.index + 1, y }, end: { x: m.index + m[0].length, y } },
        text: m[0],
        decorations: { underline: true, pointerCursor: true },
        activate: (_e: MouseEvent, uri: string) => void window.open(uri, '_blank', 'noopener,noreferrer'),
      }))
      callback(links.length ? links : undefined)
    },
  }
}

/**
 * Finds `query` (case-insensitive) from just after the current selection,
 * forwards or backwards, wrapping; selects and scrolls to the match.
 * Returns false when there is none.
 */
export function findInTerminal(term: Terminal, query: string, backwards = false): boolean {
  if (!query) return false
  const buffer = term.buffer.active
  const needle = query.toLowerCase()
  const pos = term.getSelectionPosition()
  const n = buffer.length
  const startRow = pos ? pos.start.y : backwards ? n - 1 : 0
  const startCol = pos ? pos.start.x : backwards ? Infinity : -1
  for (let k = 0; k <= n; k++) {
    const row = (((backwards ? startRow - k : startRow + k) % n) + n) % n
    const text = (buffer.getLine(row)?.translateToString(true) ?? '').toLowerCase()
    let col: number
    if (k === 0) col = backwards ? text.lastIndexOf(needle, startCol - 1) : text.indexOf(needle, startCol + 1)
    else col = backwards ? text.lastIndexOf(needle) : text.indexOf(needle)
    if (k === 0 && backwards && startCol <= 0) col = -1
    if (col >= 0) {
      term.select(col, row, query.length)
      term.scrollToLine(Math.max(0, row - Math.floor(term.rows / 2)))
      return true
    }
  }
  return false
}
