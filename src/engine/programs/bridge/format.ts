/** `bridge` output lines exactly as iproute2 6.1 prints them (each ends in a space where it does). */
import type { FdbRow, PortRow } from './run'

export const BRIDGE_VERSION = 'bridge utility, 6.1.0\n'

/** `5: vethcc44d31@if4: <…> mtu 1500 master docker0 state forwarding priority 32 cost 2 ` (veth cost 2: 10 Gb/s). */
export function formatPort(p: PortRow): string {
  const peer = p.peerIndex !== undefined ? `@if${p.peerIndex}` : ''
  return `${p.link.ifindex}: ${p.link.name}${peer}: <${p.flags.join(',')}> mtu ${p.link.mtu} master ${p.master.name} state ${p.state} priority 32 cost 2 \n`
}

export function formatFdb(r: FdbRow): string {
  return `${r.mac} dev ${r.dev} ${r.self ? 'self ' : `master ${r.master} `}${r.permanent ? 'permanent' : ''}\n`
}
