import * as Y from 'yjs'
import { createTLSchema } from '@tldraw/tlschema'
import { metaMap, recordsMap, type RecordJson } from '../../shared/board/boardDoc'
import { boundedJson, isRootType } from '../../shared/board/docLayout'
import { decodeRecord } from '../../shared/board/recordLayout'
import { metaValueProblem } from '../../shared/board/metaKeys'
import { addsPastRecordLimit } from '../../shared/board/recordLimit'
import type { JsonValue } from '../../shared/board/yjsValue'
import { applyStoredDoc } from '../storage/storedDoc'
import type { StoredDoc } from '../storage/Storage'
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
      /** What it changed, each with the state before (empty for an update changing nothing). */
      changes: DocChange[]
    }
  | {
      ok: false
      reason: 'corruptUpdate' | 'invalidRecord' | 'writeForbidden' | 'inputPaused' | 'docTooLarge'
      detail: string
    }

// Yjs types its shared types by their event; any will do here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>

type StoredRows = Pick<StoredDoc, 'snapshot' | 'updates'>

/** What one update touched, by top-level type and key. */
interface Touched {
  records: Set<string>
  meta: Set<string>
  problem: string | undefined
}

/** Where the gate reads a change's state before the update. */
interface StateBefore {
  record(id: string): RecordJson | undefined
  meta(key: string): JsonValue | undefined
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
  private readonly before: StateBefore

  constructor(
    private readonly doc: Y.Doc,
    /** Records a board may hold; an update that adds records past it is refused. */
    private readonly maxRecords = Number.POSITIVE_INFINITY,
  ) {
    this.shadow = this.copyOfDoc()
    this.before = { record: (id) => readBounded(doc, id), meta: (key) => readMeta(doc, key) }
  }

  check(update: Uint8Array, writer: WriteContext): GateResult {
    const result = checkOn(this.shadow, this.before, update, writer, this.maxRecords)
    if (!result.ok) {
      this.shadow.destroy()
      this.shadow = this.copyOfDoc()
    }
    return result
  }

  /** Keeps the shadow in step with changes made to the real doc by the server itself. */
  mirror(update: Uint8Array) {
    Y.applyUpdate(this.shadow, update)
  }

  destroy() {
    this.shadow.destroy()
  }

  private copyOfDoc() {
    const copy = new Y.Doc({ gc: true })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
    return withLayoutTypes(copy)
  }
}

/**
 * Checks one update against a stored doc (an earlier epoch's base), as a gate over that doc
 * would, but decodes the stored bytes once: the shadow is built from them, and the states
 * before are read from it before the update goes in. Only what the update holds beyond the
 * stored doc is applied: the rest (most of a whole copy) would change nothing, and cutting
 * it from the bytes costs a fraction of applying it. For a single check (a rescue); a room
 * keeps an UpdateGate.
 */
export function checkAgainstStored(
  stored: StoredRows,
  update: Uint8Array,
  writer: WriteContext,
  maxRecords = Number.POSITIVE_INFINITY,
): GateResult {
  const shadow = new Y.Doc({ gc: true })
  try {
    applyStoredDoc(shadow, stored)
    withLayoutTypes(shadow)
    let news: Uint8Array
    try {
      news = Y.diffUpdate(update, Y.encodeStateVector(shadow))
    } catch (error) {
      return { ok: false, reason: 'corruptUpdate', detail: String(error) }
    }
    return checkOn(shadow, stateOf(shadow), news, writer, maxRecords)
  } finally {
    shadow.destroy()
  }
}

/** Every record and meta value of `doc` as it is now, kept apart from later changes to it. */
function stateOf(doc: Y.Doc): StateBefore {
  const records = new Map([...recordsMap(doc).keys()].map((id) => [id, readBounded(doc, id)]))
  const meta = new Map([...metaMap(doc).keys()].map((key) => [key, readMeta(doc, key)]))
  return { record: (id) => records.get(id), meta: (key) => meta.get(key) }
}

/** Defines both as maps, so content of any other kind under their names is seen as such. */
function withLayoutTypes(doc: Y.Doc): Y.Doc {
  recordsMap(doc)
  metaMap(doc)
  return doc
}

/** Applies `update` to `shadow` and checks what it changed; `before` holds the state before. */
function checkOn(
  shadow: Y.Doc,
  before: StateBefore,
  update: Uint8Array,
  writer: WriteContext,
  maxRecords: number,
): GateResult {
  const touched: Touched = { records: new Set(), meta: new Set(), problem: undefined }
  const recordsBefore = recordsMap(shadow).size
  const collect = (transaction: Y.Transaction) => collectTouched(shadow, transaction, touched)
  shadow.on('afterTransaction', collect)
  try {
    Y.applyUpdate(shadow, update)
  } catch (error) {
    return { ok: false, reason: 'corruptUpdate', detail: String(error) }
  } finally {
    shadow.off('afterTransaction', collect)
  }
  if (touched.problem) return { ok: false, reason: 'invalidRecord', detail: touched.problem }
  const recordsAfter = recordsMap(shadow).size
  if (addsPastRecordLimit(recordsBefore, recordsAfter, maxRecords)) {
    return { ok: false, reason: 'docTooLarge', detail: `more than ${maxRecords} records` }
  }
  const changes: DocChange[] = []
  const deleted = new Set<string>()
  try {
    for (const id of touched.records) {
      const after = recordAfter(shadow, id)
      if (!after) deleted.add(id)
      changes.push({ area: 'records', id, before: before.record(id), after })
    }
    for (const key of touched.meta) {
      const value = metaMap(shadow).get(key)
      const after = value === undefined ? undefined : boundedJson(value)
      const problem = metaValueProblem(key, after)
      if (problem) throw new InvalidChange(problem)
      changes.push({ area: 'meta', key, before: before.meta(key), after })
    }
    const cycle = cycleWithin(changes)
    if (cycle) throw new InvalidChange(`parent cycle through ${cycle}`)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: 'invalidRecord', detail }
  }
  const passed: GateResult = {
    ok: true,
    touchedRecords: touched.records,
    deletedRecords: deleted,
    changes,
  }
  // An update that changes nothing (a read-only client's sync step 2) is no write at all.
  if (changes.length === 0) return passed
  const denial = writeDenial(writer, changes)
  if (denial) return { ok: false, reason: 'writeForbidden', detail: denial }
  const held = inputHeld(writer)
  if (held) return { ok: false, reason: 'inputPaused', detail: held }
  return passed
}

function recordAfter(shadow: Y.Doc, id: string): RecordJson | undefined {
  const value = recordsMap(shadow).get(id)
  if (value === undefined) return undefined
  if (!(value instanceof Y.Map)) throw new InvalidChange(`${id}: a record must be a map`)
  const record = decodeRecord(value) as RecordJson
  const problem = recordProblem(id, record)
  if (problem) throw new InvalidChange(`${id}: ${problem}`)
  return record
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
