import { useTranslation } from 'react-i18next'

export function NotFoundPage({ badLink = false }: { badLink?: boolean }) {
  const { t } = useTranslation()
  return (
    <main className="page narrow">
      <h1>{t('notFound.heading')}</h1>
      <p>{badLink ? t('notFound.badId') : t('notFound.body')}</p>
      <p>
        <a href="/">{t('board.back')}</a>
      </p>
    </main>
  )
}
