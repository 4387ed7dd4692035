import { useCallback, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Editor, TLAnyShapeUtilConstructor } from 'tldraw'
import { captureLabel, currentStepTitle, type CaptureWhat } from '../../shared/capture/captureLabel'
import type { BoardInfo } from '../../shared/contracts'
import { serverAssetStore, uploadImage } from '../assets/assetStore'
import { useLiveScope } from '../day/LiveContext'
import { boardRecords } from './captureApi'
import { captureFailure } from './captureFailure'
import { placeCaptures, type CaptureToPlace } from './placeCapture'
import { renderBoardImage } from './renderBoardImage'
import './strings'

export interface CaptureSource {
  id: string
  name: string
  /** One cluster of the board instead of the whole board. */
  cluster?: { id: string; name: string }
}

interface CaptureSetup {
  editor: Editor | undefined
  board: BoardInfo
  shapeUtils: readonly TLAnyShapeUtilConstructor[]
  fonts?: Record<string, string>
}

/**
 * Captures boards (or one cluster) one after another: read, render with tldraw's export,
 * upload to the recorder board's assets, then place them all in one change. Labels name the
 * board, the cluster, the agenda step running now (if the workshop has an agenda) and the time.
 */
export function useCapture({ editor, board, shapeUtils, fonts }: CaptureSetup) {
  const { t, i18n } = useTranslation()
  const day = useLiveScope()?.live.state?.day
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
      const step = currentStepTitle(day)
      try {
        for (const [i, source] of sources.entries()) {
          setStatus(t('capture.progress', { done: i + 1, total: sources.length }))
          const { records } = await boardRecords(board, source.id)
          const shapeIds = source.cluster && [source.cluster.id]
          const image = await renderBoardImage(records, { shapeUtils, assets, fonts, shapeIds })
          if (!image) {
            skipped.push(t('capture.empty', { board: source.cluster?.name ?? source.name }))
            continue
          }
          const uploaded = await uploadImage(board, image.blob)
          const now = Date.now()
          const time = clockTime(now, i18n.language)
          const what = { board: source.name, cluster: source.cluster?.name, step, time }
          const label = captureLabel(what)
          placed.push({
            src: uploaded.src,
            width: image.width,
            height: image.height,
            label,
            altText: captureAlt(t, what),
            sourceUrl: `${window.location.origin}/b/${encodeURIComponent(source.id)}`,
            meta: {
              captureOf: source.id,
              ...(source.cluster && { captureCluster: source.cluster.id }),
              captureLabel: label,
              capturedAt: now,
            },
          })
        }
        placeCaptures(editor, placed)
        setStatus([t('capture.done', { count: placed.length }), ...skipped].join(' '))
      } catch (e) {
        setStatus('')
        setError(t('capture.failed', { message: captureFailure(t, e) }))
      } finally {
        setBusy(false)
      }
    },
    [editor, board, shapeUtils, fonts, t, i18n.language, day],
  )

  return { capture, status, error, busy }
}

/** The image's alt text: a sentence saying the same as the label. */
export function captureAlt(t: TFunction, what: CaptureWhat): string {
  const sentence = what.cluster
    ? t('capture.altCluster', { ...what, cluster: what.cluster })
    : t('capture.alt', { ...what })
  return what.step ? `${sentence}${t('capture.altStep', { step: what.step })}` : sentence
}

export function clockTime(at: number, language: string): string {
  return new Date(at).toLocaleTimeString(language === 'en' ? 'en-GB' : 'sv-SE', {
    hour: '2-digit',
    minute: '2-digit',
  })
}
