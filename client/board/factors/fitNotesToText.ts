import type { Editor, TLNoteShape, TLShapePartial, TLShapeId } from 'tldraw'

/**
 * tldraw grows a note to fit its text only when the note is created or edited in this
 * browser. Notes written by the server (imports, templates, the plenary gathering) or by
 * the outline arrive at their base size, so their text would spill out under the badge.
 * This fits such notes once they arrive; every browser computes the same size.
 */
export function fitNotesToText(editor: Editor): () => void {
  const util = editor.getShapeUtil<TLNoteShape>('note')

  const fit = (ids: Iterable<TLShapeId>) => {
    const updates: TLShapePartial<TLNoteShape>[] = []
    for (const id of ids) {
      const shape = editor.getShape<TLNoteShape>(id)
      if (shape?.type !== 'note') continue
      // The size tldraw gives a note it creates itself; undefined when it already fits.
      const adjusted = util.onBeforeCreate?.(shape)
      if (adjusted) updates.push({ id, type: 'note', props: adjusted.props })
    }
    if (updates.length === 0) return
    editor.run(() => editor.updateShapes(updates), { history: 'ignore' })
  }

  fit(editor.getCurrentPageShapeIds())
  return editor.store.listen(
    ({ changes }) => {
      const touched = [...Object.keys(changes.added), ...Object.keys(changes.updated)]
      fit(touched.filter((id) => id.startsWith('shape:')) as TLShapeId[])
    },
    { source: 'remote', scope: 'document' },
  )
}
