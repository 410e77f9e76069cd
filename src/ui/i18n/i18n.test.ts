import { describe, expect, it } from 'vitest'
import { pickLanguage, translate } from './i18n'
import { en, zhCN } from './messages'

describe('i18n', () => {
  it('picks Chinese for any zh tag and English otherwise', () => {
    expect(pickLanguage(['zh-CN'])).toBe('zh-CN')
    expect(pickLanguage(['zh-TW', 'en'])).toBe('zh-CN')
    expect(pickLanguage(['fr-FR', 'en-GB'])).toBe('en')
    expect(pickLanguage(['de'])).toBe('en')
    expect(pickLanguage([])).toBe('en')
  })

  it('translates, fills placeholders, and falls back to English for a missing key', () => {
    expect(translate('zh-CN', 'tabs.host')).toBe('宿主机')
    expect(translate('en', 'tabs.open', { name: 'tomcat01' })).toBe('Open a shell in tomcat01')
    const missing = (Object.keys(en) as (keyof typeof en)[]).find((k) => zhCN[k] === undefined)
    // Every key is translated today; simulate a gap to check the fallback path.
    const key = missing ?? 'app.title'
    const saved = zhCN[key]
    delete (zhCN as Record<string, string>)[key]
    try {
      expect(translate('zh-CN', key)).toBe(en[key])
    } finally {
      if (saved !== undefined) (zhCN as Record<string, string>)[key] = saved
    }
  })

  it('has every Chinese key in English (the reference)', () => {
    for (const key of Object.keys(zhCN)) expect(en).toHaveProperty(key)
  })
})
