// vue-i18n set-up: Chinese first, English on request, the choice kept in localStorage. The messages
// are the app's own (zh-CN.ts, en.ts) and each module's (modules/<module>/messages.<lang>.ts),
// merged here at start: a module adds its pair to MODULE_MESSAGES.
import { createI18n } from 'vue-i18n'
import { setRequestLanguage } from '@/api/client'
import zhCore from './zh-CN'
import enCore from './en'
import { mergeMessages } from './merge'
import inboxZh from '@/modules/inbox/messages.zh-CN'
import inboxEn from '@/modules/inbox/messages.en'

export type AppLocale = 'zh-CN' | 'en'
export const LOCALES: readonly AppLocale[] = ['zh-CN', 'en']
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'anlan.locale'

/** Each module's messages: the Chinese file defines the keys, the English one has the same type. */
export const MODULE_MESSAGES = {
  inbox: { 'zh-CN': inboxZh, en: inboxEn },
} as const

const zhCN = mergeMessages(zhCore, MODULE_MESSAGES.inbox['zh-CN'])
export type MessageSchema = typeof zhCN
const en: MessageSchema = mergeMessages(enCore, MODULE_MESSAGES.inbox.en)

export const messages: Record<AppLocale, MessageSchema> = { 'zh-CN': zhCN, en }

export function isLocale(v: unknown): v is AppLocale {
  return v === 'zh-CN' || v === 'en'
}

export function storedLocale(): AppLocale {
  try {
    const v = localStorage.getItem(LOCALE_STORAGE_KEY)
    if (isLocale(v)) return v
  } catch {
    // Storage may be off (private mode): fall back to Chinese.
  }
  return DEFAULT_LOCALE
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
})

setRequestLanguage(i18n.global.locale.value)

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

/** Switches the language, remembers it across reloads, and updates <html lang> and the title. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  setRequestLanguage(locale)
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Not remembered; still switched for this page.
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN'
  }
}

/** Picks the name in the current language from a record with name and name_en. */
export function localName(
  item: { name: string; name_en?: string | null } | null | undefined,
  locale: AppLocale = currentLocale(),
): string {
  if (!item) return ''
  return locale === 'en' && item.name_en ? item.name_en : item.name
}
