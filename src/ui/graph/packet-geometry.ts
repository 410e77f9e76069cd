/**
 * Where a packet hop is drawn: each interface record id is placed on the
 * graph (a container's interface is the start of its veth edge, a bridge
 * port is where that edge meets the bridge's bus, a bridge or a host link is
 * its node), and a hop between a container's interface and its veth peer
 * follows the drawn edge. Reads the DOM (edge paths) and React Flow's
 * measured nodes, so it lives beside the layer that animates, not in the
 * pure graph code.
 */
import type { RecordId, WorldRecord } from '../../protocol/records'
import { bridgeNodeId, containerNodeId, hostNodeId } from './to-flow-graph'

export interface Point {
  readonly x: number
  readonly y: number
}
export type NodeBox = (nodeId: string) => { x: number; y: number; width: number; height: number } | undefined

type Place =
  | { readonly kind: 'container-iface'; readonly iface: RecordId; readonly container: RecordId }
  | { readonly kind: 'port'; readonly iface: RecordId; readonly bridge: RecordId; readonly peer?: RecordId }
  | { readonly kind: 'bridge'; readonly bridge: RecordId }
  | { readonly kind: 'host' }

export function placeOf(records: ReadonlyMap<RecordId, WorldRecord>, iface: RecordId): Place {
  const r = records.get(iface)
  if (r?.kind !== 'interface') return { kind: 'host' }
  const ns = records.get(r.netns)
  if (ns?.kind === 'netns' && ns.owner !== 'host') {
    // A namespace shared through `--network container:x` is drawn on its owner.
    return { kind: 'container-iface', iface, container: ns.owner }
  }
  if (r.type === 'bridge') return { kind: 'bridge', bridge: iface }
  if (r.master !== undefined) return { kind: 'port', iface, bridge: r.master, ...(r.peer ? { peer: r.peer } : {}) }
  return { kind: 'host' }
}

function edgePath(edgeId: string): SVGPathElement | undefined {
  const el = document.querySelector(`.react-flow__edge[data-id="${CSS.escape(edgeId)}"] path.react-flow__edge-path`)
  return el instanceof SVGPathElement ? el : undefined
}

function nodeAnchor(box: NodeBox, nodeId: string): Point | undefined {
  const b = box(nodeId)
  // The bus of a bridge and the host's link both run down the node's left side (handles at x = 24).
  return b ? { x: b.x + 24, y: b.y + b.height } : undefined
}

function pointOf(place: Place, box: NodeBox): Point | undefined {
  switch (place.kind) {
    case 'container-iface': {
      const path = edgePath(`veth:${place.iface}`)
      if (path) return path.getPointAtLength(0)
      const b = box(containerNodeId(place.container))
      return b ? { x: b.x, y: b.y + b.height / 2 } : undefined
    }
    case 'port': {
      const path = place.peer ? edgePath(`veth:${place.peer}`) : undefined
      if (path) return path.getPointAtLength(path.getTotalLength())
      return nodeAnchor(box, bridgeNodeId(place.bridge))
    }
    case 'bridge':
      return nodeAnchor(box, bridgeNodeId(place.bridge))
    case 'host':
      return nodeAnchor(box, hostNodeId)
  }
}

/** A function from progress (0…1) to a point, or undefined when an end is not on the graph. */
export type Segment = (t: number) => Point

export function segmentFor(records: ReadonlyMap<RecordId, WorldRecord>, box: NodeBox, from: RecordId, to: RecordId): Segment | undefined {
  const a = placeOf(records, from)
  const b = placeOf(records, to)
  // Along the veth edge, in either direction.
  const inner = a.kind === 'container-iface' && b.kind === 'port' ? a.iface : b.kind === 'container-iface' && a.kind === 'port' ? b.iface : undefined
  if (inner !== undefined) {
    const path = edgePath(`veth:${inner}`)
    if (path) {
      const length = path.getTotalLength()
      const forward = a.kind === 'container-iface'
      return (t) => path.getPointAtLength((forward ? t : 1 - t) * length)
    }
  }
  const p = pointOf(a, box)
  const q = pointOf(b, box)
  if (!p || !q) return undefined
  if (p.x === q.x && p.y === q.y) {
    // Loopback or a frame handed up the bridge's own stack: a small hop out and back.
    return (t) => ({ x: p.x + Math.sin(t * Math.PI) * 18, y: p.y - Math.sin(t * Math.PI) * 18 })
  }
  return (t) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t })
}
