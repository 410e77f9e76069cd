/**
 * The Linux bridge's forwarding path (net/bridge/br_input.c, br_forward.c):
 * learn the source MAC on the ingress port, deliver frames for the bridge's
 * own addresses up its stack, forward known unicast to one port, flood
 * broadcast and unknown unicast to every other forwarding port. STP is off
 * (Docker's bridges), so a port forwards as soon as it has carrier.
 */
import type { MacAddress } from '../../../lib/mac'
import type { NetCore } from './core'
import type { EthernetFrame } from './frames'
import { bridgePorts, hasCarrier } from './links'
import type { BridgeLink, FdbEntry, Link } from './types'

/** br->ageing_time: learned entries expire after 300 s (bridge-utils `setageing`). */
export const FDB_AGEING_MS = 300_000

/** Multicast/broadcast: the I/G bit of the first octet. */
function isGroup(mac: MacAddress): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 1) === 1
}

/** Local (permanent) entries: the bridge's own MAC and each port's MAC (br_fdb_insert of `is_local`). */
function localPort(bridge: BridgeLink, mac: MacAddress): Link | undefined {
  if (bridge.mac === mac) return bridge
  return bridgePorts(bridge).find((p) => p.mac === mac)
}

function learn(core: NetCore, bridge: BridgeLink, src: MacAddress, port: Link): void {
  if (isGroup(src) || localPort(bridge, src)) return
  bridge.fdb.set(src, { port: port.ifindex, updated: core.clock.now() })
}

/** The port a learned entry points to, if it is still fresh and still a port. */
function lookup(core: NetCore, bridge: BridgeLink, dst: MacAddress): Link | undefined {
  const entry = bridge.fdb.get(dst)
  if (!entry) return undefined
  if (core.clock.now() - entry.updated > FDB_AGEING_MS) {
    bridge.fdb.delete(dst)
    return undefined
  }
  const port = bridge.ns.link(entry.port)
  return port && port.master === bridge.ifindex ? port : undefined
}

function forward(core: NetCore, from: Link, to: Link, frame: EthernetFrame): void {
  if (!hasCarrier(to)) return
  core.hop(from, to, frame, 'bridge', () => core.transmit(to, frame))
}

function flood(core: NetCore, bridge: BridgeLink, from: Link, frame: EthernetFrame): void {
  for (const port of bridgePorts(bridge)) if (port !== from) forward(core, from, port, frame)
}

function passUp(core: NetCore, bridge: BridgeLink, from: Link, frame: EthernetFrame): void {
  core.hop(from, bridge, frame, 'bridge', () => {
    core.count(bridge, 'rx', 0)
    core.deliverUp(bridge, { ...frame, dst: isGroup(frame.dst) ? frame.dst : bridge.mac })
  })
}

/** br_handle_frame: a frame arrived on `port`. */
export function bridgeInput(core: NetCore, bridge: BridgeLink, port: Link, frame: EthernetFrame): void {
  if (!hasCarrier(port) || !bridge.adminUp) return
  learn(core, bridge, frame.src, port)
  if (isGroup(frame.dst)) {
    flood(core, bridge, port, frame)
    passUp(core, bridge, port, frame)
    return
  }
  if (localPort(bridge, frame.dst)) {
    passUp(core, bridge, port, frame)
    return
  }
  const out = lookup(core, bridge, frame.dst)
  if (out === port) return // the destination is behind the port it came from
  if (out) forward(core, port, out, frame)
  else flood(core, bridge, port, frame)
}

/** br_dev_xmit: the host's stack sends through the bridge device. */
export function bridgeXmit(core: NetCore, bridge: BridgeLink, frame: EthernetFrame): void {
  const out = isGroup(frame.dst) ? undefined : lookup(core, bridge, frame.dst)
  if (out) forward(core, bridge, out, frame)
  else flood(core, bridge, bridge, frame)
}

/** `bridge fdb show br X`, without the multicast `self permanent` entries. */
export function fdbEntries(core: NetCore, bridge: BridgeLink): FdbEntry[] {
  const out: FdbEntry[] = [{ mac: bridge.mac, port: bridge.ifindex, permanent: true, updated: 0 }]
  for (const port of bridgePorts(bridge)) {
    for (const [mac, e] of bridge.fdb) {
      if (e.port === port.ifindex && core.clock.now() - e.updated <= FDB_AGEING_MS) out.push({ mac, port: e.port, permanent: false, updated: e.updated })
    }
    out.push({ mac: port.mac, port: port.ifindex, permanent: true, updated: 0 })
  }
  return out
}
