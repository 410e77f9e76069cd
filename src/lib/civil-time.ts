/**
 * Civil (proleptic Gregorian) dates from Unix time without `Date`: the engine
 * has no ambient time, and every program that prints a date (date, ls -l,
 * docker, tomcat, nginx, redis, curl) converts its epoch milliseconds here.
 * Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The date of a day count since 1970-01-01 (month 1–12). */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
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

export interface CivilTime {
  readonly y: number
  /** 1–12 */
  readonly m: number
  readonly d: number
  readonly h: number
  readonly mi: number
  readonly s: number
  readonly ms: number
  /** 0 = Sunday (1970-01-01 was a Thursday, 4). */
  readonly weekday: number
  /** Days since 1970-01-01 in that offset. */
  readonly days: number
}

/** Unix ms → civil time at a fixed UTC offset (minutes east; 480 for Asia/Shanghai). */
export function civilTime(epochMs: number, offsetMinutes = 0): CivilTime {
  const local = Math.floor(epochMs) + offsetMinutes * 60_000
  const days = Math.floor(local / 86_400_000)
  const rest = local - days * 86_400_000
  return {
    ...civilFromDays(days),
    h: Math.floor(rest / 3_600_000),
    mi: Math.floor(rest / 60_000) % 60,
    s: Math.floor(rest / 1000) % 60,
    ms: rest % 1000,
    weekday: (((days + 4) % 7) + 7) % 7,
    days,
  }
}
