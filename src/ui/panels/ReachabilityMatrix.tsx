/** Who reaches whom, by IP and by name, and why not (store/reachability.ts). */
import { useMemo } from 'react'
import type { RecordId, WorldRecord } from '../../protocol/records'
import { reachabilityMatrix, type ReachCell, type Verdict } from '../../store/reachability'
import { useT, type T } from '../i18n/use-t'

function verdictText(t: T, v: Verdict): string {
  if (v.ok) return v.via === 'dns' ? t('reach.viaDns') : v.via === 'link' ? t('reach.viaLink') : (v.address ?? '✓')
  return t(`reach.reason.${v.reason ?? 'no-dns'}`)
}

function Cell({ cell }: { cell: ReachCell }) {
  const t = useT()
  return (
    <td className="reach-cell" data-from={cell.from} data-to={cell.to}>
      <div className={cell.byIp.ok ? 'ok' : 'no'}>
        <span aria-hidden="true">{cell.byIp.ok ? '✓' : '✗'}</span> {t('reach.byIp')}: {verdictText(t, cell.byIp)}
      </div>
      <div className={cell.byName.ok ? 'ok' : 'no'}>
        <span aria-hidden="true">{cell.byName.ok ? '✓' : '✗'}</span> {t('reach.byName')}: {verdictText(t, cell.byName)}
      </div>
    </td>
  )
}

export function ReachabilityMatrix({ records }: { records: ReadonlyMap<RecordId, WorldRecord> }) {
  const t = useT()
  const { containers, cells } = useMemo(() => reachabilityMatrix(records), [records])
  if (containers.length < 2) return <p className="muted">{t('reach.needTwo')}</p>
  const at = (from: RecordId, to: RecordId) => cells.find((c) => c.from === from && c.to === to)
  return (
    <div className="reach-wrap" tabIndex={0} role="region" aria-label={t('reach.title')}>
      <table className="reach" data-testid="reachability">
        <caption className="muted">{t('reach.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reach.fromTo')}</th>
            {containers.map((c) => (
              <th key={c.id} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {containers.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              {containers.map((b) => {
                const cell = a.id === b.id ? undefined : at(a.id, b.id)
                return cell ? <Cell key={b.id} cell={cell} /> : <td key={b.id} className="reach-self">—</td>
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
