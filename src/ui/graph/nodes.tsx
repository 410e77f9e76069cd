/** The graph's node components: the host, a bridge, a container. Presentational only. */
import { memo } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { useT } from '../i18n/use-t'
import { ifaceHandleId, type BridgeNode, type ContainerNode, type HostNode, type IfaceView } from './to-flow-graph'

/** The host node must stay above the bridges' row (BRIDGE_Y), so its port list is capped. */
const MAX_PORTS = 4

function Iface({ iface, handle }: { iface: IfaceView; handle?: boolean }) {
  const t = useT()
  return (
    <li className="iface">
      {handle && <Handle type="source" id={ifaceHandleId(iface.id)} position={Position.Left} isConnectable={false} />}
      <div className="iface-name">
        <span>{iface.name}</span>
        <span className={`link-state ${iface.state === 'UP' ? 'up' : 'down'}`}>{iface.state}</span>
      </div>
      <div className="iface-addr">{iface.addresses.length ? iface.addresses.join(', ') : t('graph.noAddress')}</div>
      <div className="iface-mac">{iface.mac}</div>
    </li>
  )
}

export const HostNodeView = memo(function HostNodeView({ data }: NodeProps<HostNode>) {
  const t = useT()
  return (
    <div className="node node-host">
      <div className="node-kind">{t('graph.host')}</div>
      <div className="node-title">{data.hostname}</div>
      <ul className="ifaces">{data.interfaces.map((i) => <Iface key={i.id} iface={i} />)}</ul>
      {data.ports.length > 0 && (
        <div className="ports">
          <div className="node-kind">{t('graph.ports')}</div>
          <ul>
            {data.ports.slice(0, MAX_PORTS).map((p) => (
              <li key={p.text}>
                <code>{p.text}</code> <span className="muted">{p.container}</span>
              </li>
            ))}
            {data.ports.length > MAX_PORTS && <li className="muted">+{data.ports.length - MAX_PORTS}</li>}
          </ul>
        </div>
      )}
      <Handle type="source" id="down" position={Position.Bottom} isConnectable={false} style={{ left: 24 }} />
      <Handle type="target" id="veth" position={Position.Bottom} isConnectable={false} style={{ left: '80%' }} />
    </div>
  )
})

export const BridgeNodeView = memo(function BridgeNodeView({ data }: NodeProps<BridgeNode>) {
  const t = useT()
  if (data.other) {
    return (
      <div className="node node-bridge other">
        <div className="node-title">{t('graph.otherNetworks')}</div>
      </div>
    )
  }
  return (
    <div className="node node-bridge">
      <Handle type="target" id="up" position={Position.Top} isConnectable={false} style={{ left: 24 }} />
      <div className="node-title">
        {data.name} <span className={`link-state ${data.state === 'UP' ? 'up' : 'down'}`}>{data.state}</span>
      </div>
      {data.network && (
        <div className="kv">
          {t('graph.network')}: <b>{data.network}</b>
        </div>
      )}
      {data.subnet && (
        <div className="kv">
          {t('graph.subnet')}: <code>{data.subnet}</code>
        </div>
      )}
      {data.gateway && (
        <div className="kv">
          {t('graph.gateway')}: <code>{data.gateway}</code>
        </div>
      )}
      {!data.subnet && data.addresses.length > 0 && <div className="kv"><code>{data.addresses.join(', ')}</code></div>}
      {/* The bus: veth edges come up the column's left side into this handle. */}
      <Handle type="target" id="down" position={Position.Bottom} isConnectable={false} style={{ left: 24 }} />
    </div>
  )
})

export const ContainerNodeView = memo(function ContainerNodeView({ data }: NodeProps<ContainerNode>) {
  const t = useT()
  const n = data.interfaces.length
  return (
    <div className={`node node-container ${data.state === 'running' ? 'running' : 'stopped'}`} title={data.state === 'running' ? t('graph.clickToOpen') : undefined}>
      <div className="node-title">
        {data.name} <span className={`state state-${data.state}`}>{t(`state.${data.state}`)}</span>
      </div>
      <div className="node-kind">
        {data.image} · {data.containerId.slice(0, 12)}
      </div>
      {n === 0 && data.networkMode !== 'bridge' && <div className="kv">--network {data.networkMode}</div>}
      <ul className="ifaces">{data.interfaces.map((i) => <Iface key={i.id} iface={i} handle />)}</ul>
    </div>
  )
})

export const nodeTypes = { host: HostNodeView, bridge: BridgeNodeView, container: ContainerNodeView }
