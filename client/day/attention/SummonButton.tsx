import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { useLiveScope } from '../LiveContext'
import '../strings'

/** The facilitator's **Samla alla här**: every page on this board jumps to this view. */
export function SummonButton(props: { editor: Editor | undefined; boardId: string }) {
  const { t } = useTranslation()
  const api = useLiveScope()?.api
  const [status, setStatus] = useState('')
  const { editor, boardId } = props
  if (!editor || !api) return null
  const summon = async () => {
    const view = editor.getViewportPageBounds()
    try {
      await api.attention({
        kind: 'summon',
        boardId,
        bounds: { x: view.x, y: view.y, w: view.w, h: view.h },
      })
      setStatus(t('day.attention.summoned'))
    } catch (e) {
      setStatus((e as Error).message)
    }
  }
  return (
    <>
      <button type="button" className="small" onClick={() => void summon()}>
        {t('day.attention.summon')}
      </button>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </>
  )
}
