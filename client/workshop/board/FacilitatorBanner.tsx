import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { metaMap } from '../../../shared/board/boardDoc'
import { BANNER_META_KEY, type Banner } from '../../../shared/workshopContracts'
import '../i18n'
import '../workshop.css'

const dismissedKey = (boardId: string) => `samskapa.bannerDismissed.${boardId}`

function readBanner(doc: Y.Doc): Banner | undefined {
  const value = metaMap(doc).get(BANNER_META_KEY) as Partial<Banner> | undefined
  if (!value || typeof value.text !== 'string' || !value.text.trim()) return undefined
  return { text: value.text, at: Number(value.at) || 0 }
}

/** The facilitator's message to every board, from the doc; each person may dismiss it. */
export function FacilitatorBanner({ doc, boardId }: { doc: Y.Doc; boardId: string }) {
  const { t } = useTranslation()
  const [banner, setBanner] = useState(() => readBanner(doc))
  const [dismissedAt, setDismissedAt] = useState(() =>
    Number(localStorage.getItem(dismissedKey(boardId)) ?? 0),
  )

  useEffect(() => {
    const meta = metaMap(doc)
    const onChange = () => setBanner(readBanner(doc))
    meta.observe(onChange)
    return () => meta.unobserve(onChange)
  }, [doc])

  const visible = banner && banner.at !== dismissedAt
  const dismiss = () => {
    if (!banner) return
    localStorage.setItem(dismissedKey(boardId), String(banner.at))
    setDismissedAt(banner.at)
  }

  return (
    <div role="status" className="facilitator-banner-region">
      {visible && (
        <div className="facilitator-banner">
          <span aria-hidden="true" className="banner-icon">
            ⚑
          </span>
          <p>
            <strong>{t('workshop.banner.from')}</strong> {banner.text}
          </p>
          <button type="button" className="small" onClick={dismiss}>
            {t('workshop.banner.dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
