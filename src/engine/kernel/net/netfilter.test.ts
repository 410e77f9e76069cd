import { describe, expect, it } from 'vitest'
import { parseIpv4 } from '../../../lib/ipv4'
import { tutorialTopology } from '../../../testing/net-topology'
import { httpExchange, serveHttp } from './http'
import type { HopEvent } from './types'

const ip = (s: string) => parseIpv4(s)!

async function pass(t: ReturnType<typeof tutorialTopology>, ms: number): Promise<void> {
  for (let i = 0; i < ms; i++) {
    t.advance(1)
    await new Promise((r) => setImmediate(r))
  }
}

function published() {
  const t = tutorialTopology({ seed: 9 })
  const c = t.run('tomcat01')
  t.publish('tomcat01', 49153, 8080)
  const seen: string[] = []
  serveHttp(t.stack.sockets, c.ns, 8080, (_req, conn) => {
    seen.push(`${conn.remote.address}`)
    return { status: 200, reason: 'OK', headers: [], body: 'hi' }
  })
  const lan = t.stack.namespaces().find((n) => n.label === 'lan')!
  return { t, c, lan, seen }
}

const GET = { method: 'GET', target: '/', version: 'HTTP/1.1', headers: [] }

describe('DNAT to a published port', () => {
  it('a connection from the LAN to the host port reaches the container, and the reply is translated back', async () => {
    const { t, lan, seen } = published()
    const pending = httpExchange(t.stack.sockets, lan, { address: ip('172.17.0.3'), port: 49153 }, GET)
    await pass(t, 5)
    expect(await pending).toBe('HTTP/1.1 200 OK\r\n\r\nhi')
    // No MASQUERADE on the way in: the container sees the LAN address.
    expect(seen).toEqual([`${ip('172.17.15.253')}`])
    const dnat = t.stack.host.iptables.chains('nat').find((c) => c.name === 'DOCKER')!
    expect(dnat.counters[1]!.packets).toBe(1) // only the first packet of the flow sees the nat chain
    const accept = t.stack.host.iptables.chains('filter').find((c) => c.name === 'DOCKER')!
    expect(accept.counters[0]!.packets).toBe(1)
  })

  it('the host itself reaches the published port on its own address (nat OUTPUT)', async () => {
    const { t } = published()
    const pending = httpExchange(t.stack.sockets, t.stack.host, { address: ip('172.17.0.3'), port: 49153 }, GET)
    await pass(t, 5)
    expect(await pending).toContain('hi')
  })

  it('an unpublished host port is refused', async () => {
    const { t, lan } = published()
    const pending = httpExchange(t.stack.sockets, lan, { address: ip('172.17.0.3'), port: 49154 }, GET).catch((e: unknown) => e)
    await pass(t, 5)
    expect(await pending).toMatchObject({ code: 'ECONNREFUSED' })
  })
})

describe('MASQUERADE and conntrack', () => {
  it('a container reaches a LAN server as the host\'s address; replies are un-NATed', async () => {
    const { t, c, lan } = published()
    const from: number[] = []
    serveHttp(t.stack.sockets, lan, 80, (_r, conn) => {
      from.push(conn.remote.address)
      return { status: 200, reason: 'OK', headers: [], body: 'lan' }
    })
    const pending = httpExchange(t.stack.sockets, c.ns, { address: ip('172.17.15.253'), port: 80 }, GET)
    await pass(t, 5)
    expect(await pending).toContain('lan')
    expect(from).toEqual([ip('172.17.0.3')])
  })

  it('without the ESTABLISHED rule the reply to a forwarded flow is dropped (the test can fail)', async () => {
    const { t, c, lan } = published()
    serveHttp(t.stack.sockets, lan, 80, () => ({ status: 200, reason: 'OK', headers: [], body: '' }))
    t.stack.host.iptables.delete('filter', 'FORWARD', { outInterface: { name: 'docker0' }, ctstate: ['RELATED', 'ESTABLISHED'], target: { kind: 'ACCEPT' } })
    const drops: HopEvent[] = []
    t.stack.onHop((e) => e.kind === 'drop' && drops.push(e))
    const pending = t.stack.sockets.tcpConnect(c.ns, { address: ip('172.17.15.253'), port: 80 }, { timeoutMs: 500 }).catch((e: unknown) => e)
    await pass(t, 600)
    expect(await pending).toMatchObject({ code: 'ETIMEDOUT' })
    expect(drops[0]!.drop).toEqual({ hook: 'FORWARD', table: 'filter', chain: 'FORWARD', text: 'policy DROP, eth0 → docker0' })
  })
})
