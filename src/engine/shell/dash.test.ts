/** dash as Debian's /bin/sh: prompt, error prefixes with line numbers, silent ^D. */
import { describe, expect, it } from 'vitest'
import { createTestHost } from '../../testing/host'

describe('dash flavor (/bin/sh on the host and in Debian images)', () => {
  it('sh -c and scripts name the line; the host and tomcat run dash as sh', async () => {
    const host = await createTestHost({ seed: 3 })
    expect((await host.run("sh -c 'foo'")).output).toBe('sh: 1: foo: not found\n')
    expect((await host.run('echo $?')).output).toBe('127\n')
    expect((await host.run("sh -c 'true\nnosuch'")).output).toMatch(/sh: 2: nosuch: not found\n$/)
    expect((await host.run('docker run -d --name t1 tomcat')).output).toMatch(/[0-9a-f]{64}\n$/)
    expect((await host.run('docker exec -it t1 sh')).raw).toBe('docker exec -it t1 sh\r\n# ')
    expect((await host.run('foo')).output).toBe('sh: 1: foo: not found\n')
    const out = await host.ctrlD()
    expect(out.output.replace(/\n?root@docker-host:~# ?$/, '')).toBe('')
  })
})
