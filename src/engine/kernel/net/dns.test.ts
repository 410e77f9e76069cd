import { describe, expect, it } from 'vitest'
import { parseIpv4 } from '../../../lib/ipv4'
import { tutorialTopology } from '../../../testing/net-topology'
import { dnsWireLength, parseResolvOptions, serveDns } from './dns'
import { resolveHost, reverseLookup } from './resolver'

const ip = (s: string) => parseIpv4(s)!

async function timed<T>(t: ReturnType<typeof tutorialTopology>, p: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = t.clock.now()
  let value: T | undefined
  let done = false
  void p.then((v) => {
    value = v
    done = true
  })
  while (!done) {
    t.advance(1)
    await new Promise((r) => setImmediate(r))
  }
  return { value: value as T, ms: t.clock.now() - start }
}

describe('DNS over UDP (glibc stub resolver)', () => {
  it('the host\'s upstream resolvers beyond the LAN gateway answer NXDOMAIN at once: "Name or service not known"', async () => {
    const t = tutorialTopology()
    const r = await timed(t, resolveHost(t.hostFs, t.stack.host, 'tomcat01'))
    expect(r.value).toEqual({ ok: false, error: 'EAI_NONAME' })
    expect(r.ms).toBeLessThan(10)
  })

  it('a default-bridge container asks the same resolvers through the host\'s MASQUERADE', async () => {
    const t = tutorialTopology()
    const c = t.run('tomcat02')
    const r = await timed(t, resolveHost(c.fs, c.ns, 'tomcat01'))
    expect(r.value).toEqual({ ok: false, error: 'EAI_NONAME' })
    expect(r.ms).toBeLessThan(10)
  })

  it('a nameserver nobody answers: EAI_AGAIN after timeout × attempts (5 s × 2), or as resolv.conf options say', async () => {
    const t = tutorialTopology()
    const c = t.run('tomcat02')
    c.fs.writeFile('/etc/resolv.conf', 'nameserver 10.9.9.9\n')
    const r = await timed(t, resolveHost(c.fs, c.ns, 'x'))
    expect(r.value).toEqual({ ok: false, error: 'EAI_AGAIN' })
    expect(Math.round(r.ms / 1000)).toBe(10)
    c.fs.writeFile('/etc/resolv.conf', 'nameserver 10.9.9.9\noptions timeout:1 attempts:1\n')
    expect(Math.round((await timed(t, resolveHost(c.fs, c.ns, 'x'))).ms / 1000)).toBe(1)
  })

  it('an embedded DNS at 127.0.0.11 in the container answers A and PTR', async () => {
    const t = tutorialTopology()
    const c = t.run('web')
    c.fs.writeFile('/etc/resolv.conf', 'nameserver 127.0.0.11\noptions ndots:0\n')
    serveDns(t.stack.sockets, c.ns, ip('127.0.0.11'), (q) =>
      q.question.name === 'db' && q.question.type === 'A'
        ? { response: { rcode: 'NOERROR', answers: [{ name: 'db', type: 'A', ttl: 600, data: '192.168.0.3' }], authoritative: false } }
        : q.question.type === 'PTR'
          ? { response: { rcode: 'NOERROR', answers: [{ name: q.question.name, type: 'PTR', ttl: 600, data: 'db.mynet' }], authoritative: false } }
          : { response: { rcode: 'NXDOMAIN', answers: [], authoritative: false } },
    )
    expect((await timed(t, resolveHost(c.fs, c.ns, 'db'))).value).toEqual({ ok: true, address: ip('192.168.0.3'), canonicalName: 'db' })
    expect((await timed(t, reverseLookup(c.fs, c.ns, ip('192.168.0.3')))).value).toBe('db.mynet')
    expect((await timed(t, resolveHost(c.fs, c.ns, 'nosuch'))).value).toEqual({ ok: false, error: 'EAI_NONAME' })
  })

  it('options and wire sizes', () => {
    expect(parseResolvOptions('nameserver 1.1.1.1\noptions ndots:0 timeout:2 attempts:3\n')).toEqual({ timeoutMs: 2000, attempts: 3 })
    expect(dnsWireLength({ kind: 'query', id: 1, question: { name: 'tomcat01', type: 'A' } })).toBe(26)
  })
})
