import { describe, expect, it } from 'vitest'
import { parseIpv4 } from '../../../lib/ipv4'
import { tutorialTopology } from '../../../testing/net-topology'
import { runProgram } from '../../../testing/program-harness'

const ip = (s: string) => parseIpv4(s)!
const TIME = '\\d\\d:\\d\\d:\\d\\d\\.\\d{6}'

describe('tcpdump 4.99', () => {
  it('prints the ICMP frames a ping carried across docker0, each once, in tcpdump\'s line format', async () => {
    const t = tutorialTopology({ seed: 8 })
    const a = t.run('a')
    t.run('b')
    t.clock.setTimer(1000, () => t.stack.sendEcho(a.ns, { dst: ip('172.18.0.3'), id: 7, seq: 1, ttl: 64, payloadBytes: 56 }, () => {}))
    const r = await runProgram(t.registry, t.hostSandbox, ['tcpdump', '-i', 'docker0', '-n', 'icmp', '-c', '2'], { kernel: t.kernel })
    expect(r.stderr).toBe(
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on docker0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n2 packets captured\n2 packets received by filter\n0 packets dropped by kernel\n',
    )
    expect(r.stdout).toMatch(new RegExp(`^10:53:01\\.\\d{6} IP 172\\.18\\.0\\.2 > 172\\.18\\.0\\.3: ICMP echo request, id 7, seq 1, length 64\n${TIME} IP 172\\.18\\.0\\.3 > 172\\.18\\.0\\.2: ICMP echo reply, id 7, seq 1, length 64\n$`))
  })

  it('shows ARP and the DNS question a container sends through its eth0; ^C ends it', async () => {
    const t = tutorialTopology({ seed: 8 })
    const a = t.run('a')
    t.clock.setTimer(500, () => {
      const s = t.stack.sockets.udpBind(a.ns)
      s.send({ address: ip('100.100.2.136'), port: 53 }, JSON.stringify({ kind: 'query', id: 4660, question: { name: 'tomcat01', type: 'A' } }), { length: 26 })
    })
    const r = await runProgram(t.registry, a.sandbox, ['tcpdump', '-i', 'eth0', '-n'], { kernel: t.kernel, ctrlCAfterMs: 2000 })
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(new RegExp(`^${TIME} ARP, Request who-has 172\\.18\\.0\\.1 tell 172\\.18\\.0\\.2, length 28$`))
    expect(lines[1]).toMatch(/ARP, Reply 172\.18\.0\.1 is-at 02:42:[0-9a-f:]+, length 28$/)
    expect(lines[2]).toMatch(/IP 172\.18\.0\.2\.\d+ > 100\.100\.2\.136\.53: 4660\+ A\? tomcat01\. \(26\)$/)
    expect(lines[3]).toMatch(/IP 100\.100\.2\.136\.53 > 172\.18\.0\.2\.\d+: 4660 NXDomain 0\/0\/0 \(26\)$/)
    expect(r.stdout.endsWith('^C\n')).toBe(true)
    expect(r.stderr).toContain('4 packets captured\n')
  })
})
