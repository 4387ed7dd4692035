import { useTranslation } from 'react-i18next'
import './strings'
import './outline.css'

/** The canvas, the same board as an outline, or (on phones) a form to write one's own notes. */
export type BoardView = 'write' | 'canvas' | 'outline'

/** Pressed-or-not buttons, one per view the board offers. */
export function ViewToggle({
  view,
  views,
  onChange,
}: {
  view: BoardView
  views: readonly BoardView[]
  onChange: (view: BoardView) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="view-toggle" role="group" aria-label={t('view.label')}>
      {views.map((option) => (
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
