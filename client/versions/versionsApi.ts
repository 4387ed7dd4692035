import type { BoardInfo } from '../../shared/contracts'
import type { RestoredVersion, VersionDetail, VersionSummary } from '../../shared/versionContracts'
import type { CreatedBoard } from '../../shared/workshopContracts'
import { boardPath, sendRequest } from '../common/boardRequest'

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

/** A board's versions, with the page's token (and participant key) like every board call. */
export function versionsApi(board: BoardInfo, language: string) {
  const at = (rest: string) => {
    const path = boardPath(board, `/versions${rest}`)
    return `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(language)}`
  }
  return {
    list: () => sendRequest<VersionSummary[]>(at(''), { method: 'GET' }),
    save: (name: string) => sendRequest<VersionSummary>(at(''), json({ name })),
    open: (id: string) => sendRequest<VersionDetail>(at(`/${encodeURIComponent(id)}`), {}),
    restore: (id: string) =>
      sendRequest<RestoredVersion>(at(`/${encodeURIComponent(id)}/restore`), json({})),
    copy: (id: string) =>
      sendRequest<CreatedBoard>(at(`/${encodeURIComponent(id)}/copy`), json({})),
  }
}

export type VersionsApi = ReturnType<typeof versionsApi>
