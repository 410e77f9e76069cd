/**
 * Wall-clock arithmetic without `Date` (the engine has no ambient time):
 * the daemon keeps timestamps as Unix epoch milliseconds, derived from the
 * virtual clock plus the World's epoch. Civil-date conversion follows Howard
 * Hinnant's `days_from_civil` / `civil_from_days` algorithms.
 */

/** 2021-08-20T08:00:00Z: the tutorial's era (Docker 20.10, August 2021). */
export const DEFAULT_EPOCH_MS = 1629446400000

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

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
