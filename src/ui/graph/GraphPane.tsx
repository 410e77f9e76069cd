/**
 * The live network graph. Loaded lazily (React Flow is the bulk of the
 * bundle), so the terminal and its prompt come up first. Clicking a node
 * opens its inspector (and a container's terminal); clicking a veth edge
 * inspects the pair. What the last command changed is outlined for a few
 * seconds. Packets move over it (PacketLayer).
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { ControlButton, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type EdgeMouseHandler, type NodeMouseHandler } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useStore } from 'zustand'
import { store, select, setActiveTab } from '../../store/store'
import { openContainerTerminal } from '../../store/engine-client'
import { HOST_KEY } from '../../store/changes'
import { useT } from '../i18n/use-t'
import { Inspector } from '../panels/Inspector'
import { edgeTypes } from './edges'
import { nodeTypes } from './nodes'
import { PacketControls } from './PacketControls'
import { PacketLayer } from './PacketLayer'
import { download, graphSvg, svgToPng, type ExportNode } from './export'
import { toFlowGraph, type FlowEdge, type FlowNode } from './to-flow-graph'

/** How long what a command changed stays outlined. */
const HIGHLIGHT_MS = 4000

function activate(node: FlowNode): void {
  if (node.type === 'host') return select({ kind: 'host' })
  if (node.type === 'bridge') {
    if (!node.data.other) select({ kind: 'bridge', id: node.id.slice('bridge:'.length) })
    return
  }
  const id = node.data.containerId
  select({ kind: 'container', id })
  const state = store.getState()
  if (state.containerTerminals[id] !== undefined) setActiveTab(id)
  else if (node.data.state === 'running') openContainerTerminal(id)
}

const onNodeClick: NodeMouseHandler<FlowNode> = (_event, node) => activate(node)
const onEdgeClick: EdgeMouseHandler<FlowEdge> = (_event, edge) => {
  if (edge.id.startsWith('veth:')) select({ kind: 'veth', id: edge.id.slice('veth:'.length) })
}

const minimapColor = (n: FlowNode): string =>
  n.type === 'host' ? '#1d63ed' : n.type === 'bridge' ? '#0f7b6c' : n.className?.includes('stopped') ? '#c2c8d0' : '#8c959f'

/** The node's graph-level key, as store/changes.ts names what changed. */
const changeKey = (n: FlowNode): string => (n.type === 'host' ? HOST_KEY : n.type === 'container' ? n.data.containerId : n.id.slice('bridge:'.length))

function useHighlights(): ReadonlySet<string> {
  const lastChange = useStore(store, (s) => s.lastChange)
  const [keys, setKeys] = useState<ReadonlySet<string>>(new Set())
  useEffect(() => {
    if (lastChange.serial === 0) return
    setKeys(new Set(lastChange.keys))
    const id = setTimeout(() => setKeys(new Set()), HIGHLIGHT_MS)
    return () => clearTimeout(id)
  }, [lastChange])
  return keys
}

function Graph() {
  const t = useT()
  const records = useStore(store, (s) => s.records)
  const slots = useStore(store, (s) => s.slots)
  const selection = useStore(store, (s) => s.selection)
  const presenter = useStore(store, (s) => s.presenter)
  const highlights = useHighlights()
  const base = useMemo(() => toFlowGraph(records, slots), [records, slots])
  const nodes = useMemo(
    () =>
      base.nodes.map((n) => {
        const selected = selection && ((selection.kind === 'host' && n.type === 'host') || (selection.kind !== 'host' && 'id' in selection && changeKey(n) === selection.id))
        const extra = `${highlights.has(changeKey(n)) ? ' changed' : ''}${selected ? ' inspected' : ''}`
        const label = n.type === 'container' ? n.data.name : n.type === 'bridge' ? n.data.name || t('graph.otherNetworks') : t('graph.host')
        return { ...n, className: `${n.className ?? ''}${extra}`.trim(), ariaLabel: label } as FlowNode
      }),
    [base.nodes, highlights, selection, t],
  )
  const edges = useMemo(() => base.edges.map((e) => (e.label ? { ...e, domAttributes: { 'data-label': String(e.label) } as FlowEdge['domAttributes'] } : e)), [base.edges])
  const flow = useReactFlow<FlowNode, FlowEdge>()
  const { fitView } = flow
  // Refit when something appears or disappears (not on every address change).
  const count = nodes.length
  useEffect(() => {
    // Presenter mode lets a small graph grow to fill the pane: large type from the back of the room.
    const fit = (): void => void fitView({ padding: presenter ? 0.06 : 0.15, duration: 200, maxZoom: presenter ? 2.2 : 1.2 })
    const id = requestAnimationFrame(fit)
    // Fitting unmeasured nodes does nothing, and useNodesInitialized did not flip back reliably
    // when nodes were added, so fit again once their sizes are surely known.
    const late = setTimeout(fit, 300)
    return () => {
      cancelAnimationFrame(id)
      clearTimeout(late)
    }
  }, [count, fitView, presenter])
  const containerCount = nodes.filter((n) => n.type === 'container').length
  // The minimap hides part of a small graph and helps only a big one: on by default from 8 containers.
  const [minimapChoice, setMinimap] = useState<boolean | undefined>(undefined)
  const showMinimap = minimapChoice ?? containerCount >= 8

  const exportNodes = (): ExportNode[] =>
    flow.getNodes().flatMap((n) => {
      const internal = flow.getInternalNode(n.id)
      const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(n.id)}"]`)
      if (!internal || !el) return []
      const lines = el.innerText.split('\n').map((l) => l.trim()).filter(Boolean)
      const { x, y } = internal.internals.positionAbsolute
      return [{ x, y, width: internal.measured.width ?? 260, height: internal.measured.height ?? 60, kind: n.type ?? '', lines, muted: n.className?.includes('stopped') }]
    })
  const exportSvg = () => download('dockernet-graph.svg', new Blob([graphSvg(exportNodes())], { type: 'image/svg+xml' }))
  const exportPng = () => void svgToPng(graphSvg(exportNodes())).then((b) => download('dockernet-graph.png', b))

  // Keyboard: Enter or Space on a focused node does what a click does.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    const id = (e.target as HTMLElement).closest?.('.react-flow__node')?.getAttribute('data-id')
    const node = id ? nodes.find((n) => n.id === id) : undefined
    if (!node) return
    e.preventDefault()
    activate(node)
  }

  return (
    <div className="graph-flow" onKeyDown={onKeyDown}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements={containerCount > 60}
        fitView
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
        aria-label={t('graph.label')}
      >
        <PacketLayer />
        <PacketControls />
        <Controls showInteractive={false} aria-label={t('graph.label')}>
          <ControlButton onClick={() => setMinimap(!showMinimap)} title={t('graph.minimap')} aria-label={t('graph.minimap')} aria-pressed={showMinimap}>
            ▦
          </ControlButton>
          <ControlButton onClick={() => select(selection?.kind === 'reachability' ? undefined : { kind: 'reachability' })} title={t('graph.reachability')} aria-label={t('graph.reachability')} aria-pressed={selection?.kind === 'reachability'}>
            ⇄
          </ControlButton>
          <ControlButton onClick={exportSvg} title={t('graph.exportSvg')} aria-label={t('graph.exportSvg')}>
            SVG
          </ControlButton>
          <ControlButton onClick={exportPng} title={t('graph.exportPng')} aria-label={t('graph.exportPng')}>
            PNG
          </ControlButton>
        </Controls>
        {showMinimap && !presenter && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel={t('graph.minimap')} />}
      </ReactFlow>
      {containerCount === 0 && <div className="graph-hint">{t('graph.empty')}</div>}
      <Inspector />
    </div>
  )
}

export default function GraphPane() {
  return (
    <div className="graph-pane" data-testid="graph">
      <ReactFlowProvider>
        <Graph />
      </ReactFlowProvider>
    </div>
  )
}
