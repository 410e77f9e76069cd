/**
 * Helpers for HTTP text with no domain behaviour: the IMF-fixdate of RFC 9110
 * (`Fri, 20 Aug 2021 08:00:00 GMT`) and the UTF-8 length of a string (what
 * Content-Length counts).
 */
const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'] // 1970-01-01 was a Thursday
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number): string => String(n).padStart(2, '0')

/** Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
export function civilDate(days: number): { y: number; m: number; d: number } {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

/** `Fri, 20 Aug 2021 08:00:00 GMT` for a Unix time in ms. */
export function httpDate(epochMs: number): string {
  const ms = Math.floor(epochMs)
  const days = Math.floor(ms / 86400000)
  const rest = ms - days * 86400000
  const { y, m, d } = civilDate(days)
  const time = `${pad(Math.floor(rest / 3600000))}:${pad(Math.floor((rest % 3600000) / 60000))}:${pad(Math.floor((rest % 60000) / 1000))}`
  return `${DAYS[((days % 7) + 7) % 7]}, ${pad(d)} ${MONTHS[m - 1]} ${y} ${time} GMT`
}

/** nginx's log time: `20/Aug/2021:08:00:00 +0000` (and `2021/08/20 08:00:00` for its error log). */
export function nginxTimes(epochMs: number): { access: string; error: string } {
  const ms = Math.floor(epochMs)
  const days = Math.floor(ms / 86400000)
  const rest = ms - days * 86400000
  const { y, m, d } = civilDate(days)
  const time = `${pad(Math.floor(rest / 3600000))}:${pad(Math.floor((rest % 3600000) / 60000))}:${pad(Math.floor((rest % 60000) / 1000))}`
  return { access: `${pad(d)}/${MONTHS[m - 1]}/${y}:${time} +0000`, error: `${y}/${pad(m)}/${pad(d)} ${time}` }
}

/** Bytes of `text` in UTF-8. */
export function utf8Length(text: string): number {
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}
