import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonalDataWarning } from '../../shared/publishContracts'
import './strings'

interface Props {
  warnings: PersonalDataWarning[]
  edits: Record<string, string>
  onEdit: (edits: Record<string, string>) => void
}

/** Each note that looks like personal data, with a field to change its text in the copy. */
export function PersonalDataWarnings({ warnings, edits, onEdit }: Props) {
  const { t } = useTranslation()
  const id = useId()
  if (warnings.length === 0) return null
  return (
    <section className="publish-warnings" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        <span aria-hidden="true">⚠ </span>
        {t('outcome.warningsHeading')} ({warnings.length})
      </h3>
      <p>{t('outcome.warningsIntro')}</p>
      <ul>
        {warnings.map((warning) => {
          const kinds = warning.kinds.map((kind) => t(`outcome.kinds.${kind}`)).join(', ')
          const fieldId = `${id}-${warning.factorId}`
          return (
            <li key={warning.factorId}>
              <p>{t('outcome.warningFor', { group: warning.group, kinds })}</p>
              <label htmlFor={fieldId}>{t('outcome.editLabel', { group: warning.group })}</label>
              <textarea
                id={fieldId}
                rows={2}
                maxLength={5000}
                value={edits[warning.factorId] ?? warning.text}
                onChange={(event) => onEdit({ ...edits, [warning.factorId]: event.target.value })}
              />
            </li>
          )
        })}
      </ul>
    </section>
  )
}
