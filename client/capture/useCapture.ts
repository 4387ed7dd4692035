import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLAnyShapeUtilConstructor } from 'tldraw'
import type { BoardInfo } from '../../shared/contracts'
import { serverAssetStore, uploadImage } from '../assets/assetStore'
import { boardRecords } from './captureApi'
import { placeCaptures, type CaptureToPlace } from './placeCapture'
import { renderBoardImage } from './renderBoardImage'
import './strings'

export interface CaptureSource {
  id: string
  name: string
}

interface CaptureSetup {
  editor: Editor | undefined
  board: BoardInfo
  shapeUtils: readonly TLAnyShapeUtilConstructor[]
  fonts?: Record<string, string>
}

/**
 * Captures boards one after another: read, render with tldraw's export, upload to the
 * recorder board's assets, then place them all in one change. Progress is a status text.
 */
export function useCapture({ editor, board, shapeUtils, fonts }: CaptureSetup) {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const capture = useCallback(
    async (sources: readonly CaptureSource[]) => {
      if (!editor || sources.length === 0) return
      setBusy(true)
      setError(undefined)
      const assets = serverAssetStore(board)
      const placed: CaptureToPlace[] = []
      const skipped: string[] = []
      try {
        for (const [i, source] of sources.entries()) {
          setStatus(t('capture.progress', { done: i + 1, total: sources.length }))
          const { records } = await boardRecords(board, source.id)
          const image = await renderBoardImage(records, { shapeUtils, assets, fonts })
          if (!image) {
            skipped.push(t('capture.empty', { board: source.name }))
            continue
          }
          const uploaded = await uploadImage(board, image.blob)
          const now = Date.now()
          const time = new Date(now).toLocaleTimeString(
            i18n.language === 'en' ? 'en-GB' : 'sv-SE',
            {
              hour: '2-digit',
              minute: '2-digit',
            },
          )
          const label = t('capture.label', { board: source.name, time })
          placed.push({
            src: uploaded.src,
            width: image.width,
            height: image.height,
            label,
            altText: t('capture.alt', { board: source.name, time }),
            sourceUrl: `${window.location.origin}/b/${encodeURIComponent(source.id)}`,
            meta: { captureOf: source.id, captureLabel: label, capturedAt: now },
          })
        }
        placeCaptures(editor, placed)
        setStatus([t('capture.done', { count: placed.length }), ...skipped].join(' '))
      } catch (e) {
        setStatus('')
        setError(t('capture.failed', { message: (e as Error).message }))
      } finally {
        setBusy(false)
      }
    },
    [editor, board, shapeUtils, fonts, t, i18n.language],
  )

  return { capture, status, error, busy }
}
