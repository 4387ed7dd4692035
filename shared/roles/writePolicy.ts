import type { Role, WorkshopBoardKind } from '../workshopContracts'

/**
 * Whether a role may change a board of the given kind (`undefined` for a standalone board).
 * Viewers never write; the graphic recorder writes only on the recorder board and reads every
 * other board of the workshop. The sync endpoint (read-only sockets) and every REST write path
 * ask this one function, so the rule cannot differ between them.
 */
export function mayWriteBoard(role: Role, kind: WorkshopBoardKind | undefined): boolean {
  switch (role) {
    case 'facilitator':
    case 'participant':
      return true
    case 'viewer':
      return false
    case 'recorder':
      return kind === 'recorder'
  }
}
