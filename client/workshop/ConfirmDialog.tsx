import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './confirmDialog.css'
import './i18n'

interface ConfirmDialogProps {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  danger?: boolean
  onConfirm(): void
  onCancel(): void
}

/**
 * A modal question. The native <dialog> traps focus, closes on Escape and gives focus back
 * to the button that opened it, so keyboard and screen-reader users get it for free.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (props.open && !dialog.open) dialog.showModal()
    if (!props.open && dialog.open) dialog.close()
  }, [props.open])

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onClose={() => props.open && props.onCancel()}
    >
      <h2 id={titleId}>{props.title}</h2>
      <div className="confirm-body">{props.children}</div>
      <div className="row end">
        <button type="button" autoFocus onClick={props.onCancel}>
          {t('workshop.cancel')}
        </button>
        <button
          type="button"
          className={props.danger ? 'danger' : 'primary'}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
