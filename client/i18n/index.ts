import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import sv from './sv.json'

export type Language = 'sv' | 'en'

const STORAGE_KEY = 'samskapa.language'

/** Swedish when chosen or when the browser prefers it; English otherwise. */
export function initialLanguage(): Language {
  const chosen = localStorage.getItem(STORAGE_KEY)
  if (chosen === 'sv' || chosen === 'en') return chosen
  const preferred = navigator.languages?.[0] ?? navigator.language ?? ''
  return preferred.toLowerCase().startsWith('sv') ? 'sv' : 'en'
}

export function chooseLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language)
  document.documentElement.lang = language
  void i18next.changeLanguage(language)
}

export function setUpI18n() {
  const language = initialLanguage()
  document.documentElement.lang = language
  return i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  })
}
