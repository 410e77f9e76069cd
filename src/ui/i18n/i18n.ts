/** A tiny i18n: two languages, `{name}` placeholders, English fallback. No library needed for this. */
import type { Language } from '../../store/store'
import { en, zhCN, type MessageKey, type Messages } from './messages'

export const LANGUAGES: readonly { readonly id: Language; readonly label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'zh-CN', label: '中文' },
]

const tables: Record<Language, Messages> = { en, 'zh-CN': zhCN }

/** Picks the UI language from the browser's preferences (navigator.languages); any Chinese → zh-CN. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}

export function translate(language: Language, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = tables[language]?.[key] ?? en[key] ?? key
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
