import { describe, expect, it } from 'vitest'
import type { RecordId, WorldRecord } from '../../protocol/records'
import { DOCKER0, TOMCAT01, tutorialRecords } from '../../store/records-fixture'
import { bridgePorts, interfacesOf, ipAddrText, networkInspectText, portsText, routesText } from './inspect-text'

const records = new Map<RecordId, WorldRecord>(
  tutorialRecords().map((r) =>
    r.kind === 'container' ? [r.id, { ...r, networks: [{ name: 'bridge', networkId: 'n'.repeat(64), ipAddress: '172.18.0.2', macAddress: '02:42:ac:12:00:02', aliases: [] }] }] : [r.id, r],
  ),
)

describe('inspector text', () => {
  it('shows a container’s interfaces as ip addr does, with the veth peer index', () => {
    const c = records.get(TOMCAT01)!
    const text = ipAddrText(records, interfacesOf(records, c.kind === 'container' ? c.netns : undefined))
    expect(text).toContain('4: eth0@if5: state UP')
    expect(text).toContain('    inet 172.18.0.2/16 scope global eth0')
  })

  it('shows routes, ports, network members and bridge ports', () => {
    expect(routesText([{ dst: 'default', via: '172.18.0.1', dev: 'eth0', proto: 'boot', scope: 'global' }, { dst: '172.18.0.0/16', dev: 'eth0', proto: 'kernel', scope: 'link', src: '172.18.0.2' }])).toBe(
      'default via 172.18.0.1 dev eth0\n172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.2',
    )
    const c = records.get(TOMCAT01)!
    if (c.kind === 'container') expect(portsText(c)).toBe('8080/tcp -> 0.0.0.0:49153')
    const n = [...records.values()].find((r) => r.kind === 'network')!
    if (n.kind === 'network') expect(JSON.parse(networkInspectText(records, n)).Containers[TOMCAT01]).toEqual({ Name: 'tomcat01', MacAddress: '02:42:ac:12:00:02', IPv4Address: '172.18.0.2/16' })
    expect(bridgePorts(records, DOCKER0)).toEqual([{ port: expect.stringMatching(/^veth/), peer: 'eth0', container: 'tomcat01' }])
  })
})
