import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue, type Editor } from 'tldraw'
import type { AttentionBody, BoardAttention, ViewBounds } from '../../../shared/workshopContracts'
import { selectedCluster } from '../../board/clusters/clusterCommands'
import { useLiveScope } from '../LiveContext'
import type { Spotlight } from './useBoardAttention'
import './strings'

/** How often, at most, the facilitator's moving camera is sent to those who follow it. */
const CAMERA_SEND_MS = 250

const viewOf = (editor: Editor): ViewBounds => {
  const view = editor.getViewportPageBounds()
  return { x: view.x, y: view.y, w: view.w, h: view.h }
}

/**
 * The facilitator's **Följ mig**, **Ta kontroll** and spotlight on a board. While Följ mig or
 * Ta kontroll stands, this page's camera is sent on as it moves (at most every 250 ms).
 */
export function AttentionControls(props: {
  editor: Editor | undefined
  boardId: string
  standing: BoardAttention | undefined
  spotlight: Spotlight | undefined
}) {
  const { editor, boardId, standing, spotlight } = props
  const { t } = useTranslation()
  const api = useLiveScope()?.api
  const [status, setStatus] = useState('')
  const cluster = useValue('selected cluster', () => editor && selectedCluster(editor), [editor])
  const mode = standing?.mode

  useEffect(() => {
    if (!editor || !api || !mode) return
    let last = JSON.stringify(viewOf(editor))
    let timer: ReturnType<typeof setTimeout> | undefined
    // One request at a time: two in flight could arrive in the wrong order and leave
    // followers on an older view.
    let sending = false
    const send = () => {
      timer = undefined
      const view = viewOf(editor)
      if (JSON.stringify(view) === last) return
      if (sending) return void (timer = setTimeout(send, CAMERA_SEND_MS))
      last = JSON.stringify(view)
      sending = true
      api
        .attention({ kind: mode, boardId, bounds: view })
        .catch(() => undefined)
        .finally(() => (sending = false))
    }
    const stop = editor.store.listen(() => (timer ??= setTimeout(send, CAMERA_SEND_MS)), {
      scope: 'session',
    })
    return () => {
      stop()
      clearTimeout(timer)
    }
  }, [editor, api, mode, boardId])

  if (!editor || !api) return null
  const ask = async (body: AttentionBody, done: string) => {
    try {
      await api.attention(body)
      setStatus(done)
    } catch (e) {
      setStatus((e as Error).message)
    }
  }
  const toggle = (kind: 'follow' | 'control') =>
    mode === kind
      ? ask({ kind: 'release', boardId }, t('attention.released'))
      : ask(
          { kind, boardId, bounds: viewOf(editor) },
          t(kind === 'follow' ? 'attention.followStarted' : 'attention.controlStarted'),
        )
  const light = () => {
    if (spotlight) {
      return ask(
        { kind: 'spotlight', boardId, bounds: viewOf(editor) },
        t('attention.spotlightOff'),
      )
    }
    if (!cluster) return
    const bounds = editor.getShapePageBounds(cluster)
    if (!bounds) return
    const name = cluster.props.name || t('attention.unnamedCluster')
    return ask(
      {
        kind: 'spotlight',
        boardId,
        spotlightId: cluster.id,
        bounds: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
      },
      t('attention.inFocus', { name }),
    )
  }
  return (
    <>
      <button type="button" className="small" onClick={() => void toggle('follow')}>
        {mode === 'follow' ? t('attention.stopFollowMe') : t('attention.follow')}
      </button>
      <button type="button" className="small" onClick={() => void toggle('control')}>
        {mode === 'control' ? t('attention.release') : t('attention.control')}
      </button>
      <button
        type="button"
        className="small"
        disabled={!spotlight && !cluster}
        title={!spotlight && !cluster ? t('attention.spotlightHint') : undefined}
        onClick={() => void light()}
      >
        {spotlight ? t('attention.spotlightOff') : t('attention.spotlight')}
      </button>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </>
  )
}
