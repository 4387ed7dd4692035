import {
  BOARD_ROLES,
  ROLES,
  type BoardRoleLinks,
  type Role,
  type RoleLinks,
} from '../../shared/workshopContracts'

function linksTo<R extends Role>(page: string, roles: readonly R[], tokens: Record<Role, string>) {
  const links = {} as Record<R, string>
  for (const role of roles) links[role] = `${page}?token=${encodeURIComponent(tokens[role])}`
  return links
}

/** The workshop page (`/w/<id>`) per role. */
export function workshopLinks(
  base: string,
  workshopId: string,
  tokens: Record<Role, string>,
): RoleLinks {
  return linksTo(`${base}/w/${workshopId}`, ROLES, tokens)
}

/** A standalone board's page (`/b/<id>`) per role. */
export function boardLinks(
  base: string,
  boardId: string,
  tokens: Record<Role, string>,
): BoardRoleLinks {
  return linksTo(`${base}/b/${boardId}`, BOARD_ROLES, tokens)
}
