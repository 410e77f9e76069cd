/**
 * The inspector: details of what was clicked on the graph, shaped as the
 * tools show them, or the reachability matrix. Lives over the graph's right
 * side; Escape or × closes it.
 */
import { useEffect, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { select, store, type Selection } from '../../store/store'
import type { RecordId, WorldRecord } from '../../protocol/records'
import { useT } from '../i18n/use-t'
import { bridgePorts, fdbText, interfacesOf, ipAddrText, networkInspectText, portsText, routesText } from './inspect-text'
import { ReachabilityMatrix } from './ReachabilityMatrix'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section">
      <h3>{title}</h3>
      {children}
    </section>
  )
}

const Pre = ({ text, empty }: { text: string; empty: string }) => (text ? <pre tabIndex={0}>{text}</pre> : <p className="muted">{empty}</p>)

function ContainerDetails({ records, id }: { records: ReadonlyMap<RecordId, WorldRecord>; id: RecordId }) {
  const t = useT()
  const c = records.get(id)
  if (c?.kind !== 'container') return <p className="muted">{t('inspector.gone')}</p>
  const ns = c.netns !== undefined ? records.get(c.netns) : undefined
  return (
    <>
      <h2>
        {c.name} <span className={`state state-${c.state}`}>{t(`state.${c.state}`)}</span>
      </h2>
      <p className="muted">
        {c.image} · {c.id.slice(0, 12)} · --network {c.networkMode}
      </p>
      <Section title={t('inspector.ipAddr')}>
        <Pre text={ipAddrText(records, interfacesOf(records, c.netns))} empty={t('inspector.none')} />
      </Section>
      <Section title={t('inspector.routes')}>
        <Pre text={ns?.kind === 'netns' ? routesText(ns.routes) : ''} empty={t('inspector.none')} />
      </Section>
      <Section title={t('inspector.ports')}>
        <Pre text={portsText(c)} empty={t('inspector.none')} />
      </Section>
      <Section title="/etc/hosts">
        <Pre text={c.hostsFile ?? ''} empty={t('inspector.none')} />
      </Section>
      <Section title="/etc/resolv.conf">
        <Pre text={c.resolvConf ?? ''} empty={t('inspector.none')} />
      </Section>
    </>
  )
}

function BridgeDetails({ records, id }: { records: ReadonlyMap<RecordId, WorldRecord>; id: RecordId }) {
  const t = useT()
  const bridge = records.get(id)
  if (bridge?.kind !== 'interface') return <p className="muted">{t('inspector.gone')}</p>
  const network = [...records.values()].find((r) => r.kind === 'network' && r.bridge === id)
  const ports = bridgePorts(records, id)
  return (
    <>
      <h2>{bridge.name}</h2>
      <Section title={t('inspector.bridgePorts')}>
        <Pre text={ports.map((p) => `${p.port} ↔ ${p.peer}${p.container ? ` (${p.container})` : ''}`).join('\n')} empty={t('inspector.none')} />
      </Section>
      <Section title={t('inspector.fdb')}>
        <Pre text={fdbText(bridge)} empty={t('inspector.none')} />
      </Section>
      {network?.kind === 'network' && (
        <Section title={`docker network inspect ${network.name}`}>
          <Pre text={networkInspectText(records, network)} empty="" />
        </Section>
      )}
    </>
  )
}

function HostDetails({ records }: { records: ReadonlyMap<RecordId, WorldRecord> }) {
  const t = useT()
  const ns = [...records.values()].find((r) => r.kind === 'netns' && r.owner === 'host')
  const host = records.get('host-machine')
  return (
    <>
      <h2>{host?.kind === 'host' ? host.hostname : t('graph.host')}</h2>
      <Section title={t('inspector.ipAddr')}>
        <Pre text={ipAddrText(records, interfacesOf(records, ns?.id))} empty={t('inspector.none')} />
      </Section>
      <Section title={t('inspector.routes')}>
        <Pre text={ns?.kind === 'netns' ? routesText(ns.routes) : ''} empty={t('inspector.none')} />
      </Section>
    </>
  )
}

function VethDetails({ records, id }: { records: ReadonlyMap<RecordId, WorldRecord>; id: RecordId }) {
  const t = useT()
  const inner = records.get(id)
  const outer = inner?.kind === 'interface' && inner.peer !== undefined ? records.get(inner.peer) : undefined
  if (inner?.kind !== 'interface' || outer?.kind !== 'interface') return <p className="muted">{t('inspector.gone')}</p>
  return (
    <>
      <h2>
        {inner.name}@if{outer.ifindex} ↔ {outer.name}@if{inner.ifindex}
      </h2>
      <Section title={t('inspector.vethPair')}>
        <Pre text={ipAddrText(records, [inner, outer])} empty="" />
      </Section>
    </>
  )
}

function Body({ selection }: { selection: Selection }) {
  const records = useStore(store, (s) => s.records)
  switch (selection.kind) {
    case 'container':
      return <ContainerDetails records={records} id={selection.id} />
    case 'bridge':
      return <BridgeDetails records={records} id={selection.id} />
    case 'host':
      return <HostDetails records={records} />
    case 'veth':
      return <VethDetails records={records} id={selection.id} />
    case 'reachability':
      return <ReachabilityMatrix records={records} />
  }
}

export function Inspector() {
  const t = useT()
  const selection = useStore(store, (s) => s.selection)
  useEffect(() => {
    if (!selection) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target instanceof HTMLElement && e.target.closest('.xterm'))) select(undefined)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [selection])
  if (!selection) return null
  return (
    <aside className="inspector" aria-label={t('inspector.label')} data-testid="inspector">
      <div className="inspector-head">
        <span className="node-kind">{t(selection.kind === 'reachability' ? 'reach.title' : 'inspector.label')}</span>
        <button type="button" onClick={() => select(undefined)} aria-label={t('inspector.close')} title={t('inspector.close')}>
          ×
        </button>
      </div>
      <Body selection={selection} />
    </aside>
  )
}
