import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { problemMessage } from '../problemMessage'
import type { WorkshopApi } from '../workshopApi'

/** A message shown as a banner on every board of the workshop; sending nothing clears it. */
export function MessageForm({ api }: { api: WorkshopApi }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [status, setStatus] = useState('')

  const send = async (message: string) => {
    setStatus('')
    try {
      await api.message(message)
      setStatus(message ? t('workshop.message.sent') : t('workshop.message.cleared'))
      if (!message) setText('')
    } catch (e) {
      setStatus(t('workshop.failed', { message: problemMessage(t, e) }))
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim()) void send(text.trim())
  }

  return (
    <form onSubmit={submit} className="message-form">
      <label htmlFor="workshop-message">{t('workshop.message.label')}</label>
      <p id="workshop-message-hint" className="hint">
        {t('workshop.message.hint')}
      </p>
      <div className="link-row">
        <input
          id="workshop-message"
          value={text}
          maxLength={280}
          aria-describedby="workshop-message-hint"
          placeholder={t('workshop.message.placeholder')}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="primary">
          {t('workshop.message.send')}
        </button>
        <button type="button" onClick={() => void send('')}>
          {t('workshop.message.clear')}
        </button>
      </div>
      <p role="status" className="status-line">
        {status}
      </p>
    </form>
  )
}
