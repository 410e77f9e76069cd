/**
 * A QR code of a link, drawn as SVG rectangles from uqr's module matrix: the link is data for the
 * encoder, never markup (uqr's own renderSVG would hand us a string to inject).
 */
import { useMemo } from 'react'
import { encode } from 'uqr'

/** Byte capacity of a version-40 QR code at error correction level L. */
export const QR_MAX_BYTES = 2953

export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const path = useMemo(() => {
    const qr = encode(text, { ecc: 'L', border: 2 })
    const d: string[] = []
    qr.data.forEach((row, y) => row.forEach((on, x) => on && d.push(`M${x} ${y}h1v1h-1z`)))
    return { d: d.join(''), n: qr.size }
  }, [text])
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${path.n} ${path.n}`} shapeRendering="crispEdges">
      <rect width={path.n} height={path.n} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  )
}
