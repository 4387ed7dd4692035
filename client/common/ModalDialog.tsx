import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import './modal.css'

/**
 * A native modal `<dialog>`: the browser keeps focus inside it, closes it on Escape and
 * gives focus back to what opened it. Rendered only while open, into the body: a dialog opened
 * from the top bar must not inherit the bar's one-line layout.
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

  return createPortal(
    <dialog ref={ref} className="modal" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
    </dialog>,
    document.body,
  )
}
