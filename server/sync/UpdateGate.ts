import * as Y from 'yjs'
import { createTLSchema } from '@tldraw/tlschema'
import { metaMap, recordsMap, type RecordJson } from '../../shared/board/boardDoc'
import { boundedJson, isRootType } from '../../shared/board/docLayout'
import { decodeRecord } from '../../shared/board/recordLayout'
import { metaValueProblem } from '../../shared/board/metaKeys'
import { addsPastRecordLimit } from '../../shared/board/recordLimit'
import type { JsonValue } from '../../shared/board/yjsValue'
import { inputHeld, writeDenial, type DocChange, type WriteContext } from './writePolicy'

const schema = createTLSchema()
const documentTypes = new Set<string>(
  Object.values(schema.types)
    .filter((type) => type.scope === 'document')
    .map((type) => type.typeName),
)

export type GateResult =
  | {
      ok: true
      /** Ids of the records the update created, changed or deleted. */
      touchedRecords: Set<string>
      /** Of those, the ids it deleted. */
      deletedRecords: Set<string>
    }
  | {
      ok: false
      reason: 'corruptUpdate' | 'invalidRecord' | 'writeForbidden' | 'inputPaused' | 'docTooLarge'
      detail: string
    }

// Yjs types its shared types by their event; any will do here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>

type Refusal = Extract<GateResult, { ok: false }>

/** What one update touched, by top-level type and key. */
interface Touched {
  records: Set<string>
  meta: Set<string>
  problem: string | undefined
}

/**
 * Checks an incoming update before it touches a room's doc: the update is applied to a shadow
 * copy first, and every change it makes anywhere in the doc must fit the doc's layout (known
 * top-level types and meta keys, values of bounded depth), every record it creates or changes
 * must be a valid tldraw document record, it may not close a parent cycle on its own, and the
 * write policy must allow the writer each change. Only then may the caller apply it to the
 * real doc, so nothing invalid reaches peers or storage. A rejected update pollutes only the
 * shadow, which is rebuilt.
 */
export class UpdateGate {
  private shadow: Y.Doc

  constructor(
    private readonly doc: Y.Doc,
    /** Records a board may hold; an update that adds records past it is refused. */
    private readonly maxRecords = Number.POSITIVE_INFINITY,
  ) {
    this.shadow = this.copyOfDoc()
  }

  check(update: Uint8Array, writer: WriteContext): GateResult {
    const touched: Touched = { records: new Set(), meta: new Set(), problem: undefined }
    const recordsBefore = recordsMap(this.shadow).size
    const collect = (transaction: Y.Transaction) =>
      collectTouched(this.shadow, transaction, touched)
    this.shadow.on('afterTransaction', collect)
    try {
      Y.applyUpdate(this.shadow, update)
    } catch (error) {
      return this.refuse({ ok: false, reason: 'corruptUpdate', detail: String(error) })
    } finally {
      this.shadow.off('afterTransaction', collect)
    }
    if (touched.problem) {
      return this.refuse({ ok: false, reason: 'invalidRecord', detail: touched.problem })
    }
    const recordsAfter = recordsMap(this.shadow).size
    if (addsPastRecordLimit(recordsBefore, recordsAfter, this.maxRecords)) {
      const detail = `more than ${this.maxRecords} records`
      return this.refuse({ ok: false, reason: 'docTooLarge', detail })
    }
    const changes: DocChange[] = []
    const deleted = new Set<string>()
    try {
      for (const id of touched.records) {
        const after = this.recordAfter(id)
        if (!after) deleted.add(id)
        changes.push({ area: 'records', id, before: readBounded(this.doc, id), after })
      }
      for (const key of touched.meta) {
        const value = metaMap(this.shadow).get(key)
        const after = value === undefined ? undefined : boundedJson(value)
        const problem = metaValueProblem(key, after)
        if (problem) throw new InvalidChange(problem)
        changes.push({ area: 'meta', key, before: readMeta(this.doc, key), after })
      }
      const cycle = cycleWithin(changes)
      if (cycle) throw new InvalidChange(`parent cycle through ${cycle}`)
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      return this.refuse({ ok: false, reason: 'invalidRecord', detail })
    }
    // An update that changes nothing (a read-only client's sync step 2) is no write at all.
    if (changes.length === 0) {
      return { ok: true, touchedRecords: touched.records, deletedRecords: deleted }
    }
    const denial = writeDenial(writer, changes)
    if (denial) return this.refuse({ ok: false, reason: 'writeForbidden', detail: denial })
    const held = inputHeld(writer)
    if (held) return this.refuse({ ok: false, reason: 'inputPaused', detail: held })
    return { ok: true, touchedRecords: touched.records, deletedRecords: deleted }
  }

  /** Keeps the shadow in step with changes made to the real doc by the server itself. */
  mirror(update: Uint8Array) {
    Y.applyUpdate(this.shadow, update)
  }

  destroy() {
    this.shadow.destroy()
  }

  private recordAfter(id: string): RecordJson | undefined {
    const value = recordsMap(this.shadow).get(id)
    if (value === undefined) return undefined
    if (!(value instanceof Y.Map)) throw new InvalidChange(`${id}: a record must be a map`)
    const record = decodeRecord(value) as RecordJson
    const problem = recordProblem(id, record)
    if (problem) throw new InvalidChange(`${id}: ${problem}`)
    return record
  }

  private refuse(refusal: Refusal): Refusal {
    this.shadow.destroy()
    this.shadow = this.copyOfDoc()
    return refusal
  }

  private copyOfDoc() {
    const copy = new Y.Doc({ gc: true })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
    // Defines both as maps, so content of any other kind under their names is seen as such.
    recordsMap(copy)
    metaMap(copy)
    return copy
  }
}

class InvalidChange extends Error {}

/**
 * Notes which record ids and meta keys a transaction touched, and anything outside the doc's
 * layout. Walks up from each changed type to its top-level type without recursion.
 */
function collectTouched(doc: Y.Doc, transaction: Y.Transaction, touched: Touched) {
  const rootNames = new Map<AnyType, string>()
  for (const [name, type] of doc.share) rootNames.set(type, name)
  // Type → where it lives; a chain nested thousands deep is walked once, not once per level.
  const placeOf = new Map<AnyType, Place>()
  for (const [type, keys] of transaction.changed) {
    const chain: AnyType[] = []
    let current: AnyType = type
    let place = placeOf.get(current)
    while (!place && current._item) {
      chain.push(current)
      const parent = current._item.parent as AnyType
      if (!parent._item) {
        place = { root: rootNames.get(parent) ?? '?', topKey: current._item.parentSub }
      } else {
        current = parent
        place = placeOf.get(current)
      }
    }
    place ??= { root: rootNames.get(current) ?? '?', topKey: undefined }
    for (const link of chain) placeOf.set(link, place)
    if (!isRootType(place.root)) {
      touched.problem ??= `unknown top-level type ${place.root}`
      continue
    }
    const topKeys = place.topKey === undefined ? [...keys] : [place.topKey]
    for (const key of topKeys) {
      if (key === null) touched.problem ??= `${place.root} holds sequence content`
      else touched[place.root].add(key)
    }
  }
}

/** A type's top-level type, and the key under it (undefined for the top-level type itself). */
interface Place {
  root: string
  topKey: string | null | undefined
}

function readBounded(doc: Y.Doc, id: string): RecordJson | undefined {
  const value = recordsMap(doc).get(id)
  try {
    return value === undefined ? undefined : (decodeRecord(value) as RecordJson)
  } catch {
    return undefined
  }
}

function readMeta(doc: Y.Doc, key: string): JsonValue | undefined {
  const value = metaMap(doc).get(key)
  try {
    return value === undefined ? undefined : boundedJson(value)
  } catch {
    return undefined
  }
}

function recordProblem(id: string, record: RecordJson): string | undefined {
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

/**
 * A parent cycle made only of shapes whose parent this update set: no concurrent edit can
 * cause that (the writer's own board holds it), so it is refused. A cycle that only appears
 * with others' changes is repaired by the room instead.
 */
function cycleWithin(changes: DocChange[]): string | undefined {
  const newParent = new Map<string, string>()
  for (const change of changes) {
    if (change.area !== 'records' || change.after?.typeName !== 'shape') continue
    const parentId = change.after.parentId
    if (typeof parentId === 'string' && parentId !== change.before?.parentId) {
      newParent.set(change.id, parentId)
    }
  }
  const cleared = new Set<string>()
  for (const start of newParent.keys()) {
    const walked = new Set<string>()
    let current: string | undefined = start
    while (current !== undefined && newParent.has(current) && !cleared.has(current)) {
      if (walked.has(current)) return current
      walked.add(current)
      current = newParent.get(current)
    }
    for (const id of walked) cleared.add(id)
  }
  return undefined
}
