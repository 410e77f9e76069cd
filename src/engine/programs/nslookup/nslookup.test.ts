import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { standInEmbeddedDns } from '../../../testing/embedded-dns'
import { tutorialTopology } from '../../../testing/net-topology'
import { readCapture } from '../../../testing/normalise'
import { runProgram } from '../../../testing/program-harness'

const REFS = join(__dirname, '../../../testing/refs/docker')

function mynet() {
  const t = tutorialTopology({ seed: 3 })
  t.addNetwork('mynet', 'br-0123456789ab', '192.168.0.0/16', '192.168.0.1')
  const c = t.run('tomcat-mynet-01', 'mynet')
  t.run('tomcat-mynet-02', 'mynet')
  standInEmbeddedDns(t, c, { 'tomcat-mynet-02': '192.168.0.3', 'tomcat-mynet-02.mynet': '192.168.0.3' }, { aaaaFirst: true })
  return { t, c }
}

describe('nslookup (busybox 1.35)', () => {
  it('052: a name on the user-defined network, asked of 127.0.0.11 (A and AAAA, printed as they arrive)', async () => {
    const { t, c } = mynet()
    const cap = readCapture(join(REFS, '052-exec-mynet01-nslookup-mynet02.txt'))
    const r = await runProgram(t.registry, c.sandbox, cap.command.replace(/^docker exec \S+ /, '').split(' '), { kernel: t.kernel })
    expect(r.output).toBe(cap.output)
    expect(r.exitCode).toBe(cap.exitCode)
  })

  it('an unknown name: NXDOMAIN for both questions, exit 0', async () => {
    const { t, c } = mynet()
    const r = await runProgram(t.registry, c.sandbox, ['nslookup', 'nosuch'], { kernel: t.kernel })
    expect(r.stdout).toBe("Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find nosuch: NXDOMAIN\n\n** server can't find nosuch: NXDOMAIN\n\n")
    expect(r.exitCode).toBe(0)
  })

  it('no server answers: the timeout message, exit 1', async () => {
    const { t, c } = mynet()
    const r = await runProgram(t.registry, c.sandbox, ['nslookup', 'x', '10.9.9.9'], { kernel: t.kernel })
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n\n')
    expect(r.exitCode).toBe(1)
  })
})
