/**
 * The simulation's wall clock: virtual time 0 is the moment the tutorial
 * was written, 2021-08-25 10:53:00 in the host's time zone (UTC+08:00).
 * Programs that print times of day (tcpdump, date) add virtual ms to it.
 */
export const EPOCH_BASE_MS = 1_629_859_980_000
export const UTC_OFFSET_MINUTES = 480

/** `10:53:17.551563`: local time of day with microseconds, as tcpdump prints it. */
export function timeOfDayMicros(virtualMs: number, epochMs = EPOCH_BASE_MS, offsetMinutes = UTC_OFFSET_MINUTES): string {
  const micros = Math.floor((epochMs + offsetMinutes * 60_000 + virtualMs) * 1000)
  const dayMicros = ((micros % 86_400_000_000) + 86_400_000_000) % 86_400_000_000
  const s = Math.floor(dayMicros / 1_000_000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}.${String(dayMicros % 1_000_000).padStart(6, '0')}`
}
