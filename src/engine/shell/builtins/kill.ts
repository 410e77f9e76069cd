/**
 * kill as a shell builtin (bash and ash both have it, so `kill %1` can name
 * jobs): kill [-s SIG | -SIG | -N] pid|%job…; kill -l. Only processes of the
 * shell's own sandbox are visible, as with a PID namespace.
 */
import type { SignalName } from '../../kernel/proc/errors'
import type { Builtin } from '../api'
import { signalName } from '../traps'

const KERNEL_SIGNALS: Record<string, SignalName> = { HUP: 'SIGHUP', INT: 'SIGINT', QUIT: 'SIGQUIT', KILL: 'SIGKILL', PIPE: 'SIGPIPE', TERM: 'SIGTERM' }

export const killBuiltin: Builtin = (sh, argv, fds) => {
  const args = argv.slice(1)
  const bash = sh.config.flavor.kind === 'bash'
  if (args[0] === '-l' || args[0] === '-L') {
    fds.output(1).write(bash ? ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t13) SIGPIPE\t15) SIGTERM\n' : 'HUP\nINT\nQUIT\nKILL\nPIPE\nTERM\n')
    return 0
  }
  let signal: SignalName = 'SIGTERM'
  if (args[0] === '-s' || args[0] === '-n') args.splice(0, 2, `-${args[1] ?? ''}`)
  if (args[0] !== undefined && args[0].startsWith('-') && args[0].length > 1 && args[0] !== '--') {
    const spec = args.shift()!.slice(1)
    const name = signalName(spec)
    const s = name ? KERNEL_SIGNALS[name] : undefined
    if (!s) {
      sh.error(bash ? `kill: ${spec}: invalid signal specification` : `kill: bad signal name '${spec}'`, fds)
      return 1
    }
    signal = s
  } else if (args[0] === '--') args.shift()
  if (args.length === 0) {
    sh.error(bash ? 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]' : 'kill: usage: kill [-s SIG | -SIG] PID...', fds)
    return bash ? 2 : 1
  }
  let status = 0
  for (const a of args) {
    if (a.startsWith('%')) {
      const id = a === '%' || a === '%+' || a === '%%' ? sh.state.jobs.at(-1)?.id : Number(a.slice(1))
      const job = sh.state.jobs.find((j) => j.id === id)
      if (!job) {
        sh.error(bash ? `kill: ${a}: no such job` : `kill: ${a}: no such job`, fds)
        status = 1
        continue
      }
      for (const pid of job.pids) sh.ctx.kernel.signalGroup(sh.ctx.kernel.process(pid)?.pgid ?? pid, signal)
      continue
    }
    if (!/^-?[0-9]+$/.test(a)) {
      sh.error(bash ? `kill: ${a}: arguments must be process or job IDs` : `kill: invalid number '${a}'`, fds)
      status = 1
      continue
    }
    const p = sh.ctx.kernel.process(Math.abs(Number(a)))
    if (!p || p.sandbox.owner !== sh.proc.sandbox.owner) {
      sh.error(bash ? `kill: (${a}) - No such process` : `can't kill pid ${a}: No such process`, fds)
      status = 1
      continue
    }
    if (Number(a) < 0) sh.ctx.kernel.signalGroup(p.pgid, signal)
    else p.signal(signal)
  }
  return status
}
