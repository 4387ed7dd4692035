import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { storeDisplayName, storedDisplayName } from './identity'

/** Asks for a display name once per browser; the board opens when one is given. */
export function NameDialog({ boardTitle, onDone }: { boardTitle: string; onDone: () => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState(storedDisplayName())
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === '') return
    storeDisplayName(name)
    onDone()
  }
  return (
    <main className="page narrow">
      <p className="muted">{boardTitle}</p>
      <h1>{t('name.heading')}</h1>
      <p>{t('name.explain')}</p>
      <form onSubmit={submit} className="card">
        <label htmlFor="display-name">{t('name.label')}</label>
        <input
          id="display-name"
          autoFocus
          required
          maxLength={60}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="primary">
          {t('name.submit')}
        </button>
      </form>
    </main>
  )
}
