/**
 * The live network graph. Loaded lazily (React Flow is the bulk of the
 * bundle), so the terminal and its prompt come up first.
 */
import { useEffect, useMemo, useState } from 'react'
import { ControlButton, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type NodeMouseHandler } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useStore } from 'zustand'
import { store, setActiveTab } from '../../store/store'
import { openContainerTerminal } from '../../store/engine-client'
import { useT } from '../i18n/use-t'
import { edgeTypes } from './edges'
import { nodeTypes } from './nodes'
import { toFlowGraph, type FlowNode } from './to-flow-graph'

const onNodeClick: NodeMouseHandler<FlowNode> = (_event, node) => {
  if (node.type !== 'container') return
  const state = store.getState()
  const id = node.data.containerId
  if (state.containerTerminals[id] !== undefined) setActiveTab(id)
  else if (node.data.state === 'running') openContainerTerminal(id)
}

const minimapColor = (n: FlowNode): string =>
  n.type === 'host' ? '#1d63ed' : n.type === 'bridge' ? '#0f7b6c' : n.className === 'stopped' ? '#c2c8d0' : '#8c959f'

function Graph() {
  const t = useT()
  const records = useStore(store, (s) => s.records)
  const slots = useStore(store, (s) => s.slots)
  const { nodes, edges } = useMemo(() => toFlowGraph(records, slots), [records, slots])
  const { fitView } = useReactFlow()
  // Refit when something appears or disappears (not on every address change).
  const count = nodes.length
  useEffect(() => {
    const fit = (): void => void fitView({ padding: 0.15, duration: 200, maxZoom: 1.2 })
    const id = requestAnimationFrame(fit)
    // Fitting unmeasured nodes does nothing, and useNodesInitialized did not flip back reliably
    // when nodes were added, so fit again once their sizes are surely known.
    const late = setTimeout(fit, 300)
    return () => {
      cancelAnimationFrame(id)
      clearTimeout(late)
    }
  }, [count, fitView])
  const containerCount = nodes.filter((n) => n.type === 'container').length
  const hasContainers = containerCount > 0
  // The minimap hides part of a small graph and helps only a big one: on by default from 8 containers.
  const [minimapChoice, setMinimap] = useState<boolean | undefined>(undefined)
  const showMinimap = minimapChoice ?? containerCount >= 8
  return (
    <>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        fitView
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
        aria-label={t('graph.label')}
      >
        <Controls showInteractive={false}>
          <ControlButton onClick={() => setMinimap(!showMinimap)} title={t('graph.minimap')} aria-label={t('graph.minimap')} aria-pressed={showMinimap}>
            ▦
          </ControlButton>
        </Controls>
        {showMinimap && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} />}
      </ReactFlow>
      {!hasContainers && <div className="graph-hint">{t('graph.empty')}</div>}
    </>
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
