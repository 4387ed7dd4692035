import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { computeOutcome, type Factor } from '../../shared/factors'
import type { VersionDetail } from '../../shared/versionContracts'
import { polarityWordFor } from '../outline/polarityWords'

/**
 * A version read only, as the outline shows a board: clusters with their notes, each note's
 * polarity in words (not only colour), so a screen reader hears what the version holds.
 */
export function VersionPreview({ version }: { version: VersionDetail }) {
  const { t, i18n } = useTranslation()
  const outcome = useMemo(() => computeOutcome(version.records), [version])
  const sections = [
    ...outcome.clusters.map((cluster) => ({
      id: cluster.id,
      name: cluster.name,
      factors: [...cluster.hindering, ...cluster.enabling, ...cluster.undecided],
    })),
    { id: 'unsorted', name: t('versions.unsorted'), factors: outcome.unsorted },
  ].filter((section) => section.factors.length > 0)

  if (sections.length === 0) return <p className="muted">{t('versions.previewEmpty')}</p>
  return (
    <div className="version-preview" data-testid="version-preview">
      {sections.map((section) => (
        <section key={section.id} aria-label={section.name}>
          <h4>
            {section.name}{' '}
            <span className="muted">
              ({t('versions.noteCount', { count: section.factors.length })})
            </span>
          </h4>
          <ul>
            {section.factors.map((factor: Factor) => (
              <li key={factor.id} className={`polarity-${factor.polarity}`}>
                <span className="version-polarity">
                  {polarityWordFor(i18n.language, factor.polarity)}:
                </span>{' '}
                {factor.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
