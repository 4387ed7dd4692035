import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { storeDisplayName, storedDisplayName } from '../../board/identity'
import type { WorkshopInfo } from '../../../shared/workshopContracts'
import { problemMessage } from '../problemMessage'
import type { WorkshopApi } from '../workshopApi'
import { WorkshopHeader } from '../WorkshopHeader'
import { storeMunicipality, storedMunicipality } from './membership'

/** Name and municipality, remembered in this browser; the municipality mixes the groups. */
export function JoinForm(props: {
  info: WorkshopInfo
  api: WorkshopApi
  onJoined(key: string): void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(storedDisplayName)
  const [municipality, setMunicipality] = useState(storedMunicipality)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const join = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return
    setBusy(true)
    setError(undefined)
    try {
      const joined = await props.api.join({
        name: name.trim(),
        municipality: municipality.trim() || undefined,
      })
      storeDisplayName(name)
      storeMunicipality(municipality)
      props.onJoined(joined.participantKey)
    } catch (e) {
      setError(problemMessage(t, e))
      setBusy(false)
    }
  }

  return (
    <div className="page workshop-narrow">
      <WorkshopHeader info={props.info} subtitle={t('workshop.participantView')} />
      <main>
        <h2>{t('workshop.join.heading')}</h2>
        <p>{t('workshop.join.explain')}</p>
        <form onSubmit={join} className="card">
          <label htmlFor="join-name">{t('workshop.join.name')}</label>
          <input
            id="join-name"
            autoFocus
            required
            maxLength={60}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <label htmlFor="join-municipality">{t('workshop.join.municipality')}</label>
          <input
            id="join-municipality"
            maxLength={80}
            autoComplete="organization"
            aria-describedby="join-municipality-hint"
            value={municipality}
            onChange={(event) => setMunicipality(event.target.value)}
          />
          <p id="join-municipality-hint" className="hint">
            {t('workshop.join.municipalityHint')}
          </p>
          <button type="submit" className="primary" disabled={busy}>
            {t('workshop.join.submit')}
          </button>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <p className="hint">{t('workshop.join.privacy')}</p>
        </form>
      </main>
    </div>
  )
}
