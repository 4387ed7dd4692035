import { useTranslation } from 'react-i18next'
import { useEditor, useValue, type TLFrameShape, type TLShapeId } from 'tldraw'
import type { Spotlight } from './useBoardAttention'
import './strings'

/** Gap between the cluster and its ring, in screen pixels. */
const RING = 8

/**
 * The spotlight on the canvas: everything but the cluster is dimmed, the cluster gets a thick
 * outline and a label "I fokus: <name>" (words and shape, not colour alone). Drawn over the
 * canvas, it lets pointers through except on its close button.
 */
export function SpotlightOverlay(props: { spotlight: Spotlight | undefined; onDismiss(): void }) {
  const editor = useEditor()
  const { t } = useTranslation()
  const shapeId = props.spotlight?.shapeId
  const placed = useValue(
    'spotlight',
    () => {
      if (!shapeId) return undefined
      const shape = editor.getShape(shapeId as TLShapeId)
      const bounds = shape && editor.getShapePageBounds(shape)
      if (!shape || !bounds) return undefined
      const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
      const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
      const name = shape.type === 'frame' ? (shape as TLFrameShape).props.name : ''
      return {
        left: topLeft.x,
        top: topLeft.y,
        width: bottomRight.x - topLeft.x,
        height: bottomRight.y - topLeft.y,
        name,
      }
    },
    [editor, shapeId],
  )
  if (!placed) return null
  const name = placed.name || t('attention.unnamedCluster')
  const { left, top, width, height } = placed
  return (
    <div className="spotlight" data-testid="spotlight">
      <div
        className="spotlight-dim"
        style={{ left: 0, top: 0, right: 0, height: Math.max(0, top) }}
      />
      <div className="spotlight-dim" style={{ left: 0, top: top + height, right: 0, bottom: 0 }} />
      <div className="spotlight-dim" style={{ left: 0, top, width: Math.max(0, left), height }} />
      <div className="spotlight-dim" style={{ left: left + width, top, right: 0, height }} />
      <div
        className="spotlight-ring"
        style={{
          left: left - RING,
          top: top - RING,
          width: width + 2 * RING,
          height: height + 2 * RING,
        }}
      />
      <div className="spotlight-label" style={{ left, top: Math.max(0, top - RING - 40) }}>
        <span role="status">{t('attention.inFocus', { name })}</span>
        <button type="button" className="small" onClick={props.onDismiss}>
          {t('attention.dismissFocus')}
        </button>
      </div>
    </div>
  )
}
