/**
 * Reads cases.txt: each case starts with "## name" and optionally "[bash]" or
 * "[ash]" (run in one shell only); its script is every line up to the next
 * "##". Lines starting with "#" before the first case are the file's notes.
 */
export type ShellKind = 'bash' | 'ash'

export interface Case {
  name: string
  script: string
  shells: ShellKind[]
}

export interface Recorded {
  stdout: string
  stderr: string
  status: number
}

export interface Golden {
  recordedWith: Record<ShellKind, string>
  command: string
  cases: Record<string, Partial<Record<ShellKind, Recorded>>>
}

export function parseCases(text: string): Case[] {
  const cases: Case[] = []
  let current: { name: string; shells: ShellKind[]; lines: string[] } | undefined
  const flush = (): void => {
    if (current) cases.push({ name: current.name, shells: current.shells, script: current.lines.join('\n').replace(/\n+$/, '') + '\n' })
  }
  for (const line of text.split('\n')) {
    const m = /^## (\S+)(?: \[(bash|ash)\])?$/.exec(line)
    if (m) {
      flush()
      current = { name: m[1]!, shells: m[2] ? [m[2] as ShellKind] : ['bash', 'ash'], lines: [] }
    } else if (current) current.lines.push(line)
  }
  flush()
  return cases
}
