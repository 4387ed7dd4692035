import { useTranslation } from 'react-i18next'
import { chooseLanguage, type Language } from '../i18n'

/** A labelled select, so it works by keyboard and announces itself to screen readers. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(event) => chooseLanguage(event.target.value as Language)}
      >
        <option value="sv">{t('language.sv')}</option>
        <option value="en">{t('language.en')}</option>
      </select>
    </label>
  )
}
