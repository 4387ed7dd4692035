import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue, type Editor } from 'tldraw'
import type { AttentionBody, BoardAttention } from '../../../shared/workshopContracts'
import { selectedCluster } from '../../board/clusters/clusterCommands'
import { useLiveScope } from '../LiveContext'
import type { Spotlight } from './useBoardAttention'
import { useSendCamera, viewOf } from './useSendCamera'
import './strings'

/**
 * The facilitator's **Följ mig**, **Ta kontroll** and spotlight on a board. While Följ mig or
 * Ta kontroll stands, this page's camera is sent on as it moves (`useSendCamera`).
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

  useSendCamera(editor, api?.attention, boardId, mode, standing?.bounds)

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
