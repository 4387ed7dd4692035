/**
 * A board notice in words with one button that ends it: the person closes it when read, or
 * (for a refusal) acts on it. It takes no focus of its own, so the person's work is not
 * interrupted; `role` says how urgently a screen reader tells it: `status` waits its turn,
 * `alert` (something was not saved) speaks at once.
 */
export function DismissableNotice(props: {
  role: 'status' | 'alert'
  /** The notice's own class beside `board-notice`, for its place and colours. */
  className: string
  message: string
  buttonLabel: string
  onButton: () => void
}) {
  return (
    <div className={`board-notice ${props.className}`} role={props.role}>
      <p>{props.message}</p>
      <button type="button" className="button small" onClick={props.onButton}>
        {props.buttonLabel}
      </button>
    </div>
  )
}
