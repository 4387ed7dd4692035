import type { AccessDecision, AccessDenied, Role } from '../auth/AccessControl'
import { HttpError } from './respond'

type Allowed = Extract<AccessDecision, { ok: true }>

/** Throws the decision's 401/429, or 403 when the role is not among `roles`. */
export function allow<D extends Allowed>(decision: D | AccessDenied, ...roles: Role[]): D {
  if (!decision.ok) throw denied(decision)
  if (!roles.includes(decision.role)) {
    throw new HttpError(403, 'forbidden', `a ${decision.role} may not do this`)
  }
  return decision
}

export function denied(decision: AccessDenied): HttpError {
  return new HttpError(decision.status, decision.reason, decision.message)
}

export const EVERY_ROLE: Role[] = ['facilitator', 'participant', 'viewer']
