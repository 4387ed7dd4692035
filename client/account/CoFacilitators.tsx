import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Facilitator } from '../../shared/accountContracts'
import { ApiRequestError } from '../common/api'
import { accountApi } from './accountApi'
import './strings'

/** The facilitator's panel for adding and removing co-facilitators (with sign-in only). */
export function CoFacilitators({
  workshopId,
  token,
}: {
  workshopId: string
  token: string | null
}) {
  const { t } = useTranslation()
  const [list, setList] = useState<Facilitator[]>([])
  const [person, setPerson] = useState('')
  const [status, setStatus] = useState<string>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    accountApi.facilitators(workshopId, token).then(setList, () => undefined)
  }, [workshopId, token])

  const explain = (e: unknown) => {
    if (e instanceof ApiRequestError && e.status === 404) return t('account.coNotFound')
    if (e instanceof ApiRequestError && e.status === 409) return t('account.coAmbiguous')
    return t('account.coFailed', { message: (e as Error).message })
  }

  const add = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    setStatus(undefined)
    try {
      const updated = await accountApi.addFacilitator(workshopId, token, person.trim())
      const added = updated.find((f) => !list.some((old) => old.accountId === f.accountId))
      setList(updated)
      setPerson('')
      if (added) setStatus(t('account.coAdded', { name: added.name }))
    } catch (e) {
      setError(explain(e))
    }
  }

  const remove = async (facilitator: Facilitator) => {
    setError(undefined)
    try {
      await accountApi.removeFacilitator(workshopId, token, facilitator.accountId)
      setList((old) => old.filter((f) => f.accountId !== facilitator.accountId))
    } catch (e) {
      setError(explain(e))
    }
  }

  return (
    <section aria-labelledby="co-heading" className="card co-facilitators">
      <h2 id="co-heading">{t('account.coHeading')}</h2>
      <p className="muted">{t('account.coIntro')}</p>
      {list.length > 0 && (
        <ul>
          {list.map((f) => (
            <li key={f.accountId}>
              {f.name}
              {f.email ? ` (${f.email})` : ''}
              {f.relation === 'owner' ? (
                <span className="muted"> – {t('account.coOwner')}</span>
              ) : (
                <button type="button" className="small quiet" onClick={() => remove(f)}>
                  {t('account.coRemove', { name: f.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="row">
        <label htmlFor="co-person">{t('account.coPerson')}</label>
        <input
          id="co-person"
          value={person}
          required
          maxLength={320}
          autoComplete="off"
          onChange={(event) => setPerson(event.target.value)}
        />
        <button type="submit">{t('account.coAdd')}</button>
      </form>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  )
}
