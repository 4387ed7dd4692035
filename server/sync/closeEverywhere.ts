import type { ServerContext } from '../http/Route'

/** Closes every connection a rotated credential admitted, on this node and all the others. */
export function closeCredentialEverywhere(
  context: Pick<ServerContext, 'sync' | 'cluster'>,
  credentialId: string,
) {
  context.sync.closeWhere((connection) => connection.credentialId === credentialId, 'tokenRevoked')
  context.cluster?.closeCredential(credentialId, 'tokenRevoked')
}
