import { useEffect, useId, useRef, type ReactNode } from 'react'
import './modal.css'

/**
 * A native modal `<dialog>`: the browser keeps focus inside it, closes it on Escape and
 * gives focus back to what opened it. Rendered only while open.
 */
export function ModalDialog(props: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  const { onClose } = props

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    dialog.showModal()
    dialog.addEventListener('close', onClose)
    return () => dialog.removeEventListener('close', onClose)
  }, [onClose])

  return (
    <dialog ref={ref} className="modal" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
    </dialog>
  )
}
