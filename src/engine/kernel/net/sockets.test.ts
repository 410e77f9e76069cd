import { describe, expect, it } from 'vitest'
import { parseIpv4 } from '../../../lib/ipv4'
import { tutorialTopology } from '../../../testing/net-topology'
import { serveHttp, httpExchange } from './http'
import { SocketError, type Datagram, type TcpConnection } from './sockets'
import { EPHEMERAL_HIGH, EPHEMERAL_LOW } from './udp'

const ip = (s: string) => parseIpv4(s)!

/** Lets virtual time pass in 1 ms steps, turning the event loop so awaiting code runs between the steps. */
async function pass(t: ReturnType<typeof tutorialTopology>, ms: number): Promise<void> {
  for (let i = 0; i < ms; i++) {
    t.advance(1)
    await new Promise((r) => setImmediate(r))
  }
}

function two() {
  const t = tutorialTopology({ seed: 5 })
  const a = t.run('a')
  const b = t.run('b')
  return { t, a, b, s: t.stack.sockets }
}

describe('UDP', () => {
  it('carries a datagram between containers through the bridge, from an ephemeral port', () => {
    const { t, a, b, s } = two()
    const server = s.udpBind(b.ns, { port: 9999 })
    const got: Datagram[] = []
    server.onMessage((d) => got.push(d))
    const client = s.udpBind(a.ns)
    expect(client.local.port).toBeGreaterThanOrEqual(EPHEMERAL_LOW)
    expect(client.local.port).toBeLessThanOrEqual(EPHEMERAL_HIGH)
    client.send({ address: ip('172.18.0.3'), port: 9999 }, 'hello')
    t.advance(10)
    expect(got).toEqual([{ from: { address: ip('172.18.0.2'), port: client.local.port }, to: { address: ip('172.18.0.3'), port: 9999 }, payload: 'hello' }])
  })

  it('binds 127.0.0.11 (all of 127/8 is local) and answers over lo', () => {
    const { t, a, s } = two()
    const dns = s.udpBind(a.ns, { address: ip('127.0.0.11'), port: 53 })
    dns.onMessage((d) => dns.send(d.from, `re:${d.payload}`))
    const client = s.udpBind(a.ns)
    const got: string[] = []
    client.onMessage((d) => got.push(d.payload))
    client.send({ address: ip('127.0.0.11'), port: 53 }, 'q')
    t.advance(10)
    expect(got).toEqual(['re:q'])
    expect(() => s.udpBind(a.ns, { address: ip('127.0.0.11'), port: 53 })).toThrow(SocketError)
    expect(() => s.udpBind(a.ns, { address: ip('10.1.2.3'), port: 53 })).toThrow('EADDRNOTAVAIL')
  })

  it('a datagram to a closed port comes back as ICMP port unreachable: ECONNREFUSED', () => {
    const { t, a, s } = two()
    const client = s.udpBind(a.ns)
    const errors: string[] = []
    client.onError((e) => errors.push(e.code))
    client.send({ address: ip('172.18.0.3'), port: 7 }, 'x')
    t.advance(10)
    expect(errors).toEqual(['ECONNREFUSED'])
  })
})

describe('light TCP', () => {
  it('connects to a listener, carries messages both ways in order, closes with FIN', async () => {
    const { t, a, b, s } = two()
    const server = s.tcpListen(b.ns, { port: 8080 })
    server.onConnection((c) => c.onData((d) => c.send(d.toUpperCase())))
    const pending = s.tcpConnect(a.ns, { address: ip('172.18.0.3'), port: 8080 })
    t.advance(10)
    const conn = await pending
    const got: string[] = []
    conn.onData((d) => got.push(d))
    conn.send('one')
    conn.send('two')
    t.advance(10)
    expect(got).toEqual(['ONE', 'TWO'])
  })

  it('no listener: the peer resets, ECONNREFUSED', async () => {
    const { t, a, s } = two()
    const pending = s.tcpConnect(a.ns, { address: ip('172.18.0.3'), port: 81 })
    t.advance(10)
    await expect(pending).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('a destination that never answers: ETIMEDOUT after the timeout of virtual time', async () => {
    const { t, a, s } = two()
    t.addNetwork('mynet', 'br-0123456789ab', '192.168.0.0/16', '192.168.0.1')
    const m = t.run('m', 'mynet')
    s.tcpListen(m.ns, { port: 8080 })
    let settled = false
    const pending = s.tcpConnect(a.ns, { address: ip('192.168.0.2'), port: 8080 }, { timeoutMs: 5000 })
    pending.catch(() => (settled = true))
    t.advance(4900)
    await Promise.resolve()
    expect(settled).toBe(false)
    t.advance(200)
    await expect(pending).rejects.toMatchObject({ code: 'ETIMEDOUT' })
  })

  it('HTTP helper: serveHttp answers one request per connection', async () => {
    const { t, a, b, s } = two()
    serveHttp(s, b.ns, 8080, (req) => ({ status: 404, reason: '', headers: [['Content-Length', '3']], body: `${req.method}` }))
    const pending = httpExchange(s, a.ns, { address: ip('172.18.0.3'), port: 8080 }, { method: 'GET', target: '/', version: 'HTTP/1.1', headers: [['Host', 'x']] })
    await pass(t, 5)
    expect(await pending).toBe('HTTP/1.1 404 \r\nContent-Length: 3\r\n\r\nGET')
  })

  it('every connection gets its own ephemeral port', async () => {
    const { t, a, b, s } = two()
    const conns: TcpConnection[] = []
    s.tcpListen(b.ns, { port: 1 }).onConnection((c) => conns.push(c))
    const p1 = s.tcpConnect(a.ns, { address: ip('172.18.0.3'), port: 1 })
    const p2 = s.tcpConnect(a.ns, { address: ip('172.18.0.3'), port: 1 })
    t.advance(10)
    const [c1, c2] = await Promise.all([p1, p2])
    expect(c1.local.port).not.toBe(c2.local.port)
    expect(conns.map((c) => c.remote.port).sort()).toEqual([c1.local.port, c2.local.port].sort())
  })
})
