import { ROLES, type Role, type RoleLinks } from '../../shared/workshopContracts'

function linksTo(page: string, tokens: Record<Role, string>): RoleLinks {
  const links = { facilitator: '', participant: '', viewer: '' }
  for (const role of ROLES) links[role] = `${page}?token=${encodeURIComponent(tokens[role])}`
  return links
}

/** The workshop page (`/w/<id>`) per role. */
export function workshopLinks(base: string, workshopId: string, tokens: Record<Role, string>) {
  return linksTo(`${base}/w/${workshopId}`, tokens)
}

/** A standalone board's page (`/b/<id>`) per role. */
export function boardLinks(base: string, boardId: string, tokens: Record<Role, string>) {
  return linksTo(`${base}/b/${boardId}`, tokens)
}
