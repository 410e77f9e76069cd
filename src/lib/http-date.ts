/**
 * Helpers for HTTP text with no domain behaviour: the IMF-fixdate of RFC 9110
 * (`Fri, 20 Aug 2021 08:00:00 GMT`) and the UTF-8 length of a string (what
 * Content-Length counts).
 */
import { civilFromDays } from './civil-time'

const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'] // 1970-01-01 was a Thursday
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number): string => String(n).padStart(2, '0')

/** Proleptic Gregorian date of a day count since 1970-01-01. */
export const civilDate = civilFromDays

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
