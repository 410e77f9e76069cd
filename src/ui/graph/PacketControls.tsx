/**
 * The packet controls over the graph: show packets, pause, speed, and step
 * mode (back/forward one hop, with that hop's headers). The latest drop is
 * announced here in words, with the rule that dropped it.
 */
import { useStore } from 'zustand'
import { Panel } from '@xyflow/react'
import { dismissDrop, setPacketsEnabled, setPaused, setSpeed, setStepping, SPEEDS, step, traceStore } from '../../store/trace'
import { useT } from '../i18n/use-t'
import type { PacketHop } from '../../protocol/trace'

function HopCard({ hop, index, total }: { hop: PacketHop; index: number; total: number }) {
  const t = useT()
  return (
    <div className="hop-card" data-testid="hop-card" aria-live="polite">
      <div className="hop-title">
        {t('packets.hop', { n: index + 1, total })} · <code>{hop.from.name} → {hop.to.name}</code> <span className={`proto proto-${hop.protocol}`}>{hop.protocol.toUpperCase()}</span>
      </div>
      <div className="hop-summary">
        <code>{hop.summary}</code>
      </div>
      <table className="hop-headers">
        <tbody>
          {hop.headers.map(([layer, fields]) => (
            <tr key={layer}>
              <th scope="row">{layer}</th>
              <td>
                <code>{fields}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hop.drop && (
        <div className="hop-drop">
          {t('packets.droppedBy')} <code>{hop.drop}</code>
        </div>
      )}
    </div>
  )
}

export function PacketControls() {
  const t = useT()
  const { speed, paused, stepping, cursor, hops, enabled, lastDrop } = useStore(traceStore)
  const hop = stepping ? hops[cursor] : undefined
  return (
    <Panel position="top-left" className="packet-panel">
      <div className="packet-controls" role="toolbar" aria-label={t('packets.label')}>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setPacketsEnabled(e.target.checked)} /> {t('packets.show')}
        </label>
        <button type="button" onClick={() => setPaused(!paused)} aria-pressed={paused} title={t(paused ? 'packets.resume' : 'packets.pause')} aria-label={t(paused ? 'packets.resume' : 'packets.pause')}>
          {paused ? '▶' : '❚❚'}
        </button>
        <label>
          <span className="sr-only">{t('packets.speed')}</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label={t('packets.speed')} title={t('packets.speed')}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => step(-1)} disabled={hops.length === 0} title={t('packets.back')} aria-label={t('packets.back')}>
          ◀|
        </button>
        <button type="button" onClick={() => step(1)} disabled={hops.length === 0} title={t('packets.forward')} aria-label={t('packets.forward')}>
          |▶
        </button>
        <button type="button" onClick={() => setStepping(!stepping)} aria-pressed={stepping} disabled={hops.length === 0 && !stepping}>
          {t(stepping ? 'packets.live' : 'packets.step')}
        </button>
      </div>
      {hop && <HopCard hop={hop} index={cursor} total={hops.length} />}
      {lastDrop && (
        <div className="drop-banner" role="status" data-testid="drop-banner">
          <span>
            {t('packets.dropAt', { at: lastDrop.to.name })} <code>{lastDrop.drop}</code>
          </span>
          <button type="button" onClick={dismissDrop} aria-label={t('packets.dismiss')} title={t('packets.dismiss')}>
            ×
          </button>
        </div>
      )}
    </Panel>
  )
}
