import { describe, expect, it } from 'vitest'
import { ShellHarness } from '../../../testing/shell-harness'

describe('interactive bash on a terminal', () => {
  it('prints the host prompt and runs typed lines', async () => {
    const h = new ShellHarness()
    await h.login()
    expect(h.take()).toBe('root@docker-host:~# ')
    expect(await h.type('echo hello')).toBe('echo hello\nhello\nroot@docker-host:~# ')
    expect(await h.type('cd /tmp')).toBe('cd /tmp\nroot@docker-host:/tmp# ')
  })

  it('continues an incomplete command with PS2', async () => {
    const h = new ShellHarness()
    await h.login()
    h.take()
    expect(await h.type('for i in 1 2; do')).toBe('for i in 1 2; do\n> ')
    expect(await h.type('echo "x$i')).toBe('echo "x$i\n> ')
    expect(await h.type('"; done')).toBe('"; done\nx1\n\nx2\n\nroot@docker-host:~# ')
    expect(await h.type('echo a \\')).toBe('echo a \\\n> ')
    expect(await h.type('b |')).toBe('b |\n> ')
    expect(await h.type('cat')).toBe('cat\na b\nroot@docker-host:~# ')
  })

  it('runs a pasted here-document block', async () => {
    const h = new ShellHarness()
    await h.login()
    for (const line of ['cat << EOF > /tmp/x', 'port ${HOME}', 'EOF']) await h.type(line)
    expect(h.fs.readFile('/tmp/x')).toBe('port /root\n')
  })

  it('^C interrupts sleep 100 and gives a fresh prompt', async () => {
    const h = new ShellHarness()
    await h.login()
    h.take()
    h.tty.input('sleep 100; echo after\r')
    await h.advance(2000)
    expect(h.shell!.running).toBe(true)
    expect(h.tty.foregroundPgid).not.toBe(h.shell!.pgid)
    await h.keys('\x03')
    await h.untilPrompt(1000)
    expect(h.take()).toBe('sleep 100; echo after\n^C\nroot@docker-host:~# ')
    expect(h.clock.now()).toBeLessThan(10_000)
    expect(h.tty.foregroundPgid).toBe(h.shell!.pgid)
    expect(await h.type('echo $?')).toBe('echo $?\n130\nroot@docker-host:~# ')
  })

  it('^C interrupts a busy while loop in the shell itself', async () => {
    const h = new ShellHarness()
    await h.login()
    h.take()
    h.tty.input('while true; do :; done\r')
    expect(await h.untilPrompt(1000, 50)).toBe(false)
    await h.keys('\x03', 50)
    expect(await h.untilPrompt(1000, 50)).toBe(true)
    expect(h.take()).toBe('while true; do :; done\n^C\nroot@docker-host:~# ')
  })

  it('^C at the prompt discards the line', async () => {
    const h = new ShellHarness()
    await h.login()
    h.take()
    await h.keys('echo partial')
    await h.keys('\x03')
    await h.untilPrompt()
    expect(h.take()).toBe('echo partial^C\nroot@docker-host:~# ')
  })

  it('prints syntax errors and goes on', async () => {
    const h = new ShellHarness()
    await h.login()
    expect(await h.type('fi')).toContain("bash: syntax error near unexpected token `fi'\n")
    expect(await h.type('echo $?')).toBe('echo $?\n2\nroot@docker-host:~# ')
    expect(await h.type('nosuch')).toBe('nosuch\nbash: nosuch: command not found\nroot@docker-host:~# ')
  })

  it('ends on ^D with "exit", and on exit n', async () => {
    const h = new ShellHarness()
    const sh = await h.login()
    h.take()
    await h.keys('\x04')
    await h.untilPrompt()
    expect(h.take()).toBe('exit\n')
    expect(sh.exitCode).toBe(0)
    const h2 = new ShellHarness()
    const sh2 = await h2.login()
    await h2.type('exit 4')
    expect(sh2.exitCode).toBe(4)
  })

  it('runs background jobs and reports them', async () => {
    const h = new ShellHarness()
    await h.login()
    h.take()
    const out = await h.type('sleep 1 &')
    expect(out).toMatch(/^sleep 1 &\n\[1\] \d+\nroot@docker-host:~# $/)
    await h.advance(2000)
    expect(await h.type('')).toBe('\n[1]+  Done                    sleep 1\nroot@docker-host:~# ')
  })
})

describe('busybox ash in a container', () => {
  it('prints "/data # " and busybox messages', async () => {
    const h = new ShellHarness({ hostname: 'b7c3f1' })
    h.fs.mkdir('/data')
    await h.login('sh', '/data')
    expect(h.take()).toBe('/data # ')
    expect(await h.type('pwd')).toBe('pwd\n/data\n/data # ')
    expect(await h.type('nosuch')).toBe('nosuch\nsh: nosuch: not found\n/data # ')
  })
})

describe('bash in a Debian-based container', () => {
  it('shows user@hostname:cwd', async () => {
    const h = new ShellHarness({ hostname: '2a1e3c4d5f60' })
    h.fs.mkdir('/usr/local/tomcat', { parents: true })
    await h.login('bash', '/usr/local/tomcat')
    expect(h.take()).toBe('root@2a1e3c4d5f60:/usr/local/tomcat# ')
  })
})
