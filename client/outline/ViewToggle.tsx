import { useTranslation } from 'react-i18next'
import './strings'
import './outline.css'

export type BoardView = 'canvas' | 'outline'

/** Two pressed-or-not buttons: the canvas, or the same board as an outline. */
export function ViewToggle({
  view,
  onChange,
}: {
  view: BoardView
  onChange: (view: BoardView) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="view-toggle" role="group" aria-label={t('view.label')}>
      {(['canvas', 'outline'] as const).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={view === option}
          onClick={() => onChange(option)}
        >
          {t(`view.${option}`)}
        </button>
      ))}
    </div>
  )
}
