/**
 * When each packet hop is drawn. Pure, so it is unit tested.
 *
 * The engine's hops are microseconds apart in virtual time; drawn at that
 * pace nothing would be visible. So each hop gets a fixed slot of animation
 * time and the hops are chained by cause, not by clock:
 *   - a hop of a frame starts when the hop that brought the frame to its
 *     `from` interface ends (flooded copies of one frame run side by side);
 *   - the first hop of a new frame starts when the latest frame to arrive in
 *     the namespace it leaves from ends (the ARP reply follows the request,
 *     the echo request follows the ARP reply), if that arrival was recent;
 *   - anything else starts now.
 * Busy traffic: hops more than `maxLag` behind are skipped (counted), and
 * `aggregate` merges hops on the same segment that start close together
 * into one token with a count, so 50 pings draw a handful of dots.
 */
import type { PacketHop } from '../protocol/trace'

export interface ScheduledHop {
  readonly hop: PacketHop
  /** Animation-clock ms. */
  readonly start: number
  readonly end: number
}

export interface ScheduleState {
  /** Recent scheduled hops, newest last (what later hops may chain on). */
  readonly recent: readonly ScheduledHop[]
  /** Hops skipped because the animation fell too far behind. */
  readonly skipped: number
}

export const EMPTY_SCHEDULE: ScheduleState = { recent: [], skipped: 0 }

export interface ScheduleOptions {
  /** Animation time one hop takes. */
  readonly hopMs: number
  /** A new frame chains on an arrival in its namespace at most this many virtual ms earlier. */
  readonly causalWindow?: number
  /** Hops that would start later than now + maxLag are skipped. */
  readonly maxLag?: number
  /** How many scheduled hops are kept to chain on. */
  readonly keep?: number
}

/** `netns:abc/5` → `netns:abc`. */
export const netnsOf = (iface: string): string => iface.slice(0, iface.lastIndexOf('/'))

export function schedule(prev: ScheduleState, hops: readonly PacketHop[], now: number, options: ScheduleOptions): { state: ScheduleState; items: ScheduledHop[] } {
  const { hopMs } = options
  const causalWindow = options.causalWindow ?? 5
  const maxLag = options.maxLag ?? 4000
  const keep = options.keep ?? 400
  const recent = [...prev.recent]
  const items: ScheduledHop[] = []
  let skipped = prev.skipped
  for (const hop of [...hops].sort((a, b) => a.seq - b.seq)) {
    let start = now
    let parent: ScheduledHop | undefined
    let sameNs: ScheduledHop | undefined
    for (let i = recent.length - 1; i >= 0; i--) {
      const r = recent[i]!
      if (r.hop.packet === hop.packet) {
        // The hop that delivered this frame where it now leaves from; else the frame's latest hop.
        if (r.hop.to.iface === hop.from.iface) {
          parent = r
          break
        }
        parent ??= r
      } else if (!sameNs && netnsOf(r.hop.to.iface) === netnsOf(hop.from.iface) && hop.at - r.hop.at <= causalWindow) {
        sameNs = r
      }
      if (hop.at - r.hop.at > causalWindow && parent) break
    }
    const cause = parent ?? sameNs
    if (cause) start = Math.max(now, cause.end)
    if (start > now + maxLag) {
      skipped++
      continue
    }
    const item = { hop, start, end: start + hopMs }
    items.push(item)
    recent.push(item)
  }
  return { state: { recent: recent.slice(-keep), skipped }, items }
}

export interface Token {
  /** `from iface → to iface`. */
  readonly segment: string
  readonly from: string
  readonly to: string
  readonly start: number
  readonly end: number
  readonly protocol: PacketHop['protocol']
  /** How many hops this token stands for. */
  readonly count: number
  readonly hops: readonly PacketHop[]
  readonly drop?: string
}

/** Merges hops on one segment (and protocol) whose start times are within `windowMs` of the token's first. */
export function aggregate(items: readonly ScheduledHop[], windowMs: number): Token[] {
  const open = new Map<string, { from: string; to: string; start: number; end: number; protocol: PacketHop['protocol']; hops: PacketHop[]; drop?: string }>()
  const out: Token[] = []
  const close = (key: string) => {
    const t = open.get(key)
    if (!t) return
    open.delete(key)
    out.push({ segment: `${t.from} → ${t.to}`, from: t.from, to: t.to, start: t.start, end: t.end, protocol: t.protocol, count: t.hops.length, hops: t.hops, ...(t.drop ? { drop: t.drop } : {}) })
  }
  for (const item of [...items].sort((a, b) => a.start - b.start || a.hop.seq - b.hop.seq)) {
    const { hop } = item
    // A drop is never merged: it names its own rule.
    const key = `${hop.from.iface}|${hop.to.iface}|${hop.protocol}${hop.drop ? `|drop${hop.seq}` : ''}`
    const t = open.get(key)
    if (t && item.start - t.start <= windowMs) {
      t.hops.push(hop)
      t.end = Math.max(t.end, item.end)
      continue
    }
    close(key)
    open.set(key, { from: hop.from.iface, to: hop.to.iface, start: item.start, end: item.end, protocol: hop.protocol, hops: [hop], ...(hop.drop ? { drop: hop.drop } : {}) })
  }
  for (const key of [...open.keys()]) close(key)
  return out.sort((a, b) => a.start - b.start)
}
