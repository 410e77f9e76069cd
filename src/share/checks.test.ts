import { describe, expect, it } from 'vitest'
import { checkHolds, inCidr } from './checks'
import type { WorldRecord } from '../protocol/records'

const records: WorldRecord[] = [
  { kind: 'netns', id: 'ns-host', owner: 'host' },
  { kind: 'netns', id: 'ns-c1', owner: 'c1' },
  { kind: 'interface', id: 'ns-c1/2', netns: 'ns-c1', ifindex: 2, name: 'eth1', type: 'veth', mac: '', addresses: ['192.168.0.4/16'], state: 'UP' },
  { kind: 'network', id: 'n1', name: 'mynet', driver: 'bridge', subnet: '192.168.0.0/16', gateway: '192.168.0.1' },
  {
    kind: 'container',
    id: 'c1',
    name: 'tomcat01',
    image: 'tomcat',
    state: 'running',
    networkMode: 'bridge',
    ports: [],
    shell: 'bash',
    networks: [{ name: 'mynet', networkId: 'n1', ipAddress: '192.168.0.4', macAddress: '', aliases: [] }],
    hostsFile: '127.0.0.1\tlocalhost\n172.18.0.2\ttomcat02 abc\n',
  },
]

describe('lesson checks', () => {
  it('cidr membership', () => {
    expect(inCidr('192.168.0.4', '192.168.0.0/16')).toBe(true)
    expect(inCidr('192.169.0.4/16', '192.168.0.0/16')).toBe(false)
    expect(inCidr('10.0.0.1', '0.0.0.0/0')).toBe(true)
    expect(inCidr('nonsense', '0.0.0.0/0')).toBe(false)
  })

  it('"tomcat01 has an interface on mynet with an address in 192.168.0.0/16"', () => {
    expect(checkHolds({ kind: 'container', name: 'tomcat01', network: 'mynet', addressIn: '192.168.0.0/16' }, records)).toBe(true)
    expect(checkHolds({ kind: 'container', name: 'tomcat01', network: 'mynet', addressIn: '172.18.0.0/16' }, records)).toBe(false)
    expect(checkHolds({ kind: 'container', name: 'tomcat01', state: 'exited' }, records)).toBe(false)
    expect(checkHolds({ kind: 'container', name: 'tomcat09' }, records)).toBe(false)
  })

  it('interfaces, networks, absent containers, /etc/hosts lines', () => {
    expect(checkHolds({ kind: 'interface', owner: 'tomcat01', name: 'eth1', addressIn: '192.168.0.0/16', state: 'UP' }, records)).toBe(true)
    expect(checkHolds({ kind: 'interface', owner: 'tomcat01', name: 'eth0' }, records)).toBe(false)
    expect(checkHolds({ kind: 'interface', owner: 'host', name: 'eth1' }, records)).toBe(false)
    expect(checkHolds({ kind: 'network', name: 'mynet', subnet: '192.168.0.0/16', gateway: '192.168.0.1' }, records)).toBe(true)
    expect(checkHolds({ kind: 'network', name: 'mynet', gateway: '192.168.0.254' }, records)).toBe(false)
    expect(checkHolds({ kind: 'no-container', name: 'tomcat02' }, records)).toBe(true)
    expect(checkHolds({ kind: 'no-container', name: 'tomcat01' }, records)).toBe(false)
    expect(checkHolds({ kind: 'hosts-entry', container: 'tomcat01', host: 'tomcat02' }, records)).toBe(true)
    expect(checkHolds({ kind: 'hosts-entry', container: 'tomcat01', host: 'tomcat03' }, records)).toBe(false)
  })
})
