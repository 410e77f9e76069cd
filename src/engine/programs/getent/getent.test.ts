import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { standInEmbeddedDns } from '../../../testing/embedded-dns'
import { tutorialTopology } from '../../../testing/net-topology'
import { readCapture } from '../../../testing/normalise'
import { runProgram } from '../../../testing/program-harness'

const REFS = join(__dirname, '../../../testing/refs/docker')

describe('getent hosts (glibc 2.36)', () => {
  const t = tutorialTopology({ seed: 4 })
  t.addNetwork('mynet', 'br-0123456789ab', '192.168.0.0/16', '192.168.0.1')
  const c = t.run('tomcat-mynet-01', 'mynet')
  // The names the daemon's DNS knows in the captures' session (053, 054, 115).
  standInEmbeddedDns(t, c, { '8e6cc4decfb0': '192.168.0.3', 'tomcat-mynet-02.mynet': '192.168.0.3', tomcat02: '192.168.0.100' })

  it.each(['053-exec-mynet01-getent-hosts-short-id.txt', '054-exec-mynet01-getent-hosts-fqdn.txt', '115-exec-mynet01-getent-tomcat02.txt'])('%s', async (file) => {
    const cap = readCapture(join(REFS, file))
    const r = await runProgram(t.registry, c.sandbox, cap.command.replace(/^docker exec \S+ /, '').split(' '), { kernel: t.kernel })
    expect(r.output).toBe(cap.output)
    expect(r.exitCode).toBe(cap.exitCode)
  })

  it('localhost comes from the IPv6 line first; an unknown name prints nothing, exit 2', async () => {
    expect((await runProgram(t.registry, c.sandbox, ['getent', 'hosts', 'localhost'], { kernel: t.kernel })).stdout).toBe('::1             localhost ip6-localhost ip6-loopback\n')
    expect(await runProgram(t.registry, c.sandbox, ['getent', 'hosts', 'nosuch'], { kernel: t.kernel })).toMatchObject({ output: '', exitCode: 2 })
  })
})
