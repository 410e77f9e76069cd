import { describe, expect, it } from 'vitest'
import { ShellHarness } from '../../testing/shell-harness'

describe('trap, kill, pipefail, aliases, ps', () => {
  it('runs an INT trap after the foreground command and carries on', async () => {
    const h = new ShellHarness()
    const proc = h.runner.spawn(undefined, ['bash', '-c', 'trap "echo caught" INT; sleep 5; echo after'], { sandbox: h.sandbox, env: { ...h.env }, cwd: '/root', stdin: h.tty, stdout: h.tty, stderr: h.tty, tty: h.tty })
    if ('error' in proc) throw new Error('spawn')
    h.tty.foregroundPgid = proc.pgid
    await h.advance(1000)
    await h.keys('\x03')
    await h.runUntil(() => !proc.running)
    expect(h.output).toBe('^Ccaught\nafter\n')
    expect(proc.exitCode).toBe(0)
  })

  it('kill %1 ends a background job; jobs reports it', async () => {
    const h = new ShellHarness()
    await h.login()
    expect(await h.type('sleep 100 &')).toMatch(/^sleep 100 &\n\[1\] \d+\n/)
    await h.type('kill %1')
    await h.advance(10)
    expect(await h.type('echo x')).toMatch(/\[1\]\+ {2}(Terminated|Exit 143) +sleep 100\n/)
  })

  it('pipefail, exec and aliases at the prompt', async () => {
    const h = new ShellHarness()
    expect((await h.run('set -o pipefail; false | true; echo $?')).stdout).toBe('1\n')
    expect((await h.run('exec echo replaced; echo never')).stdout).toBe('replaced\n')
    await h.login()
    await h.type("alias ll='ls -1'")
    expect(await h.type('ll /root | wc -l')).toBe('ll /root | wc -l\n0\nroot@docker-host:~# ')
  })

  it('ps lists the sandbox processes in procps and busybox columns', async () => {
    const h = new ShellHarness()
    await h.login()
    const out = await h.type('ps')
    expect(out).toMatch(/^ps\n {4}PID TTY {10}TIME CMD\n +\d+ pts\/0 +00:00:00 bash\n +\d+ pts\/0 +00:00:00 ps\n/)
    const bb = new ShellHarness({ busybox: true })
    const r = await bb.run('ps', { shell: 'sh' })
    expect(r.stdout).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n +\d+ root +0:00 sh -c ps\n/)
  })
})

describe('messages of an interactive shell', () => {
  it('a missing command in a pipeline or subshell at the prompt has no "line N:" (bash keeps interactive_shell set)', async () => {
    const h = new ShellHarness()
    await h.login()
    expect(await h.type('nosuch | cat')).toBe('nosuch | cat\nbash: nosuch: command not found\nroot@docker-host:~# ')
    expect(await h.type('(nosuch)')).toBe('(nosuch)\nbash: nosuch: command not found\nroot@docker-host:~# ')
    expect((await h.run('nosuch | cat')).stderr).toBe('bash: line 1: nosuch: command not found\n')
  })
})
