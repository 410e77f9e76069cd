import { describe, expect, it } from 'vitest'
import { formatIpv4, inetAton } from '../../../lib/ipv4'
import { linkLocalFromMac } from '../../../lib/mac'
import { FileSystem } from '../fs/fs'
import { gaiStrerror, resolveHost, reverseLookup, type DnsClient } from './resolver'
import type { NetNamespace } from './types'

const net = {} as NetNamespace
function fsWith(hosts: string, resolv = 'nameserver 10.0.2.3\n'): FileSystem {
  const fs = new FileSystem()
  fs.mkdir('/etc', { parents: true })
  fs.writeFile('/etc/hosts', hosts)
  fs.writeFile('/etc/resolv.conf', resolv)
  return fs
}

describe('resolveHost (getaddrinfo, hosts: files dns)', () => {
  const fs = fsWith('127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n172.18.0.3    tomcat02 bc541cf86b3b # link\n172.18.0.4\t457e14cd9b90\n')

  it('takes what inet_aton takes, and nothing else as a number', async () => {
    expect(formatIpv4(inetAton('127.1')!)).toBe('127.0.0.1')
    expect(formatIpv4(inetAton('0x7f.1')!)).toBe('127.0.0.1')
    expect(formatIpv4(inetAton('2130706433')!)).toBe('127.0.0.1')
    expect(formatIpv4(inetAton('010.0.0.1')!)).toBe('8.0.0.1')
    expect(inetAton('999.1.1.1')).toBeUndefined()
    expect(inetAton('172.18.0.300')).toBeUndefined()
    expect(await resolveHost(fs, net, '172.18.0.2')).toEqual({ ok: true, address: 0xac120002, canonicalName: '172.18.0.2' })
  })

  it('reads /etc/hosts with tabs or spaces, aliases and comments', async () => {
    expect(await resolveHost(fs, net, 'tomcat02')).toEqual({ ok: true, address: 0xac120003, canonicalName: 'tomcat02' })
    expect(await resolveHost(fs, net, 'BC541CF86B3B')).toEqual({ ok: true, address: 0xac120003, canonicalName: 'tomcat02' })
    expect(await resolveHost(fs, net, 'localhost')).toMatchObject({ address: 0x7f000001 })
  })

  it('falls back to DNS: NXDOMAIN is "Name or service not known", silence is a temporary failure', async () => {
    const r = await resolveHost(fs, net, 'tomcat01')
    expect(r).toEqual({ ok: false, error: 'EAI_NONAME' })
    expect(gaiStrerror('EAI_NONAME')).toBe('Name or service not known')
    const silent: DnsClient = { query: () => Promise.resolve({ rcode: 'TIMEOUT' }) }
    expect(await resolveHost(fs, net, 'x', { dns: silent })).toEqual({ ok: false, error: 'EAI_AGAIN' })
    const embedded: DnsClient = { query: (_n, _s, q) => Promise.resolve(q.type === 'A' ? { rcode: 'NOERROR', answers: ['192.168.0.3'] } : { rcode: 'NOERROR', answers: ['tomcat-mynet-02.mynet'] }) }
    expect(await resolveHost(fs, net, 'tomcat-mynet-02', { dns: embedded })).toEqual({ ok: true, address: 0xc0a80003, canonicalName: 'tomcat-mynet-02' })
    expect(await reverseLookup(fs, net, 0xc0a80003, { dns: embedded })).toBe('tomcat-mynet-02.mynet')
  })

  it('reverse lookups come from /etc/hosts first, else nothing', async () => {
    expect(await reverseLookup(fs, net, 0x7f000001)).toBe('localhost')
    expect(await reverseLookup(fs, net, 0xac120003)).toBe('tomcat02')
    expect(await reverseLookup(fs, net, 0xac120009)).toBeUndefined()
  })
})

describe('linkLocalFromMac (EUI-64, printed as inet_ntop does)', () => {
  it.each([
    ['02:42:5e:8a:3c:41', 'fe80::42:5eff:fe8a:3c41'],
    ['06:f1:40:b9:a4:e9', 'fe80::4f1:40ff:feb9:a4e9'],
    ['52:54:00:cc:34:ff', 'fe80::5054:ff:fecc:34ff'],
    ['02:00:5e:10:00:01', 'fe80::5eff:fe10:1'],
    ['fa:02:d2:ee:e4:6a', 'fe80::f802:d2ff:feee:e46a'],
  ])('%s → %s', (mac, ll) => expect(linkLocalFromMac(mac)).toBe(ll))
})
