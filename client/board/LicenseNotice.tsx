import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * tldraw hides its canvas when it runs in production without a valid license key, leaving
 * its marker element in place of the editor. We watch for that marker and explain what
 * happened and what the operator can do, instead of leaving a blank page.
 */
export function LicenseNotice() {
  const { t } = useTranslation()
  const [hidden, setHidden] = useState(false)

  useEffect(() => {
    const check = () =>
      setHidden(document.querySelector('[data-testid="tl-license-expired"]') !== null)
    const observer = new MutationObserver(check)
    observer.observe(document.body, { childList: true, subtree: true })
    check()
    return () => observer.disconnect()
  }, [])

  if (!hidden) return null
  return (
    <section className="license-notice" role="alert" aria-labelledby="license-heading">
      <h2 id="license-heading">{t('license.heading')}</h2>
      <p>{t('license.body')}</p>
      <p>{t('license.action')}</p>
    </section>
  )
}
