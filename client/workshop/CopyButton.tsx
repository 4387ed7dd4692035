import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Copies a text and says so in words; `what` names the text for screen readers. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await navigator.clipboard?.writeText(text).catch(() => undefined)
    setCopied(true)
    setTimeout(() => setCopied(false), 2500)
  }
  return (
    <button type="button" className="small" onClick={() => void copy()}>
      <span aria-live="polite">{copied ? t('workshop.copied') : t('workshop.copy')}</span>
      <span className="visually-hidden">{what}</span>
    </button>
  )
}
