import type { Editor } from 'tldraw'
import type { ExportFormat } from './formats'
import { pdfFromImages } from './pdfFromImages'

const OPTIONS = { background: true, padding: 32 }

/**
 * The selection, or the whole page when nothing is selected, in one format, drawn by
 * tldraw's own export. Undefined when there is nothing to export.
 */
export async function exportBoard(
  editor: Editor,
  format: ExportFormat,
  title: string,
): Promise<Blob | undefined> {
  const selected = editor.getSelectedShapeIds()
  const ids = selected.length > 0 ? selected : [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) return undefined
  if (format === 'svg') {
    const svg = await editor.getSvgString(ids, OPTIONS)
    return svg && new Blob([svg.svg], { type: 'image/svg+xml' })
  }
  const image = await editor.toImage(ids, { ...OPTIONS, format: 'png', pixelRatio: 2 })
  if (format === 'png') return image.blob
  return pdfFromImages([{ png: image.blob, width: image.width, height: image.height }], title)
}
