import { useCallback } from 'react'
import { useStore } from 'zustand'
import { store } from '../../store/store'
import { translate } from './i18n'
import type { MessageKey } from './messages'

export type T = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string

/** The translate function for the current language; re-renders when the language changes. */
export function useT(): T {
  const language = useStore(store, (s) => s.language)
  return useCallback<T>((key, params) => translate(language, key, params), [language])
}
