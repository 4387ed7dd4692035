import * as Y from 'yjs'
import { createTLSchema } from '@tldraw/tlschema'
import { recordsMap } from '../../shared/board/boardDoc'
import type { Role } from '../../shared/workshopContracts'
import { facilitatorLockedIds, facilitatorLockRule, isFacilitatorLocked } from './facilitatorLock'

const schema = createTLSchema()
const documentTypes = new Set<string>(
  Object.values(schema.types)
    .filter((type) => type.scope === 'document')
    .map((type) => type.typeName),
)

export type GateResult =
  | { ok: true }
  | { ok: false; reason: 'corruptUpdate' | 'invalidRecord' | 'forbidden'; detail: string }

/**
 * Checks an incoming update before it touches a room's doc: the update is applied to a shadow
 * copy first, and every record it creates or changes must be a valid tldraw document record.
 * Only then may the caller apply it to the real doc, so an invalid record never reaches
 * peers or storage. A rejected update pollutes only the shadow, which is rebuilt.
 */
export class UpdateGate {
  private shadow: Y.Doc
  /** Records the facilitator locked, as of the shadow: the "before" of the lock rule. */
  private locked: Set<string>

  constructor(private readonly doc: Y.Doc) {
    this.shadow = this.copyOfDoc()
    this.locked = facilitatorLockedIds(this.shadow)
  }

  check(update: Uint8Array, role: Role = 'participant'): GateResult {
    const changed = new Set<string>()
    const collect = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        const top = event.path[0]
        if (typeof top === 'string') changed.add(top)
        else if (event instanceof Y.YMapEvent) for (const key of event.keysChanged) changed.add(key)
      }
    }
    const records = recordsMap(this.shadow)
    records.observeDeep(collect)
    try {
      Y.applyUpdate(this.shadow, update)
    } catch (error) {
      this.rebuild()
      return { ok: false, reason: 'corruptUpdate', detail: String(error) }
    } finally {
      records.unobserveDeep(collect)
    }
    for (const id of changed) {
      const problem = recordProblem(id, records.get(id))
      if (problem) {
        this.rebuild()
        return { ok: false, reason: 'invalidRecord', detail: `${id}: ${problem}` }
      }
    }
    const refused = facilitatorLockRule({
      role,
      changedIds: changed,
      lockedBefore: (id) => this.locked.has(id),
      lockedAfter: (id) => isFacilitatorLocked(records.get(id)),
    })
    if (refused) {
      this.rebuild()
      return { ok: false, reason: 'forbidden', detail: refused }
    }
    for (const id of changed) {
      if (isFacilitatorLocked(records.get(id))) this.locked.add(id)
      else this.locked.delete(id)
    }
    return { ok: true }
  }

  /** Keeps the shadow in step with changes made to the real doc by the server itself. */
  mirror(update: Uint8Array) {
    Y.applyUpdate(this.shadow, update)
    this.locked = facilitatorLockedIds(this.shadow)
  }

  destroy() {
    this.shadow.destroy()
  }

  private rebuild() {
    this.shadow.destroy()
    this.shadow = this.copyOfDoc()
    this.locked = facilitatorLockedIds(this.shadow)
  }

  private copyOfDoc() {
    const copy = new Y.Doc({ gc: true })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
    return copy
  }
}

function recordProblem(id: string, value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (!(value instanceof Y.Map)) return 'a record must be a map'
  const record = value.toJSON() as { id?: unknown; typeName?: unknown }
  if (record.id !== id) return 'record id does not match its key'
  if (typeof record.typeName !== 'string' || !documentTypes.has(record.typeName)) {
    return `unknown record type ${String(record.typeName)}`
  }
  try {
    const types = schema.types as Record<string, { validate(record: unknown): unknown }>
    types[record.typeName]!.validate(record)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
