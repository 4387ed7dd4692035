import type { BoardAccessInfo } from '../../../shared/workshopContracts'
import { workshopApi } from '../workshopApi'

/** What a workshop's board shows of its workshop: the way back, and the groups' names. */
export interface WorkshopContext {
  overviewUrl?: string
  groupNames: Record<string, string>
  /** How many group boards the workshop has: the N of "named by k of N groups". */
  groupCount: number
  /** The group boards and the plenary: what the recorder captures. */
  captureSources: { id: string; name: string }[]
}

export async function loadWorkshopContext(
  board: BoardAccessInfo,
  token: string | undefined,
): Promise<WorkshopContext | undefined> {
  if (!board.workshopId || !token) return undefined
  const overviewUrl =
    board.role === 'facilitator'
      ? `/w/${encodeURIComponent(board.workshopId)}?token=${encodeURIComponent(token)}`
      : undefined
  try {
    const info = await workshopApi(board.workshopId, token).info()
    return {
      overviewUrl,
      groupNames: Object.fromEntries(info.boards.map((entry) => [entry.id, entry.name])),
      groupCount: info.boards.filter((entry) => entry.kind === 'group').length,
      captureSources: info.boards
        .filter((entry) => entry.kind === 'group' || entry.kind === 'plenary')
        .map((entry) => ({ id: entry.id, name: entry.name })),
    }
  } catch {
    // The board works without its workshop's names; the synthesis panel then shows ids.
    return { overviewUrl, groupNames: {}, groupCount: 0, captureSources: [] }
  }
}
