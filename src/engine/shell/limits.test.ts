/**
 * Runaway process counts: a full process table makes fork fail with EAGAIN,
 * and the shells report it as bash 5.2 (jobs.c, make_child) and BusyBox ash
 * (forkshell) do. A fork bomb fills the table, prints errors and leaves a
 * working prompt.
 */
import { describe, expect, it } from 'vitest'
import { MAX_PROCESSES } from '../kernel/kernel'
import { ShellHarness } from '../../testing/shell-harness'

const EAGAIN = 'Resource temporarily unavailable'

describe('fork: Resource temporarily unavailable', () => {
  it('bash retries after 1, 2, 4 and 8 s, then gives up with status 254', async () => {
    const h = new ShellHarness()
    h.kernel.maxProcesses = 3 // bash -c, the background subshell and its sleep
    const start = h.clock.now()
    const r = await h.run('sleep 100 & echo before; sleep 0; echo after')
    expect(r.stdout).toBe('before\n')
    expect(r.stderr).toBe(`${`bash: line 1: fork: retry: ${EAGAIN}\n`.repeat(4)}bash: line 1: fork: ${EAGAIN}\n`)
    expect(r.status).toBe(254)
    expect(h.clock.now() - start).toBeGreaterThanOrEqual(15_000)
  })

  it('bash takes the fork once a slot is free again', async () => {
    const h = new ShellHarness()
    h.kernel.maxProcesses = 3
    // Tries at 0 s and 1 s fail; the one at 3 s finds the slot `sleep 2` left.
    const r = await h.run('sleep 2 & sleep 0; echo $?')
    expect(r.stderr).toBe(`bash: line 1: fork: retry: ${EAGAIN}\n`.repeat(2))
    expect(r.stdout).toBe('0\n')
    expect(r.status).toBe(0)
  })

  it('BusyBox ash fails at once: "sh: can\'t fork", status 2', async () => {
    const h = new ShellHarness()
    h.kernel.maxProcesses = 2 // sh -c and the pipeline's first stage
    const r = await h.run('echo x | cat; echo after', { shell: 'sh' })
    expect(r.stderr).toBe(`sh: can't fork: ${EAGAIN}\n`)
    expect(r.stdout).toBe('')
    expect(r.status).toBe(2)
  })

  it('an interactive bash returns to its prompt with $? 254', async () => {
    const h = new ShellHarness()
    await h.login()
    h.kernel.maxProcesses = h.kernel.list().length
    const out = await h.type('cat /etc/hostname; echo $((6 * 7))')
    expect(out).toContain(`bash: fork: ${EAGAIN}\n`)
    expect(out).not.toContain('42')
    h.kernel.maxProcesses = MAX_PROCESSES
    expect(await h.type('echo $?')).toContain('254\n')
  })

  it('a fork bomb fills the table, prints errors, and the prompt still works', async () => {
    const h = new ShellHarness()
    await h.login()
    const started = await h.type('f(){ f|f & }; f')
    const pgid = Number(/\[1\] (\d+)/.exec(started)?.[1])
    // Let the bomb grow and hit the limit; its shells retry on the virtual clock instead of spinning.
    await h.advance(20_000)
    expect(h.kernel.list().length).toBeLessThanOrEqual(MAX_PROCESSES)
    const out = h.take()
    expect(out).toContain(`bash: fork: retry: ${EAGAIN}`)
    expect(out).toContain(`bash: fork: ${EAGAIN}`)
    await h.keys('\x03')
    await h.untilPrompt()
    h.take()
    expect(await h.type('echo alive')).toContain('alive\n')
    // The whole bomb is job 1's process group (its leader is long gone, as is the job): kill it.
    h.kernel.signalGroup(pgid, 'SIGKILL')
    await h.advance(20_000)
    expect(h.kernel.list().length).toBe(1)
    expect(await h.type('echo done')).toContain('done\n')
  }, 60_000)
})

describe('a fork bomb in BusyBox ash', () => {
  it('fails fast with "can\'t fork" and leaves a working prompt', async () => {
    const h = new ShellHarness({ busybox: true })
    await h.login('sh')
    let out = await h.type('f(){ f|f & }; f')
    await h.advance(5_000)
    out += h.take()
    expect(out).toContain(`sh: can't fork: ${EAGAIN}`)
    expect(h.kernel.list().length).toBeLessThanOrEqual(MAX_PROCESSES)
    await h.keys('\x03')
    await h.untilPrompt()
    h.take()
    expect(await h.type('echo alive')).toContain('alive\n')
  }, 60_000)
})

describe('No space left on device', () => {
  const full = (busybox = false): ShellHarness => {
    const h = new ShellHarness({ busybox })
    h.fs.maxFileSize = 100_000
    return h
  }

  it('yes > file ends with GNU\'s message once the file is full', async () => {
    const h = full()
    const r = await h.run('yes > /tmp/f; echo "status $?"; wc -c < /tmp/f')
    expect(r.stderr).toBe('yes: standard output: No space left on device\n')
    expect(r.stdout).toBe('status 1\n100000\n')
  })

  it('a builtin writing to a full file: bash: echo: write error', async () => {
    const h = full()
    h.fs.maxFileSize = 4
    const r = await h.run('echo hello > /tmp/f; echo "status $?"')
    expect(r.stderr).toBe('bash: line 1: echo: write error: No space left on device\n')
    expect(r.stdout).toBe('status 1\n')
  })

  it('a program that does not handle it reports a write error (GNU close_stdout)', async () => {
    const h = full()
    h.fs.attach('/tmp/big', h.fs.newFile('x'.repeat(200_000)))
    const r = await h.run('cat /tmp/big > /tmp/copy; echo "status $?"')
    expect(r.stdout).toBe('status 1\n')
    expect(r.stderr).toBe('cat: write error: No space left on device\n')
  })

  it('a full filesystem: the file is created, the write fails', async () => {
    const h = full()
    h.fs.capacity = h.fs.used
    const r = await h.run('echo hi > /tmp/new; echo "status $?"')
    expect(r.stderr).toBe('bash: line 1: echo: write error: No space left on device\n')
    expect(r.stdout).toBe('status 1\n')
  })

  it('yes >> file 2>&1 to a full file does not hang or crash', async () => {
    const h = full()
    const r = await h.run('yes >> /tmp/f 2>&1; echo "status $?"')
    expect(r.stdout).toBe('status 1\n')
  })
})
