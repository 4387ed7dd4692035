import { useTranslation } from 'react-i18next'
import './synthesis.css'
import { confidenceLevel } from '../../../shared/similarity/explainMerge'
import type { SynthesisReason } from '../../../shared/workshopContracts'

/**
 * Why an entry's wordings stand together: the shared idea and a confidence, and whether the
 * facilitator changed it by hand (then the shared idea waits for the next gathering).
 */
export function WhyMerged({ why }: { why: SynthesisReason }) {
  const { t } = useTranslation()
  const level = confidenceLevel(why.confidence)
  return (
    <p className="why-merged">
      {why.sharedIdea.length > 0 && (
        <>
          <span>
            {t('workshop.synthesis.sharedIdea')} <strong>{why.sharedIdea.join(', ')}</strong>
          </span>
          <span className={`confidence confidence-${level}`}>
            {t('workshop.synthesis.confidence', {
              level: t(`workshop.synthesis.level.${level}`),
              percent: Math.round(why.confidence * 100),
            })}
          </span>
        </>
      )}
      {why.byHand && <span>{t('workshop.synthesis.byHand')}</span>}
    </p>
  )
}
