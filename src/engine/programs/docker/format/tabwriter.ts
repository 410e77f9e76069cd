/**
 * Go's text/tabwriter (flags 0, space padding), which every Docker table
 * goes through: cells are tab-terminated, the text after a line's last tab
 * is not aligned, a column's width is max(minwidth, widest cell + padding)
 * over a block of consecutive lines that have that column. Widths count
 * runes, as Go does (utf8.RuneCount).
 */
const runeCount = (s: string): number => [...s].length

export function tabwrite(text: string, minwidth: number, padding: number): string {
  const lines = text.split('\n')
  const trailingNewline = lines.at(-1) === ''
  if (trailingNewline) lines.pop()
  const cells = lines.map((l) => l.split('\t'))
  const out: string[] = []
  const widths: number[] = []

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = cells[i]!
      out.push(line.map((c, j) => (j < widths.length ? c + ' '.repeat(Math.max(0, widths[j]! - runeCount(c))) : c)).join(''))
    }
  }

  const format = (line0: number, line1: number): void => {
    const column = widths.length
    for (let i = line0; i < line1; i++) {
      if (column >= cells[i]!.length - 1) continue
      writeLines(line0, i)
      line0 = i
      let width = minwidth
      for (; i < line1; i++) {
        const line = cells[i]!
        if (column >= line.length - 1) break
        width = Math.max(width, runeCount(line[column]!) + padding)
      }
      widths.push(width)
      format(line0, i)
      widths.pop()
      line0 = i
      // (Go skips line i next: it has no cell in this column)
    }
    writeLines(line0, line1)
  }

  format(0, cells.length)
  return out.join('\n') + (trailingNewline ? '\n' : '')
}

/** Docker's table settings (cli/command/formatter: minwidth 10, padding 3; fact 11). */
export function table(rows: readonly (readonly string[])[]): string {
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', 10, 3)
}
