/**
 * The end of a dialog's form: its error, announced, and the submit and cancel buttons. The
 * error's id is `${formId}-error`, so fields can point at it with aria-describedby.
 */
export function DialogFormEnd(props: {
  formId: string
  error: string | undefined
  busy: boolean
  submitLabel: string
  busyLabel: string
  cancelLabel: string
  onCancel: () => void
}) {
  return (
    <>
      {props.error && (
        <p id={`${props.formId}-error`} className="error" role="alert">
          {props.error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.busy ? props.busyLabel : props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </>
  )
}
