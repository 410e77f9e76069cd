/**
 * The netfilter seam (iptables(8)): each hook walks the namespace's rules in
 * order; the first ACCEPT or DROP decides, `{ rewrite }` changes the packet
 * and goes on, and a walk that ends decides ACCEPT (policy ACCEPT). Docker's
 * DOCKER-ISOLATION chains and DNAT plug in here later.
 */
import type { Ipv4Packet } from './frames'
import type { Link, NetfilterHook } from './types'
import type { Netns } from './namespace'

/** The packet to go on with, or undefined when a rule dropped it. */
export function runHook(ns: Netns, hook: NetfilterHook, packet: Ipv4Packet, devs: { inDev?: Link; outDev?: Link } = {}): Ipv4Packet | undefined {
  let current = packet
  for (const rule of ns.netfilter) {
    if (rule.hook !== hook) continue
    const verdict = rule.evaluate(current, { hook, ns, ...devs })
    if (verdict === 'ACCEPT') return current
    if (verdict === 'DROP') return undefined
    if (verdict !== 'CONTINUE') current = verdict.rewrite
  }
  return current
}
