import { useTranslation } from 'react-i18next'
import { useEditor, useValue, type TLFrameShape } from 'tldraw'
import { polarityIcon } from '../../../shared/factors/polarity'
import { isFactorRecord } from '../../../shared/factors/readFactor'
import { asRecordJson, factorOf } from '../factors/records'

/** Narrower than this on screen, the counts drop their words (the label keeps them). */
const WORDS_MIN_WIDTH = 480

/**
 * A cluster's live counts, in the frame's header above its name, at the right: icons and words,
 * never colour alone. Sized like tldraw's frame heading, so it reads at any zoom.
 */
export function ClusterCounts({ frame }: { frame: TLFrameShape }) {
  const editor = useEditor()
  const { t } = useTranslation()
  const counts = useValue(
    'cluster counts',
    () => {
      const result = { hindering: 0, enabling: 0, total: 0 }
      for (const id of editor.getSortedChildIdsForParent(frame.id)) {
        const child = editor.getShape(id)
        if (!child || !isFactorRecord(asRecordJson(child))) continue
        const polarity = factorOf(child).polarity
        if (polarity !== 'undecided') result[polarity]++
        result.total++
      }
      return result
    },
    [editor, frame.id],
  )
  const wide = useValue('frame on screen', () => frame.props.w * editor.getZoomLevel(), [
    editor,
    frame.props.w,
  ])
  const full = t('clusters.counts', {
    hindering: polarityIcon.hindering,
    hinderingWord: t('factors.hindering'),
    h: counts.hindering,
    enabling: polarityIcon.enabling,
    enablingWord: t('factors.enabling'),
    e: counts.enabling,
    t: counts.total,
  })
  const short = `${polarityIcon.hindering} ${counts.hindering} · ${polarityIcon.enabling} ${counts.enabling} · Σ ${counts.total}`
  return (
    <div className="cluster-counts" data-testid="cluster-counts" title={full} aria-label={full}>
      {wide >= WORDS_MIN_WIDTH ? full : short}
    </div>
  )
}
