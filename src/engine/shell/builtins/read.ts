/**
 * read [-r] [-p prompt] [-s] name…: one line from stdin, split on IFS
 * (the last name takes the rest). Bytes read past the line are kept for
 * the next `read` on the same stream, standing in for read(2) one byte at
 * a time.
 */
import type { InputStream } from '../../kernel/proc/streams'
import type { Builtin } from '../api'

const leftovers = new WeakMap<InputStream, string>()

export const READ_BUILTINS: Record<string, Builtin> = {
  read: async (sh, argv, fds) => {
    let raw = false
    let i = 1
    const names: string[] = []
    for (; i < argv.length; i++) {
      const a = argv[i]!
      if (a === '-r') raw = true
      else if (a === '-p') fds.output(2).write(argv[++i] ?? '')
      else if (a === '-s') continue
      else if (a === '--') {
        i++
        break
      } else break
    }
    names.push(...argv.slice(i))
    if (names.length === 0) names.push('REPLY')
    const stream = fds.input(0)
    let buffer = leftovers.get(stream) ?? ''
    let eof = false
    let line: string
    for (;;) {
      const nl = buffer.indexOf('\n')
      const continued = !raw && nl > 0 && buffer[nl - 1] === '\\'
      if (nl >= 0 && !continued) {
        line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        break
      }
      if (continued) {
        buffer = buffer.slice(0, nl - 1) + buffer.slice(nl + 1)
        continue
      }
      const chunk = await sh.guard(sh.proc.read(stream))
      if (chunk === null) {
        eof = true
        line = buffer
        buffer = ''
        break
      }
      buffer += chunk
    }
    leftovers.set(stream, buffer)
    if (!raw) line = line.replace(/\\(.)/g, '$1')
    const ifs = sh.state.get('IFS') ?? ' \t\n'
    const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('')
    const trim = (s: string): string => (ws ? s.replace(new RegExp(`^[${ws}]+|[${ws}]+$`, 'g'), '') : s)
    let rest = trim(line)
    names.forEach((name, k) => {
      if (k === names.length - 1) {
        sh.state.set(name, rest)
        return
      }
      let j = 0
      while (j < rest.length && !ifs.includes(rest[j]!)) j++
      sh.state.set(name, rest.slice(0, j))
      rest = trim(rest.slice(j + (j < rest.length && !ws.includes(rest[j]!) ? 1 : 0)))
    })
    return eof && line === '' ? 1 : eof ? 1 : 0
  },
}
