import { PDFDocument } from 'pdf-lib'

export interface PdfPage {
  png: Blob
  width: number
  height: number
}

/** An A4 landscape width in points; pages keep their image's aspect ratio. */
const PAGE_WIDTH = 842

/** One page per image, each image filling its page; titled for the PDF reader's window. */
export async function pdfFromImages(pages: readonly PdfPage[], title: string): Promise<Blob> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(title)
  pdf.setCreator('Samskapa')
  for (const page of pages) {
    const image = await pdf.embedPng(await page.png.arrayBuffer())
    const height = (page.height / page.width) * PAGE_WIDTH
    pdf.addPage([PAGE_WIDTH, height]).drawImage(image, {
      x: 0,
      y: 0,
      width: PAGE_WIDTH,
      height,
    })
  }
  const bytes = await pdf.save()
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
}
