/**
 * Packets moving along the graph. Hop batches come from the trace store
 * (`onHops`), are scheduled by cause (store/hop-schedule.ts) and merged
 * into tokens; one requestAnimationFrame loop moves the tokens' elements
 * directly (no React render per frame). The animation clock runs at the
 * chosen speed and stops when paused or stepping. In step mode the hop under
 * the cursor is drawn still, halfway along its segment.
 */
import { useEffect, useRef, useState } from 'react'
import { useReactFlow, ViewportPortal } from '@xyflow/react'
import { useStore } from 'zustand'
import { store } from '../../store/store'
import { onHops, traceStore } from '../../store/trace'
import { aggregate, EMPTY_SCHEDULE, schedule, type ScheduleState, type Token } from '../../store/hop-schedule'
import { segmentFor, type NodeBox, type Segment } from './packet-geometry'
import type { FlowNode } from './to-flow-graph'

/** Animation ms per hop at 1× speed: slow enough to follow a frame across a veth. */
export const HOP_MS = 650
/** Hops on one segment starting within this window share one token. */
const MERGE_MS = 160
/** Tokens alive at once; beyond it the oldest finish instantly. */
const MAX_TOKENS = 120

interface Live {
  token: Token
  el: HTMLDivElement
  segment: Segment | undefined
}

function tokenElement(token: Token): HTMLDivElement {
  const el = document.createElement('div')
  el.className = `packet packet-${token.protocol}${token.drop ? ' packet-drop' : ''}`
  el.dataset.protocol = token.protocol
  el.title = token.hops[0]!.summary
  if (token.count > 1) {
    const badge = document.createElement('span')
    badge.className = 'packet-count'
    badge.textContent = `×${token.count}`
    el.appendChild(badge)
  }
  return el
}

export function PacketLayer() {
  // A state ref, not useRef: ViewportPortal mounts its children only once the viewport exists.
  const [host, setHost] = useState<HTMLDivElement | null>(null)
  const flow = useReactFlow<FlowNode>()
  const stepping = useStore(traceStore, (s) => s.stepping)
  const cursorHop = useStore(traceStore, (s) => (s.stepping ? s.hops[s.cursor] : undefined))
  const stepDot = useRef<HTMLDivElement>(null)

  const box: NodeBox = (id) => {
    const n = flow.getInternalNode(id)
    if (!n) return undefined
    const { x, y } = n.internals.positionAbsolute
    return { x, y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 }
  }
  const boxRef = useRef(box)
  boxRef.current = box

  useEffect(() => {
    let clock = 0
    let last = performance.now()
    let sched: ScheduleState = EMPTY_SCHEDULE
    let live: Live[] = []
    let frame = 0
    if (!host) return

    const off = onHops((batch) => {
      const { speed, paused, stepping } = traceStore.getState()
      if (paused || stepping || speed === 0) return // a frozen graph does not queue a backlog
      const { state, items } = schedule(sched, batch, clock, { hopMs: HOP_MS, maxLag: HOP_MS * 8 })
      sched = state
      for (const token of aggregate(items, MERGE_MS)) {
        const el = tokenElement(token)
        el.style.display = 'none'
        host.appendChild(el)
        live.push({ token, el, segment: undefined })
      }
      if (live.length > MAX_TOKENS) {
        for (const l of live.splice(0, live.length - MAX_TOKENS)) l.el.remove()
      }
    })

    const tick = (now: number) => {
      const { speed, paused, stepping } = traceStore.getState()
      const dt = Math.min(100, now - last) // a background tab does not jump ahead
      last = now
      if (!paused && !stepping) clock += dt * speed
      if (live.length > 0) {
        const records = store.getState().records
        const keep: Live[] = []
        for (const l of live) {
          const { token } = l
          if (clock >= token.end) {
            l.el.remove()
            continue
          }
          keep.push(l)
          if (clock < token.start) continue
          l.segment ??= segmentFor(records, boxRef.current, token.from, token.to)
          if (!l.segment) continue
          const p = l.segment((clock - token.start) / (token.end - token.start))
          l.el.style.display = ''
          l.el.style.transform = `translate(${p.x}px, ${p.y}px)`
        }
        live = keep
      }
      frame = requestAnimationFrame(tick)
    }
    frame = requestAnimationFrame(tick)
    return () => {
      off()
      cancelAnimationFrame(frame)
      for (const l of live) l.el.remove()
      live = []
    }
  }, [host])

  // The latest drop stays marked where it happened, with its rule, until dismissed or replaced.
  const lastDrop = useStore(traceStore, (s) => s.lastDrop)
  const dropMark = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = dropMark.current
    if (!el || !lastDrop) return
    const p = segmentFor(store.getState().records, box, lastDrop.from.iface, lastDrop.to.iface)?.(1)
    el.style.display = p ? '' : 'none'
    if (p) el.style.transform = `translate(${p.x}px, ${p.y}px)`
  })

  // Step mode: the chosen hop stands still halfway along its segment.
  useEffect(() => {
    const el = stepDot.current
    if (!el) return
    if (!cursorHop) {
      el.style.display = 'none'
      return
    }
    const seg = segmentFor(store.getState().records, box, cursorHop.from.iface, cursorHop.to.iface)
    const p = seg?.(cursorHop.kind === 'drop' ? 1 : 0.5)
    el.className = `packet packet-step packet-${cursorHop.protocol}${cursorHop.drop ? ' packet-drop' : ''}`
    el.style.display = p ? '' : 'none'
    if (p) el.style.transform = `translate(${p.x}px, ${p.y}px)`
  })

  return (
    <ViewportPortal>
      <div ref={setHost} className="packet-layer" data-testid="packet-layer" aria-hidden="true">
        {lastDrop && (
          <div ref={dropMark} className="drop-mark" data-testid="drop-mark">
            <span className="drop-x">✕</span>
            <span className="drop-rule">{lastDrop.drop}</span>
          </div>
        )}
        <div ref={stepDot} className="packet packet-step" style={{ display: stepping ? '' : 'none' }} data-testid="packet-step" />
      </div>
    </ViewportPortal>
  )
}
