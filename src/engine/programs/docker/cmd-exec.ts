/**
 * `docker exec` (docker/cli 20.10 cli/command/container/exec.go): inspect
 * first (so a missing container reads `Error: No such container: x`), then
 * exec. With `-it` the process runs on this terminal in a process group of
 * its own that becomes the foreground group, so ^C reaches it and `exit`
 * returns to the caller; the exit status is the process's. Without a TTY
 * there is no signal proxy: ^C ends this CLI and the process runs on, as
 * with a real `docker exec`.
 */
import { Interrupted } from '../../kernel/proc/errors'
import { call, clientError, daemonError, type Cli } from './cli'
import { flagList, flagValue, type ParsedFlags } from './flags'

export async function exec(cli: Cli, f: ParsedFlags): Promise<number> {
  const proc = cli.ctx.proc
  const [container, ...cmd] = f.args
  const interactive = f.bools.has('interactive')
  const wantTty = f.bools.has('tty')
  const tty = proc.stdin.tty
  if (interactive && wantTty && !tty) {
    cli.err('the input device is not a TTY\n')
    return 1
  }
  try {
    await call(cli, cli.api.containerInspect(container!))
  } catch (e) {
    cli.err(`${clientError(e)}\n`)
    return 1
  }
  const onTty = wantTty && tty !== undefined
  // The hijacked connection: once this CLI is gone (^C kills it; exec has no sig-proxy), output stops reaching us.
  let attached = true
  const stdout = { write: (d: string) => attached && proc.stdout.write(d) }
  const stderr = { write: (d: string) => attached && proc.stderr.write(d) }
  const workdir = flagValue(f, 'workdir')
  let child
  try {
    child = await call(
      cli,
      cli.api.containerExec(container!, {
        cmd,
        env: flagList(f, 'env'),
        ...(workdir !== undefined ? { workingDir: workdir } : {}),
        ...(onTty ? { tty } : { stdout, stderr, ...(interactive ? { stdin: proc.stdin } : {}) }),
      }),
    )
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    if (message.startsWith('OCI runtime exec failed')) {
      cli.out(`${message}\n`)
      return 126
    }
    cli.err(`${daemonError(e)}\n`)
    return 1
  }
  if (f.bools.has('detach')) return 0
  const previousForeground = tty?.foregroundPgid
  if (onTty) tty.foregroundPgid = child.pgid
  try {
    for (;;) {
      try {
        return await proc.waitFor(child.exited)
      } catch (e) {
        if (!(e instanceof Interrupted)) throw e
      }
    }
  } finally {
    attached = false
    if (onTty && previousForeground !== undefined) tty.foregroundPgid = previousForeground
  }
}
