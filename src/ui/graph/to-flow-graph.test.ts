import { describe, expect, it } from 'vitest'
import type { RecordId, WorldRecord } from '../../protocol/records'
import { EMPTY_SLOTS, updateSlots } from '../../store/layout'
import { baseRecords, containerRecords, DOCKER0, TOMCAT01, TOMCAT02, TOMCAT03, tutorialRecords } from '../../store/records-fixture'
import { bridgeNodeId, containerNodeId, toFlowGraph } from './to-flow-graph'

const asMap = (records: WorldRecord[]) => new Map<RecordId, WorldRecord>(records.map((r) => [r.id, r]))
const graph = (records: WorldRecord[], prev = EMPTY_SLOTS) => {
  const map = asMap(records)
  const slots = updateSlots(prev, map)
  return { ...toFlowGraph(map, slots), slots }
}
const positions = (nodes: { id: string; position: { x: number; y: number } }[]) => Object.fromEntries(nodes.map((n) => [n.id, n.position]))

describe('toFlowGraph', () => {
  it('draws host, docker0 and tomcat01, with the veth pair as a labelled edge', () => {
    const { nodes, edges } = graph(tutorialRecords())
    expect(nodes.map((n) => n.id)).toEqual(['host', bridgeNodeId(DOCKER0), containerNodeId(TOMCAT01)])

    const host = nodes[0]!
    expect(host.data).toMatchObject({
      hostname: 'docker-host',
      interfaces: [{ name: 'eth0', addresses: ['172.17.0.3/20'] }], // no lo, no veth, no bridge
      ports: [{ text: '0.0.0.0:49153 → 8080/tcp', container: 'tomcat01' }],
    })
    expect(nodes[1]!.data).toMatchObject({ name: 'docker0', network: 'bridge', subnet: '172.18.0.0/16', gateway: '172.18.0.1' })
    expect(nodes[2]!.data).toMatchObject({ name: 'tomcat01', image: 'tomcat', state: 'running', interfaces: [{ name: 'eth0', addresses: ['172.18.0.2/16'], mac: '02:42:ac:12:00:02' }] })

    const veth = edges.find((e) => e.id.startsWith('veth:'))!
    expect(veth.source).toBe(containerNodeId(TOMCAT01))
    expect(veth.target).toBe(bridgeNodeId(DOCKER0))
    // Each end names the other's ifindex, as `ip addr` prints it.
    expect(veth.label).toMatch(/^eth0@if5 ↔ veth[0-9a-f]{7}@if4$/)
    expect(edges.filter((e) => e.id.startsWith('link:')).map((e) => [e.source, e.target])).toEqual([['host', bridgeNodeId(DOCKER0)]])
  })

  it('moves nothing when a container is added or removed', () => {
    const one = [...tutorialRecords(), ...containerRecords(TOMCAT02, 'tomcat02', 2, 7)]
    const a = graph(one)
    const b = graph([...one, ...containerRecords(TOMCAT03, 'tomcat03', 3, 9)], a.slots)
    const before = positions(a.nodes)
    const after = positions(b.nodes)
    for (const id of Object.keys(before)) expect(after[id]).toEqual(before[id])
    expect(after[containerNodeId(TOMCAT03)]).toBeDefined()

    const c = graph(one.filter((r) => !(r.kind === 'container' && r.id === TOMCAT01)), b.slots)
    const removed = positions(c.nodes)
    expect(removed[containerNodeId(TOMCAT01)]).toBeUndefined()
    for (const id of Object.keys(removed)) expect(removed[id]).toEqual(after[id])
  })

  it('greys a stopped container and drops its interfaces with its namespace', () => {
    const records = [...baseRecords(), ...containerRecords(TOMCAT01, 'tomcat01', 1, 5)]
      .filter((r) => !(r.kind === 'interface' && r.id.startsWith(`netns:${TOMCAT01}`)) && !(r.kind === 'interface' && r.name.startsWith('veth')))
      .map((r) => (r.kind === 'container' ? { ...r, state: 'exited' as const, netns: undefined } : r))
    const { nodes, edges } = graph(records)
    const node = nodes.find((n) => n.id === containerNodeId(TOMCAT01))!
    expect(node.className).toBe('stopped')
    expect(node.data).toMatchObject({ state: 'exited', interfaces: [] })
    expect(edges.filter((e) => e.id.startsWith('veth:'))).toEqual([])
  })
})
