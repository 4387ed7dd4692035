import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../shared/accountContracts'
import { accountApi } from './accountApi'
import './strings'

/** Logga in, or who is signed in and Logga ut; nothing when sign-in is not set up. */
export function AccountBar({ session }: { session: SessionInfo | undefined }) {
  const { t } = useTranslation()
  if (!session?.signInEnabled) return null
  if (!session.user) {
    return (
      <a className="button primary account-sign-in" href={accountApi.signInUrl(location.pathname)}>
        {t('account.signIn')}
      </a>
    )
  }
  const signOut = async () => {
    await accountApi.signOut().catch(() => undefined)
    location.reload()
  }
  return (
    <div className="account-bar">
      <span>{t('account.signedInAs', { name: session.user.name })}</span>
      <button type="button" className="small" onClick={signOut}>
        {t('account.signOut')}
      </button>
    </div>
  )
}
