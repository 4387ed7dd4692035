import type { IncomingMessage } from 'node:http'
import { isValidBoardId } from '../../../shared/board/boardId'
import type { Role } from '../../../shared/workshopContracts'
import type { WorkshopRecord } from '../../storage/Storage'
import { allow } from '../authorize'
import { HttpError } from '../respond'
import type { ServerContext } from '../Route'

export const JSON_LIMIT = 64 * 1024

/** The workshop of the path, or 404; then the caller's role on it, or 401/403/429. */
export async function workshopFor(
  req: IncomingMessage,
  context: ServerContext,
  id: string,
  ...roles: Role[]
): Promise<{
  workshop: WorkshopRecord
  role: Role
  token: string | undefined
  credentialId: string | undefined
}> {
  if (!isValidBoardId(id)) throw new HttpError(400, 'invalid_id', 'malformed workshop id')
  const workshop = await context.storage.getWorkshop(id)
  if (!workshop) throw new HttpError(404, 'unknown_workshop', 'no such workshop')
  const access = allow(await context.access.authorizeWorkshop(req, id), ...roles)
  return { workshop, role: access.role, token: access.token, credentialId: access.credentialId }
}

export function invalidBody(issues: { message: string }[]): HttpError {
  return new HttpError(400, 'invalid_body', issues[0]?.message ?? 'invalid body')
}
