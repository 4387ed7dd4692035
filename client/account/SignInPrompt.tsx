import { useTranslation } from 'react-i18next'
import { accountApi } from './accountApi'
import './strings'

/** In place of the create forms while sign-in is needed and nobody is signed in. */
export function SignInPrompt() {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="sign-in-heading" className="card sign-in-prompt">
      <h2 id="sign-in-heading">{t('account.promptHeading')}</h2>
      <p>{t('account.promptText')}</p>
      <a className="button primary" href={accountApi.signInUrl('/')}>
        {t('account.signIn')}
      </a>
    </section>
  )
}
