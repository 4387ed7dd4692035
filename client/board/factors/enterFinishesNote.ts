import type { Editor } from 'tldraw'

/**
 * While a note is being written, Enter finishes it (Shift+Enter still breaks the line), so a
 * group can write note after note without the mouse; Tab and Ctrl/Cmd+Enter, tldraw's own
 * keys, go on to a new note beside or below. Listens in the capture phase to act before the
 * text editor turns Enter into a new paragraph.
 */
export function enterFinishesNote(editor: Editor): () => void {
  const container = editor.getContainer()
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing) return
    if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return
    const editing = editor.getEditingShape()
    if (editing?.type !== 'note') return
    event.preventDefault()
    event.stopPropagation()
    editor.complete()
  }
  container.addEventListener('keydown', onKeyDown, true)
  return () => container.removeEventListener('keydown', onKeyDown, true)
}
