import { describe, expect, it } from 'vitest'
import type { ContainerRecord } from '../protocol/records'
import { reach } from './reachability'

const hosts = (...lines: string[]) => ['127.0.0.1\tlocalhost', ...lines].join('\n')
function c(name: string, networks: [string, string][], extra: Partial<ContainerRecord> = {}): ContainerRecord {
  return {
    kind: 'container',
    id: name,
    name,
    image: 'tomcat',
    state: 'running',
    networkMode: networks[0]?.[0] ?? 'none',
    ports: [],
    shell: 'bash',
    networks: networks.map(([n, ip]) => ({ name: n, networkId: n, ipAddress: ip, macAddress: '', aliases: [] })),
    hostsFile: hosts(`${networks[0]?.[1] ?? ''}\t${name}`),
    ...extra,
  }
}

describe('reach', () => {
  it('on the default bridge: by IP yes, by name no (no DNS)', () => {
    const r = reach(c('tomcat01', [['bridge', '172.18.0.2']]), c('tomcat02', [['bridge', '172.18.0.3']]))
    expect(r.byIp).toEqual({ ok: true, via: 'bridge', address: '172.18.0.3' })
    expect(r.byName).toEqual({ ok: false, reason: 'no-dns-default-bridge' })
  })

  it('--link works one way only', () => {
    const t2 = c('tomcat02', [['bridge', '172.18.0.3']])
    const t3 = c('tomcat03', [['bridge', '172.18.0.4']], { hostsFile: hosts('172.18.0.3\ttomcat02 ab12cd34', '172.18.0.4\ttomcat03') })
    expect(reach(t3, t2).byName).toEqual({ ok: true, via: 'link' })
    expect(reach(t2, t3).byName).toEqual({ ok: false, reason: 'one-way-link' })
  })

  it('a user-defined network resolves names through its DNS', () => {
    const r = reach(c('tomcat-net-01', [['mynet', '192.168.0.2']]), c('tomcat-net-02', [['mynet', '192.168.0.3']]))
    expect(r.byIp.ok).toBe(true)
    expect(r.byName).toEqual({ ok: true, via: 'dns' })
  })

  it('different networks: neither, until network connect', () => {
    const t1 = c('tomcat01', [['bridge', '172.18.0.2']])
    const n1 = c('tomcat-net-01', [['mynet', '192.168.0.2']])
    expect(reach(t1, n1)).toMatchObject({ byIp: { ok: false, reason: 'different-networks' }, byName: { ok: false, reason: 'different-networks' } })
    const connected = c('tomcat01', [['bridge', '172.18.0.2'], ['mynet', '192.168.0.4']])
    expect(reach(connected, n1)).toMatchObject({ byIp: { ok: true, via: 'mynet', address: '192.168.0.2' }, byName: { ok: true, via: 'dns' } })
  })

  it('a stopped container is reachable by neither', () => {
    const r = reach(c('a', [['bridge', '172.18.0.2']]), c('b', [['bridge', '']], { state: 'exited' }))
    expect(r).toMatchObject({ byIp: { ok: false, reason: 'stopped' }, byName: { ok: false, reason: 'stopped' } })
  })
})
