import { describe, expect, it } from 'vitest'
import { createTestHost } from '../../../testing/host'
import { human } from './more'

describe('yes, tail -f, du, df, ls -h and ls colours', () => {
  it('yes | head -1 ends: yes gets SIGPIPE once head has gone', async () => {
    const host = await createTestHost({ seed: 1 })
    expect((await host.run('yes | head -1')).output).toBe('y\n')
    expect((await host.run('yes no | head -2')).output).toBe('no\nno\n')
    expect((await host.run('set -o pipefail; yes | head -1; echo $?')).output).toBe('y\n141\n')
  })

  it('tail -f prints what is appended until ^C', async () => {
    const host = await createTestHost({ seed: 2 })
    await host.run('printf "a\\nb\\n" > /tmp/log')
    await host.start('(sleep 2; echo c >> /tmp/log) & tail -f /tmp/log')
    await host.advance(500)
    expect((await host.screen()).replace(/\s+$/, '').split('\n').slice(-2)).toEqual(['a', 'b'])
    await host.advance(3000)
    expect((await host.screen()).replace(/\s+$/, '').split('\n').slice(-3)).toEqual(['a', 'b', 'c'])
    await host.ctrlC()
    expect((await host.run('echo $?')).output).toBe('130\n')
  })

  it('du counts 4 KiB blocks; -sh is human', async () => {
    const host = await createTestHost({ seed: 3 })
    await host.run('mkdir -p /d/e && printf x > /d/f && printf y > /d/e/g')
    expect((await host.run('du /d')).output).toBe('8\t/d/e\n16\t/d\n')
    expect((await host.run('du -sh /d')).output).toBe('16K\t/d\n')
    expect((await host.run('du -a /d')).output).toBe('4\t/d/e/g\n8\t/d/e\n4\t/d/f\n16\t/d\n')
    expect(human(4)).toBe('4.0K')
    expect(human(2048)).toBe('2.0M')
    expect((await host.run('df / | head -1')).output).toBe('Filesystem     1K-blocks     Used Available Use% Mounted on\n')
  })

  it('ls colours only a terminal with --color=auto; -lh sizes', async () => {
    const host = await createTestHost({ seed: 4 })
    await host.run('mkdir -p /w/dir && printf "%5000s" x > /w/big && touch /w/plain')
    expect((await host.run('ls --color=auto /w')).raw).toContain('\x1b[0m\x1b[01;34mdir\x1b[0m')
    expect((await host.run('ls --color=auto /w | cat')).output).toBe('big\ndir\nplain\n')
    expect((await host.run('ls /w')).raw).not.toContain('\x1b[01;34m')
    expect((await host.run("ls -lh /w | awk '{print $5, $9}'")).output).toBe(' \n4.9K big\n4.0K dir\n0 plain\n')
  })
})
