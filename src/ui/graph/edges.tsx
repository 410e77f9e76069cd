/**
 * A veth pair: a right-angled line from the container's interface to its
 * bridge's bus, with both ends' names (`eth0@if5 ↔ veth7a4aa5c@if4`) written
 * just beside the container, where each label has its own row and never
 * collides with another's.
 */
import { memo } from 'react'
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react'
import type { FlowEdge } from './to-flow-graph'

export const VethEdge = memo(function VethEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, markerEnd, style } = props
  const [path] = getSmoothStepPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, borderRadius: 10, offset: 16 })
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {label && (
        <EdgeLabelRenderer>
          <div className="veth-label" style={{ transform: `translate(-100%, -100%) translate(${sourceX - 10}px, ${sourceY - 2}px)` }}>
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  )
})

export const edgeTypes = { veth: VethEdge }
