import {
  InstancePresenceRecordType,
  atom,
  createPresenceStateDerivation,
  react,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { Identity } from './identity'

/**
 * Live cursors: our presence record travels by awareness (never into the doc), and the
 * other people's presence records are put into the local store as remote changes.
 */
export function bindPresence(store: TLStore, awareness: Awareness, me: Identity): () => void {
  const user = atom<TLUser>('user', {
    id: `user:${me.id}` as TLUser['id'],
    typeName: 'user',
    name: me.name,
    color: me.color,
    imageUrl: '',
    meta: {},
  })
  const presenceId = InstancePresenceRecordType.createId(String(awareness.clientID))
  const presence = createPresenceStateDerivation(user, { instanceId: presenceId })(store)

  let frame = 0
  const stopReacting = react('publish presence', () => {
    const state = presence.get()
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(() => awareness.setLocalStateField('presence', state))
  })

  const onChange = ({ added, updated, removed }: Record<string, number[]>) => {
    const states = awareness.getStates()
    const put: TLInstancePresence[] = []
    const remove: TLInstancePresence['id'][] = []
    for (const clientId of [...added!, ...updated!]) {
      if (clientId === awareness.clientID) continue
      const state = states.get(clientId)?.presence as TLInstancePresence | undefined
      if (state) put.push(state)
    }
    for (const clientId of removed!) {
      remove.push(InstancePresenceRecordType.createId(String(clientId)))
    }
    store.mergeRemoteChanges(() => {
      if (remove.length > 0) store.remove(remove.filter((id) => store.has(id)))
      for (const record of put) {
        try {
          store.put([record])
        } catch {
          // A malformed presence from another client is ignored; the cursor just isn't shown.
        }
      }
    })
  }
  awareness.on('change', onChange)

  return () => {
    cancelAnimationFrame(frame)
    stopReacting()
    awareness.off('change', onChange)
    awareness.setLocalState(null)
  }
}
