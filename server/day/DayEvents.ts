import { EventEmitter } from 'node:events'
import type { AttentionEvent } from '../../shared/workshopContracts'

/** The moment a workshop moves to another agenda step (e.g. to version every board then). */
export interface StepChanged {
  workshopId: string
  previousStepId: string | null
  stepId: string
  at: number
}

interface DayEventMap {
  /** Anything of the day's state (or who is on which board) changed: the live channel resends. */
  changed: [workshopId: string]
  stepChanged: [StepChanged]
  /** A one-off request to the pages of one board (summon). */
  attention: [workshopId: string, AttentionEvent]
}

/**
 * Named moments of a workshop's day. The live channel listens to `changed` and `attention`;
 * other features attach to `stepChanged` without touching the day's code:
 *
 *     context.dayEvents.on('stepChanged', ({ workshopId, stepId }) => snapshotBoards(...))
 */
export class DayEvents extends EventEmitter<DayEventMap> {
  constructor() {
    super()
    // One listener per open live stream would trip Node's leak warning at 10.
    this.setMaxListeners(0)
  }
}
