import { describe, expect, it } from 'vitest'
import { civilFromDays, civilTime, daysFromCivil } from './civil-time'

describe('civil time', () => {
  it('round-trips day counts through dates, leap days included', () => {
    for (const days of [-719468, -1, 0, 59, 18_864, 19_000, 2_932_896]) {
      const { y, m, d } = civilFromDays(days)
      expect(daysFromCivil(y, m, d)).toBe(days)
    }
    expect(civilFromDays(0)).toEqual({ y: 1970, m: 1, d: 1 })
    expect(civilFromDays(daysFromCivil(2020, 2, 29))).toEqual({ y: 2020, m: 2, d: 29 })
  })

  it('gives the tutorial moment in UTC and in Asia/Shanghai', () => {
    const ms = 1_629_859_980_000 // 2021-08-25 10:53:00 +08:00
    expect(civilTime(ms)).toMatchObject({ y: 2021, m: 8, d: 25, h: 2, mi: 53, s: 0, weekday: 3 })
    expect(civilTime(ms + 123, 480)).toMatchObject({ y: 2021, m: 8, d: 25, h: 10, mi: 53, ms: 123, weekday: 3 })
    expect(civilTime(-1)).toMatchObject({ y: 1969, m: 12, d: 31, h: 23, mi: 59, s: 59, ms: 999, weekday: 3 })
  })
})
