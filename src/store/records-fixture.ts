/**
 * Records for tests: a host after the tutorial's `docker run -d -P --name
 * tomcat01 tomcat`, shaped as the engine publishes them (interface ids are
 * `${netns}/${ifindex}`, veth ends name each other in `peer`, the host end has
 * `master` = docker0's record id). Used by the store's and the graph's tests.
 */
import type { ContainerRecord, InterfaceRecord, WorldRecord } from '../protocol/records'

export const HOST_NETNS = 'netns:host'
export const DOCKER0 = `${HOST_NETNS}/3`

const iface = (netns: string, ifindex: number, rest: Omit<InterfaceRecord, 'kind' | 'id' | 'netns' | 'ifindex'>): InterfaceRecord => ({
  kind: 'interface',
  id: `${netns}/${ifindex}`,
  netns,
  ifindex,
  ...rest,
})

export function baseRecords(): WorldRecord[] {
  return [
    { kind: 'host', id: 'host-machine', hostname: 'docker-host' },
    { kind: 'netns', id: HOST_NETNS, owner: 'host' },
    iface(HOST_NETNS, 1, { name: 'lo', type: 'loopback', mac: '00:00:00:00:00:00', addresses: ['127.0.0.1/8'], state: 'UNKNOWN' }),
    iface(HOST_NETNS, 2, { name: 'eth0', type: 'ether', mac: '02:42:ac:11:00:03', addresses: ['172.17.0.3/20'], state: 'UP' }),
    iface(HOST_NETNS, 3, { name: 'docker0', type: 'bridge', mac: '02:42:d4:5e:1a:0b', addresses: ['172.18.0.1/16'], state: 'UP' }),
    { kind: 'network', id: 'n'.repeat(64), name: 'bridge', driver: 'bridge', bridge: DOCKER0, subnet: '172.18.0.0/16', gateway: '172.18.0.1' },
    { kind: 'terminal', id: 'terminal:host', title: 'host', reading: true, open: true },
  ]
}

/** A running container on docker0 with host veth index `hostIfindex` and address 172.18.0.`n + 1`. */
export function containerRecords(id: string, name: string, n: number, hostIfindex: number, ports: ContainerRecord['ports'] = []): WorldRecord[] {
  const netns = `netns:${id}`
  return [
    { kind: 'container', id, name, image: 'tomcat', state: 'running', netns, networkMode: 'bridge', ports, shell: 'bash' },
    { kind: 'netns', id: netns, owner: id },
    iface(netns, 1, { name: 'lo', type: 'loopback', mac: '00:00:00:00:00:00', addresses: ['127.0.0.1/8'], state: 'UNKNOWN' }),
    iface(netns, hostIfindex - 1, {
      name: 'eth0',
      type: 'veth',
      mac: `02:42:ac:12:00:0${n + 1}`,
      addresses: [`172.18.0.${n + 1}/16`],
      state: 'UP',
      peer: `${HOST_NETNS}/${hostIfindex}`,
    }),
    iface(HOST_NETNS, hostIfindex, {
      name: `veth${(hostIfindex * 1234567).toString(16).slice(0, 7).padStart(7, 'a')}`,
      type: 'veth',
      mac: '7a:1b:2c:3d:4e:5f',
      addresses: [],
      state: 'UP',
      peer: `${netns}/${hostIfindex - 1}`,
      master: DOCKER0,
    }),
  ]
}

export const TOMCAT01 = 'a'.repeat(64)
export const TOMCAT02 = 'b'.repeat(64)
export const TOMCAT03 = 'c'.repeat(64)

export function tutorialRecords(): WorldRecord[] {
  return [...baseRecords(), ...containerRecords(TOMCAT01, 'tomcat01', 1, 5, [{ hostIp: '0.0.0.0', hostPort: 49153, containerPort: 8080, protocol: 'tcp' }])]
}
