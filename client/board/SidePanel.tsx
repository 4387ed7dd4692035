import { useId, useState, type ReactNode } from 'react'
import { PHONE_QUERY, useMediaQuery } from '../common/useMediaQuery'
import './sidePanel.css'

interface SidePanelProps {
  title: string
  /** The button that folds the open panel, e.g. "Dölj sorteringen". */
  foldLabel: string
  /** The folded strip's button, e.g. how many notes are still unsorted. */
  unfoldLabel: string
  /** Added to `side-panel`, for what is particular to this panel. */
  className: string
  children: ReactNode
}

/**
 * A panel beside the canvas that folds into a narrow strip to give a tablet or phone the
 * whole canvas; on a phone it starts folded.
 */
export function SidePanel({ title, foldLabel, unfoldLabel, className, children }: SidePanelProps) {
  const [open, setOpen] = useState(!useMediaQuery(PHONE_QUERY))
  const headingId = useId()
  const bodyId = useId()
  return (
    <aside
      className={`side-panel ${className}${open ? '' : ' side-panel-folded'}`}
      aria-labelledby={headingId}
    >
      <div className="side-panel-head">
        <h2 id={headingId} className={open ? undefined : 'visually-hidden'}>
          {title}
        </h2>
        <button
          type="button"
          className="side-panel-fold"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '›' : '‹'} </span>
          {open ? foldLabel : unfoldLabel}
        </button>
      </div>
      <div id={bodyId} hidden={!open}>
        {children}
      </div>
    </aside>
  )
}
