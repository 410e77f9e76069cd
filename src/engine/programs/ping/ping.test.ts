import { describe, expect, it } from 'vitest'
import { tutorialTopology } from '../../../testing/net-topology'
import { runProgram } from '../../../testing/program-harness'
import { formatTripTime, statisticsBlock } from './format'
import { parsePing } from './parse'

describe('ping options (iputils 20221126 getopt)', () => {
  it('combines flags, takes attached values and options after the destination', () => {
    const p = parsePing(['ping', '-qc3', '172.18.0.3', '-i', '0.2'])
    expect(p).toMatchObject({ kind: 'run', options: { quiet: true, count: 3, interval: 200, destination: '172.18.0.3' } })
  })
  it('reports bad values as iputils does', () => {
    expect(parsePing(['ping', '-c', '0', 'x'])).toMatchObject({ stderr: "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", exitCode: 1 })
    expect(parsePing(['ping'])).toMatchObject({ stderr: 'ping: usage error: Destination address required\n', exitCode: 1 })
    expect(parsePing(['ping', '-c'])).toMatchObject({ exitCode: 2 })
    expect(parsePing(['ping', '-W', 'abc', 'x'])).toMatchObject({ kind: 'run', warnings: 'ping: option argument contains garbage: abc\nping: this will become fatal error in the future\n' })
  })
})

describe('ping output', () => {
  it('prints times with iputils precision steps', () => {
    expect(formatTripTime(85)).toBe('0.085 ms')
    expect(formatTripTime(1234)).toBe('1.23 ms')
    expect(formatTripTime(12345)).toBe('12.3 ms')
    expect(formatTripTime(123456)).toBe('123 ms')
  })
  it('computes mdev as iputils does (integer microseconds)', () => {
    // refs/linux 04-ping-bridge.host.ping-c-3-172.18.0.2: 85, 70, 53 µs
    const tsum = 85 + 70 + 53
    const tsum2 = 85 * 85 + 70 * 70 + 53 * 53
    const mdev = Math.floor(Math.sqrt(Math.floor((tsum2 - Math.floor((tsum * tsum) / 3)) / 3)))
    expect(statisticsBlock({ host: 'h', transmitted: 3, received: 3, errors: 0, elapsedMs: 2026, rtt: { min: 53, avg: Math.floor(tsum / 3), max: 85, mdev }, pipe: 1 })).toBe(
      '\n--- h ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 2026ms\nrtt min/avg/max/mdev = 0.053/0.069/0.085/0.013 ms\n',
    )
    expect(statisticsBlock({ host: 'h', transmitted: 3, received: 1, errors: 0, elapsedMs: 2000, pipe: 1 })).toContain('66.6667% packet loss')
  })

  it('T5: host pings a container, one line per second, ^C prints the statistics', async () => {
    const t = tutorialTopology()
    t.run('tomcat01')
    t.advance(3000)
    const r = await runProgram(t.registry, t.hostSandbox, ['ping', '172.18.0.2'], { kernel: t.kernel, ctrlCAfterMs: 4500 })
    expect(r.exitCode).toBe(0)
    const replies = r.stdout.split('\n').filter((l) => l.startsWith('64 bytes'))
    expect(replies.map((l) => l.replace(/time=\S+/, ''))).toEqual([1, 2, 3, 4, 5].map((n) => `64 bytes from 172.18.0.2: icmp_seq=${n} ttl=64  ms`))
    expect(r.stdout).toMatch(/\n\^C\n--- 172\.18\.0\.2 ping statistics ---\n5 packets transmitted, 5 received, 0% packet loss, time 40\d\dms\nrtt min\/avg\/max\/mdev = 0\.\d{3}\/0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms\n$/)
  })

  it('streams: the second reply is not there before the second second', async () => {
    const t = tutorialTopology()
    t.run('tomcat01')
    const r = await runProgram(t.registry, t.hostSandbox, ['ping', '172.18.0.2'], { kernel: t.kernel, advanceMs: 500 })
    expect(r.exitCode).toBeUndefined()
    expect(r.stdout.split('\n').filter((l) => l.startsWith('64 bytes'))).toHaveLength(1)
  })

  it('T10: an unknown name fails with exit 2', async () => {
    const t = tutorialTopology()
    t.run('tomcat02')
    const r = await runProgram(t.registry, t.containers.get('tomcat02')!.sandbox, ['ping', 'tomcat01'], { kernel: t.kernel })
    expect(r).toMatchObject({ stdout: '', stderr: 'ping: tomcat01: Name or service not known\n', exitCode: 2 })
  })

  it('T11: a --link name is printed with the address', async () => {
    const t = tutorialTopology()
    t.run('tomcat01')
    t.run('tomcat03', 'bridge', { links: ['tomcat01'] })
    const r = await runProgram(t.registry, t.containers.get('tomcat03')!.sandbox, ['ping', '-c', '1', 'tomcat01'], { kernel: t.kernel })
    expect(r.stdout).toMatch(/^PING tomcat01 \(172\.18\.0\.2\) 56\(84\) bytes of data\.\n64 bytes from tomcat01 \(172\.18\.0\.2\): icmp_seq=1 ttl=64 time=0\.\d{3} ms\n/)
  })
})
