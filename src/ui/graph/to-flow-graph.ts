/**
 * Records → React Flow nodes and edges. Pure (no React), so it is tested on
 * its own. The layout is layered and fixed by slots (src/store/layout.ts):
 *
 *   row 0  the host, with its eth0 and the published ports
 *   row 1  one column per bridge (docker0, br-…), with network name, subnet, gateway
 *   row 2+ the containers of each column, one under the other, in slot order
 *
 * A position depends only on its own slot, so adding or removing a container
 * moves nothing else. Edges: host → bridge (the bridge lives in the host's
 * namespace) and one edge per veth pair, from the container's interface to
 * the bridge its host end is enslaved to, labelled with both ends as `ip`
 * shows them (`eth0@if5 ↔ veth7a4aa5c@if4`).
 */
import type { Edge, Node } from '@xyflow/react'
import type { ContainerRecord, InterfaceRecord, NetworkRecord, RecordId, WorldRecord } from '../../protocol/records'
import { OTHER_COLUMN, type Slots } from '../../store/layout'

export const NODE_WIDTH = 260
/** Room left of a column's containers for the veth labels; the bridge's "bus" runs down its left edge. */
export const LABEL_ROOM = 300
export const COLUMN_WIDTH = LABEL_ROOM + NODE_WIDTH + 80
export const BRIDGE_Y = 300
export const CONTAINERS_Y = 440
/** Fits a container with two interfaces; a third (rare) may touch the next row. */
export const ROW_HEIGHT = 180

export interface IfaceView {
  readonly id: RecordId
  readonly name: string
  readonly addresses: readonly string[]
  readonly mac: string
  readonly state: InterfaceRecord['state']
}

export interface HostData extends Record<string, unknown> {
  readonly hostname: string
  readonly interfaces: readonly IfaceView[]
  /** `0.0.0.0:49153 → 8080/tcp`, with the container's name. */
  readonly ports: readonly { readonly text: string; readonly container: string }[]
}

export interface BridgeData extends Record<string, unknown> {
  readonly name: string
  readonly network?: string
  readonly subnet?: string
  readonly gateway?: string
  readonly addresses: readonly string[]
  readonly state: InterfaceRecord['state']
  /** The column of containers without a bridge (host, none, container:…) has no interface. */
  readonly other: boolean
}

export interface ContainerData extends Record<string, unknown> {
  readonly containerId: RecordId
  readonly name: string
  readonly image: string
  readonly state: ContainerRecord['state']
  readonly networkMode: string
  readonly interfaces: readonly IfaceView[]
}

export type HostNode = Node<HostData, 'host'>
export type BridgeNode = Node<BridgeData, 'bridge'>
export type ContainerNode = Node<ContainerData, 'container'>
export type FlowNode = HostNode | BridgeNode | ContainerNode

export interface VethEdgeData extends Record<string, unknown> {
  readonly inner: string
  readonly outer: string
}
export type FlowEdge = Edge<VethEdgeData>

export const hostNodeId = 'host'
export const bridgeNodeId = (column: string): string => `bridge:${column}`
export const containerNodeId = (id: RecordId): string => `container:${id}`
export const ifaceHandleId = (id: RecordId): string => `if:${id}`

const view = (i: InterfaceRecord): IfaceView => ({ id: i.id, name: i.name, addresses: i.addresses, mac: i.mac, state: i.state })
const byIndex = (a: InterfaceRecord, b: InterfaceRecord): number => a.ifindex - b.ifindex

export function toFlowGraph(records: ReadonlyMap<RecordId, WorldRecord>, slots: Slots): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const ifaces: InterfaceRecord[] = []
  const containers: ContainerRecord[] = []
  const networkByBridge = new Map<RecordId, NetworkRecord>()
  const netnsOwner = new Map<RecordId, string>()
  let hostname = 'host'
  for (const r of records.values()) {
    if (r.kind === 'interface') ifaces.push(r)
    else if (r.kind === 'container') containers.push(r)
    else if (r.kind === 'network' && r.bridge !== undefined) networkByBridge.set(r.bridge, r)
    else if (r.kind === 'netns') netnsOwner.set(r.id, r.owner)
    else if (r.kind === 'host') hostname = r.hostname
  }
  const isHostNetns = (netns: RecordId): boolean => (netnsOwner.size === 0 ? !containers.some((c) => c.netns === netns) : netnsOwner.get(netns) === 'host')
  const nodes: FlowNode[] = []
  const edges: FlowEdge[] = []

  // The host: its own links that are neither loopback, bridges (own nodes) nor bridge ports (drawn as
  // veth edges). eth0 stays even when it is itself a veth to an uplink namespace (`eth0@if2` in the captures).
  const hostIfaces = ifaces.filter((i) => isHostNetns(i.netns) && i.type !== 'loopback' && i.type !== 'bridge' && i.master === undefined)
  const ports = containers
    .filter((c) => c.state === 'running')
    .flatMap((c) => c.ports.map((p) => ({ text: `${p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.protocol}`, container: c.name })))
  nodes.push({
    id: hostNodeId,
    type: 'host',
    position: { x: 0, y: 0 },
    data: { hostname, interfaces: hostIfaces.sort(byIndex).map(view), ports },
    width: NODE_WIDTH,
  })

  // Bridge columns.
  for (const [column, index] of Object.entries(slots.columns)) {
    const x = index * COLUMN_WIDTH
    const other = column === OTHER_COLUMN
    const bridge = other ? undefined : records.get(column)
    if (!other && bridge?.kind !== 'interface') continue
    const network = other ? undefined : networkByBridge.get(column)
    nodes.push({
      id: bridgeNodeId(column),
      type: 'bridge',
      position: { x, y: BRIDGE_Y },
      width: NODE_WIDTH,
      data: {
        name: bridge?.kind === 'interface' ? bridge.name : '',
        network: network?.name,
        subnet: network?.subnet,
        gateway: network?.gateway,
        addresses: bridge?.kind === 'interface' ? bridge.addresses : [],
        state: bridge?.kind === 'interface' ? bridge.state : 'UNKNOWN',
        other,
      },
    })
    if (!other) edges.push({ id: `link:${column}`, source: hostNodeId, sourceHandle: 'down', target: bridgeNodeId(column), targetHandle: 'up', className: 'edge-host' })
  }

  // Containers, at their slots.
  const ifacesByNetns = new Map<RecordId, InterfaceRecord[]>()
  for (const i of ifaces) ifacesByNetns.set(i.netns, [...(ifacesByNetns.get(i.netns) ?? []), i])
  for (const c of containers) {
    const slot = slots.containers[c.id]
    const columnIndex = slot ? slots.columns[slot.column] : undefined
    if (!slot || columnIndex === undefined) continue
    // Loopback is in every namespace and says nothing about the topology.
    const own = c.netns ? (ifacesByNetns.get(c.netns) ?? []).filter((i) => i.type !== 'loopback').sort(byIndex) : []
    nodes.push({
      id: containerNodeId(c.id),
      type: 'container',
      position: { x: columnIndex * COLUMN_WIDTH + LABEL_ROOM, y: CONTAINERS_Y + slot.row * ROW_HEIGHT },
      width: NODE_WIDTH,
      className: c.state === 'running' ? 'running' : 'stopped',
      data: { containerId: c.id, name: c.name, image: c.image, state: c.state, networkMode: c.networkMode, interfaces: own.map(view) },
    })
    // A namespace shared with `--network container:x` belongs to x; draw its veth once, from its owner.
    const owner = netnsOwner.get(c.netns ?? '')
    if (owner !== undefined && owner !== c.id) continue
    for (const inner of own) {
      if (inner.type !== 'veth' || inner.peer === undefined) continue
      const outer = records.get(inner.peer)
      if (outer?.kind !== 'interface') continue
      const onBridge = outer.master !== undefined && slots.columns[outer.master] !== undefined
      const innerLabel = `${inner.name}@if${outer.ifindex}`
      const outerLabel = `${outer.name}@if${inner.ifindex}`
      edges.push({
        id: `veth:${inner.id}`,
        source: containerNodeId(c.id),
        sourceHandle: ifaceHandleId(inner.id),
        type: 'veth',
        target: onBridge ? bridgeNodeId(outer.master!) : hostNodeId,
        targetHandle: onBridge ? 'down' : 'veth',
        label: `${innerLabel} ↔ ${outerLabel}`,
        className: c.state === 'running' ? 'edge-veth' : 'edge-veth stopped',
        data: { inner: innerLabel, outer: outerLabel },
      })
    }
  }
  return { nodes, edges }
}
