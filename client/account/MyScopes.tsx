import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MyScope } from '../../shared/accountContracts'
import { WorkshopLinks } from '../workshop/WorkshopLinks'
import { accountApi } from './accountApi'
import './strings'

/** **Mina workshoppar och tavlor**: what the signed-in person created or co-facilitates. */
export function MyScopes() {
  const { t } = useTranslation()
  const [scopes, setScopes] = useState<MyScope[]>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    accountApi.myScopes().then(setScopes, (e: Error) => setError(e.message))
  }, [])

  return (
    <section aria-labelledby="mine-heading" className="card my-scopes">
      <h2 id="mine-heading">{t('account.mineHeading')}</h2>
      {error && (
        <p role="alert" className="error">
          {t('account.mineFailed', { message: error })}
        </p>
      )}
      {scopes?.length === 0 && <p className="muted">{t('account.mineEmpty')}</p>}
      {scopes && scopes.length > 0 && (
        <ul className="my-scope-list">
          {scopes.map((scope) => (
            <li key={scope.id}>
              <div className="my-scope-head">
                {scope.links ? (
                  <a href={scope.links.facilitator}>{scope.title}</a>
                ) : (
                  <span>{scope.title}</span>
                )}
                <span className="muted">
                  {t(`account.kind.${scope.kind}`)} · {t(`account.relation.${scope.relation}`)} ·{' '}
                  {new Date(scope.createdAt).toLocaleDateString()}
                </span>
              </div>
              {scope.links ? (
                <details>
                  <summary>{t('account.showLinks', { title: scope.title })}</summary>
                  <WorkshopLinks links={scope.links} />
                </details>
              ) : (
                <p className="muted">{t('account.noLinks')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
