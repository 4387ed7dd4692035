import { useTranslation } from 'react-i18next'
import '../i18n'

/** A link whose token is wrong or was replaced by the facilitator. */
export function LinkProblem() {
  const { t } = useTranslation()
  return (
    <main className="page narrow">
      <h1>{t('workshop.problem.unauthorized.heading')}</h1>
      <p>{t('workshop.problem.unauthorized.body')}</p>
      <p>
        <a href="/">{t('board.back')}</a>
      </p>
    </main>
  )
}
