import { describe, expect, it } from 'vitest'
import type { PacketHop } from '../protocol/trace'
import { aggregate, EMPTY_SCHEDULE, schedule } from './hop-schedule'

let seq = 0
function hop(packet: number, at: number, from: string, to: string, extra: Partial<PacketHop> = {}): PacketHop {
  return {
    seq: ++seq,
    packet,
    at,
    kind: 'wire',
    from: { iface: from, name: from },
    to: { iface: to, name: to },
    protocol: 'icmp',
    summary: '',
    headers: [],
    ...extra,
  }
}
// tomcat01's eth0 (netns:a/4) ↔ host veth (netns:h/5) on docker0 (netns:h/3) ↔ host veth (netns:h/7) ↔ tomcat02's eth0 (netns:b/6)
const pingHops = (p: number, t: number) => [
  hop(p, t + 0.01, 'netns:a/4', 'netns:h/5'),
  hop(p, t + 0.02, 'netns:h/5', 'netns:h/7', { kind: 'bridge' }),
  hop(p, t + 0.03, 'netns:h/7', 'netns:b/6'),
]

describe('schedule', () => {
  it('chains the hops of one frame, and the reply on the request’s arrival', () => {
    const request = pingHops(1, 0)
    const reply = [hop(2, 0.04, 'netns:b/6', 'netns:h/7'), hop(2, 0.05, 'netns:h/7', 'netns:h/5', { kind: 'bridge' }), hop(2, 0.06, 'netns:h/5', 'netns:a/4')]
    const { items } = schedule(EMPTY_SCHEDULE, [...request, ...reply], 1000, { hopMs: 100 })
    expect(items.map((i) => i.start)).toEqual([1000, 1100, 1200, 1300, 1400, 1500])
  })

  it('runs flooded copies of one frame side by side', () => {
    const arp = [
      hop(1, 0.01, 'netns:a/4', 'netns:h/5', { protocol: 'arp' }),
      hop(1, 0.02, 'netns:h/5', 'netns:h/7', { kind: 'bridge', protocol: 'arp' }),
      hop(1, 0.021, 'netns:h/5', 'netns:h/9', { kind: 'bridge', protocol: 'arp' }),
    ]
    const { items } = schedule(EMPTY_SCHEDULE, arp, 0, { hopMs: 100 })
    expect(items.map((i) => i.start)).toEqual([0, 100, 100])
  })

  it('starts unrelated traffic now, and chains across batches', () => {
    const first = schedule(EMPTY_SCHEDULE, [hop(1, 0, 'netns:a/4', 'netns:h/5')], 0, { hopMs: 100 })
    const second = schedule(first.state, [hop(1, 0.01, 'netns:h/5', 'netns:h/7', { kind: 'bridge' }), hop(9, 500, 'netns:c/4', 'netns:h/11')], 20, { hopMs: 100 })
    expect(second.items.map((i) => i.start)).toEqual([100, 20])
  })

  it('skips what would start too late, counting it', () => {
    const long = Array.from({ length: 50 }, (_, i) => hop(1, i * 0.001, `netns:x/${i}`, `netns:x/${i + 1}`))
    const { items, state } = schedule(EMPTY_SCHEDULE, long, 0, { hopMs: 100, maxLag: 1000 })
    expect(items).toHaveLength(11)
    expect(state.skipped).toBe(39)
  })
})

describe('aggregate', () => {
  it('merges 50 pings on the same segments into a few tokens with counts', () => {
    const hops = Array.from({ length: 50 }, (_, i) => pingHops(100 + i, i * 0.1)).flat()
    const { items } = schedule(EMPTY_SCHEDULE, hops, 0, { hopMs: 100 })
    const tokens = aggregate(items, 50)
    expect(tokens.length).toBeLessThanOrEqual(6)
    expect(tokens.reduce((n, t) => n + t.count, 0)).toBe(150)
  })

  it('never merges a drop: it carries its rule', () => {
    const items = [
      { hop: hop(1, 0, 'netns:a/4', 'netns:h/3', { kind: 'drop', drop: 'DOCKER-ISOLATION-STAGE-2: DROP' }), start: 0, end: 100 },
      { hop: hop(2, 0, 'netns:a/4', 'netns:h/3', { kind: 'drop', drop: 'DOCKER-ISOLATION-STAGE-2: DROP' }), start: 5, end: 105 },
    ]
    const tokens = aggregate(items, 50)
    expect(tokens).toHaveLength(2)
    expect(tokens[0]!.drop).toBe('DOCKER-ISOLATION-STAGE-2: DROP')
  })
})
