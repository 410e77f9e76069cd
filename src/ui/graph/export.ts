/**
 * Exports the graph as a standalone SVG (and a PNG drawn from it): boxes
 * for the nodes with the text they show, the edges' own paths, the veth
 * labels. Built from what is on screen (React Flow's measured nodes and the
 * edges' SVG paths), without foreignObject, so the PNG canvas is never
 * tainted and the SVG opens anywhere. No library needed.
 */
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export interface ExportNode {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly kind: string
  readonly lines: readonly string[]
  readonly muted?: boolean
}

interface Colors {
  bg: string
  panel: string
  text: string
  muted: string
  border: string
  accent: string
  bridge: string
  edge: string
}

function colors(): Colors {
  const cs = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback
  return {
    bg: v('--bg', '#f4f5f7'),
    panel: v('--panel', '#ffffff'),
    text: v('--text', '#1f2328'),
    muted: v('--muted', '#5b6470'),
    border: v('--border', '#d5d9e0'),
    accent: v('--accent', '#1d63ed'),
    bridge: v('--bridge', '#0f7b6c'),
    edge: v('--edge', '#7d8796'),
  }
}

/** Collects nodes (from React Flow's internals) and edges (from the DOM) into an SVG document. */
export function graphSvg(nodes: readonly ExportNode[]): string {
  const c = colors()
  const parts: string[] = []
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const grow = (x: number, y: number) => {
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  for (const edge of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
    const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path')
    if (!path) continue
    const veth = edge.classList.contains('edge-veth')
    const dashed = edge.classList.contains('edge-host') || edge.classList.contains('stopped')
    const box = path.getBBox()
    grow(box.x, box.y)
    grow(box.x + box.width, box.y + box.height)
    parts.push(`<path d="${esc(path.getAttribute('d') ?? '')}" fill="none" stroke="${veth ? c.bridge : c.edge}" stroke-width="${veth ? 2 : 1.5}"${dashed ? ' stroke-dasharray="5 4"' : ''}/>`)
    const label = edge.dataset.label
    if (label) {
      const p = path.getPointAtLength(0)
      parts.push(`<text x="${p.x - 10}" y="${p.y - 5}" text-anchor="end" font-family="monospace" font-size="12" fill="${c.text}">${esc(label)}</text>`)
      grow(p.x - 10 - label.length * 7.5, p.y - 20)
    }
  }
  for (const n of nodes) {
    grow(n.x, n.y)
    grow(n.x + n.width, n.y + n.height)
    const stroke = n.kind === 'host' ? c.accent : n.kind === 'bridge' ? c.bridge : c.border
    parts.push(
      `<g opacity="${n.muted ? 0.55 : 1}"><rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="10" fill="${c.panel}" stroke="${stroke}" stroke-width="${n.kind === 'container' ? 1 : 2}"${n.muted ? ' stroke-dasharray="4 3"' : ''}/>`,
    )
    n.lines.forEach((line, i) => {
      const title = i === 0
      parts.push(
        `<text x="${n.x + 10}" y="${n.y + 20 + i * 16}" font-family="${title ? 'system-ui, sans-serif' : 'monospace'}" font-size="${title ? 14 : 11.5}"${title ? ' font-weight="600"' : ''} fill="${title ? c.text : c.muted}">${esc(line)}</text>`,
      )
    })
    parts.push('</g>')
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 100, 100]
  const pad = 24
  const [x, y, w, h] = [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad]
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${Math.ceil(w)}" height="${Math.ceil(h)}"><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${c.bg}"/>${parts.join('')}</svg>`
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function svgToPng(svg: string, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => {
      const canvas = document.createElement('canvas')
      canvas.width = Math.ceil(img.width * scale)
      canvas.height = Math.ceil(img.height * scale)
      const ctx = canvas.getContext('2d')
      if (!ctx) return reject(new Error('no 2d context'))
      ctx.scale(scale, scale)
      ctx.drawImage(img, 0, 0)
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png')
    }
    img.onerror = () => reject(new Error('the SVG did not load'))
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  })
}
