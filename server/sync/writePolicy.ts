import type { RecordJson } from '../../shared/board/boardDoc'
import type { JsonValue } from '../../shared/board/yjsValue'
import { mayWriteBoard } from '../../shared/roles/writePolicy'
import type { InputHold, Role, WorkshopBoardKind } from '../../shared/workshopContracts'
import { facilitatorLockRule } from './facilitatorLock'
import { privateDraftRule } from './privateDrafts'

/**
 * Who may change what on a board: the one place every write path asks (sync updates through
 * the UpdateGate; REST writes are the server's own and checked by their routes' roles).
 * A rule returns a denial's reason, or undefined to let the change through; a change goes
 * in only when no rule denies it. New rules (a recorder who writes only on the recorder
 * board) are added to the lists at the bottom.
 */

/** The board being written on, as far as access to it depends on what it is. */
export interface BoardPlace {
  boardId: string
  /** Undefined for a standalone board. */
  workshopId: string | undefined
  kind: WorkshopBoardKind | undefined
  /** The facilitator opened this board to every participant of the workshop. */
  openToAll: boolean
}

/** Who is writing: a connection's role and, for a participant of a workshop, who they are. */
export interface WriteContext {
  role: Role
  board: BoardPlace
  /**
   * For a participant on a workshop board: the board they are assigned to now (null when
   * none); undefined when the connection did not say which participant it is.
   */
  participantBoardId: string | null | undefined
  /**
   * For a participant on a workshop board: why the facilitator holds their input now
   * (Ta kontroll, a locked step, time up), else undefined. Unlike a denial it passes.
   */
  inputHold: InputHold | undefined
}

/** One change an update makes, with the state before it (from the room's doc). */
export type DocChange =
  | { area: 'records'; id: string; before: RecordJson | undefined; after: RecordJson | undefined }
  | { area: 'meta'; key: string; before: JsonValue | undefined; after: JsonValue | undefined }

/** Decides whether the writer may change this board at all. */
export type BoardRule = (context: WriteContext) => string | undefined

/** Decides whether the writer may make one change. */
export type ChangeRule = (context: WriteContext, change: DocChange) => string | undefined

export const viewersNeverWrite: BoardRule = (context) =>
  context.role === 'viewer' ? 'viewers read only' : undefined

/**
 * A participant of a workshop writes on the board of their group, and on boards the
 * facilitator opened to all (the plenary during a plenary step). A participant link used
 * without joining (no participant key) reads only. Standalone boards have no groups.
 */
export const participantsWriteOnTheirBoard: BoardRule = (context) => {
  const { role, board, participantBoardId } = context
  if (role !== 'participant' || board.workshopId === undefined || board.openToAll) return undefined
  if (participantBoardId === undefined) return 'join the workshop to write on its boards'
  if (participantBoardId !== board.boardId) return 'this is not your group’s board'
  return undefined
}

/** Meta keys that steer the board for everyone: only the facilitator (and the server). */
const FACILITATOR_META_KEYS: ReadonlySet<string> = new Set(['banner', 'synthesis', 'boardSettings'])

export const metaByRole: ChangeRule = (context, change) => {
  if (change.area !== 'meta') return undefined
  if (change.key === 'tldrawSchema') return 'only the server writes the stored schema'
  if (change.key === 'epoch') return 'only the server rebuilds the board'
  if (FACILITATOR_META_KEYS.has(change.key) && context.role !== 'facilitator') {
    return `only the facilitator changes meta.${change.key}`
  }
  return undefined
}

/** The graphic recorder draws on the recorder board and only reads every other board. */
export const recorderWritesOnItsBoard: BoardRule = (context) =>
  context.role === 'recorder' && !mayWriteBoard(context.role, context.board.kind)
    ? 'the recorder writes only on the recorder board'
    : undefined

export const boardRules: BoardRule[] = [
  viewersNeverWrite,
  participantsWriteOnTheirBoard,
  recorderWritesOnItsBoard,
]

export const changeRules: ChangeRule[] = [metaByRole, facilitatorLockRule, privateDraftRule]

const HOLD_DETAIL: Record<InputHold, string> = {
  control: 'the facilitator has taken control of this board',
  lockedStep: 'this step locks the boards for participants',
  timeUp: 'time is up: the facilitator paused input',
}

/**
 * Whether a participant's input is paused now (see `InputHold`). Kept apart from
 * `writeDenial`: a pause says "not now" (close 4423, HTTP 423), not "never", so a page
 * still counts as one that may write, and sends what it held back once the pause lifts.
 */
export function inputHeld(context: WriteContext): string | undefined {
  return context.inputHold && HOLD_DETAIL[context.inputHold]
}

/** The first reason a rule gives to refuse these changes, or undefined if all may go in. */
export function writeDenial(context: WriteContext, changes: DocChange[]): string | undefined {
  for (const rule of boardRules) {
    const denial = rule(context)
    if (denial) return denial
  }
  for (const change of changes) {
    for (const rule of changeRules) {
      const denial = rule(context, change)
      if (denial) return denial
    }
  }
  return undefined
}
