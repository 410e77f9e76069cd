/**
 * Wall-clock arithmetic without `Date` (the engine has no ambient time):
 * the daemon keeps timestamps as Unix epoch milliseconds, derived from the
 * virtual clock plus the World's epoch. Civil-date conversion follows Howard
 * Hinnant's `days_from_civil` / `civil_from_days` algorithms.
 */

/** 2021-08-20T08:00:00Z: the tutorial's era (Docker 20.10, August 2021). */
export const DEFAULT_EPOCH_MS = 1629446400000

export { civilFromDays, daysFromCivil } from '../../lib/civil-time'
import { civilFromDays, daysFromCivil } from '../../lib/civil-time'

/** Parses `YYYY-MM-DDTHH:MM:SS[.fff…]Z` (UTC only) into epoch ms. */
export function parseUtc(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/.exec(text)
  if (!m) throw new Error(`bad UTC timestamp: ${text}`)
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]))
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0
  return days * 86400000 + Number(m[4]) * 3600000 + Number(m[5]) * 60000 + Number(m[6]) * 1000 + Math.floor(frac)
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/**
 * Go's time.RFC3339Nano: fractional seconds with trailing zeros removed.
 * `nanos` (0–999999) adds the sub-millisecond digits a real daemon shows.
 */
export function formatRfc3339Nano(ms: number, nanos = 0): string {
  const days = Math.floor(ms / 86400000)
  const rest = ms - days * 86400000
  const { y, m, d } = civilFromDays(days)
  const h = Math.floor(rest / 3600000)
  const mi = Math.floor((rest % 3600000) / 60000)
  const s = Math.floor((rest % 60000) / 1000)
  const frac = (pad(rest % 1000, 3) + pad(nanos, 6)).replace(/0+$/, '')
  return `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${frac ? '.' + frac : ''}Z`
}
