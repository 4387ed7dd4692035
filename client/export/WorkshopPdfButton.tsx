import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download, fileName } from './download'
import './strings'

interface Props {
  boards: readonly { id: string }[]
  token: string
  title: string
}

/** Alla tavlor som PDF: one page per board, drawn in this browser, with progress said aloud. */
export function WorkshopPdfButton({ boards, token, title }: Props) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')

  const run = async () => {
    setBusy(true)
    try {
      // tldraw and pdf-lib load only when someone asks for the PDF.
      const { workshopPdf } = await import('./workshopPdf')
      const blob = await workshopPdf(boards, token, title, (done, total) =>
        setStatus(t('export.workshopProgress', { done, total })),
      )
      const name = fileName(title, 'pdf')
      download(blob, name)
      setStatus(t('export.done', { name }))
    } catch (error) {
      setStatus(t('export.failed', { message: (error as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void run()}>
        {t('export.workshopPdf')}
      </button>
      <p role="status">{status}</p>
    </>
  )
}
