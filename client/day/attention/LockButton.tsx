import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import '../strings'
import { isFacilitatorLocked, toggleFacilitatorLock } from './facilitatorLock'

/** The facilitator's **Lås för deltagare** for the selected shapes. */
export function LockButton({ editor }: { editor: Editor | undefined }) {
  const { t } = useTranslation()
  const [selection, setSelection] = useState({ count: 0, locked: false })
  useEffect(() => {
    if (!editor) return
    const read = () => {
      const shapes = editor.getSelectedShapes()
      setSelection({
        count: shapes.length,
        locked: shapes.length > 0 && shapes.every(isFacilitatorLocked),
      })
    }
    return editor.store.listen(read, { scope: 'session' })
  }, [editor])
  if (!editor) return null
  return (
    <button
      type="button"
      className="small"
      disabled={selection.count === 0}
      aria-pressed={selection.locked}
      onClick={() => toggleFacilitatorLock(editor)}
    >
      {selection.locked ? t('day.lock.unlock') : t('day.lock.lock')}
    </button>
  )
}
