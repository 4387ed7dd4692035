import * as Y from 'yjs'
import { readRecords, writeRecords, type RecordJson } from '../board/boardDoc'
import { richText } from '../board/shapeRecords'
import type { JsonValue } from '../board/yjsValue'
import { factorText, isCluster } from '../factors'
import { meta, numberOr, parentIdOf, props } from '../factors/recordFields'
import type { GroupFactor, MergeSimilarFactorsOptions } from '../similarity'
import type { Synthesis, SynthesisEntry, SynthesisKeyArea } from '../workshopContracts'
import {
  emptyGatherState,
  factorRef,
  readGatherState,
  writeGatherState,
  type FactorRef,
  type GatherState,
} from './gatherState'
import {
  entryNote,
  frameHeightFor,
  indicesAbove,
  freeSlot,
  keyAreaFrame,
  nextFrameX,
  stackGatherFrame,
  FRAME_WIDTH,
} from './gatherLayout'
import { entryText, namedByLine, type GatherLanguage } from './namedBy'
import {
  centralWording,
  gatherKeyAreas,
  SYNTHESIS_POLARITIES,
  synthesize,
  type GroupOutcome,
  type SynthesisPolarity,
} from './synthesis'

export { entryText, namedByLine, type GatherLanguage } from './namedBy'

export interface GatherInput {
  /** The plenary board's records now. */
  records: readonly RecordJson[]
  /** What the plenary remembers of its last gathering; undefined the first time. */
  state: GatherState | undefined
  groups: readonly GroupOutcome[]
  language: GatherLanguage
  newId: () => string
  /** How factors are compared, e.g. with a model's embeddings; the built-in method if left out. */
  similarity?: MergeSimilarFactorsOptions
}

export interface GatherPlan {
  put: RecordJson[]
  remove: string[]
  state: GatherState
  /** The synthesis as the plenary board shows it after the plan is applied. */
  synthesis: Synthesis
}

interface CurrentFactor extends GroupFactor {
  keyAreaKey: string
  polarity: SynthesisPolarity
}

/**
 * Plans writing the groups' synthesis into the plenary board, keeping what the facilitator
 * did there since the last time:
 * - key areas are matched by the frame's `meta.keyAreaKey`, so a renamed frame keeps its name;
 * - an entry whose note text was edited keeps that text (only its "named by" line updates);
 * - entries merged or split by hand keep their factors (tracked in the state, not re-merged);
 * - a new factor joins the entry holding most of the factors it merges with now, or else
 *   forms a new entry with the other new factors it merges with;
 * - a factor gone from its group (or moved to another key area or polarity) leaves its
 *   entry, and an entry left with no factor disappears;
 * - an entry whose note the facilitator deleted stays away.
 */
export function planGather(input: GatherInput): GatherPlan {
  const { records, groups, language, newId } = input
  const state = structuredClone(input.state ?? emptyGatherState())
  const byId = new Map(records.map((record) => [record.id, record]))
  const areas = gatherKeyAreas(groups)
  const current = currentFactors(areas)

  for (const entry of Object.values(state.entries)) {
    entry.factors = entry.factors.filter((ref) => {
      const factor = current.get(ref)
      return factor?.keyAreaKey === entry.keyAreaKey && factor.polarity === entry.polarity
    })
    if (!entry.dismissed && !byId.has(entry.noteId)) entry.dismissed = true
  }
  const owner = new Map<FactorRef, string>()
  for (const [key, entry] of Object.entries(state.entries)) {
    for (const ref of entry.factors) owner.set(ref, key)
  }

  const fresh = synthesize(groups, input.similarity)
  for (const area of fresh.keyAreas) {
    for (const polarity of SYNTHESIS_POLARITIES) {
      for (const merged of area[polarity]) {
        const refs = merged.wordings.map((w) => factorRef(w.groupId, w.factorId))
        const unclaimed = refs.filter((ref) => !owner.has(ref))
        if (unclaimed.length === 0) continue
        const target = bestOwner(refs, owner, state) ?? newEntry(state, area.key, polarity, newId())
        for (const ref of unclaimed) {
          state.entries[target]!.factors.push(ref)
          owner.set(ref, target)
        }
      }
    }
  }

  const remove: string[] = []
  for (const [key, entry] of Object.entries(state.entries)) {
    if (entry.factors.length > 0) continue
    if (!entry.dismissed && byId.has(entry.noteId)) remove.push(entry.noteId)
    delete state.entries[key]
  }

  const nextIndex = indicesAbove(records, Object.keys(state.entries).length + areas.length)
  const put: RecordJson[] = []
  const frames = placeFrames(state, areas, byId, records, nextIndex, put)
  const view = new Map<string, SynthesisKeyArea>()
  const slots = new Map<string, number>()
  for (const [key, entry] of Object.entries(state.entries)) {
    if (entry.dismissed) continue
    const frame = frames.get(entry.keyAreaKey)!
    const wordings = entry.factors.map((ref) => current.get(ref)!)
    const central = centralWording(wordings, input.similarity)
    const note = byId.get(entry.noteId)
    const edited = note !== undefined && entryText(factorText(note)) !== entry.generatedText
    const text = edited ? entryText(factorText(note)) : central.text
    if (!edited) entry.generatedText = central.text
    const body = `${text}\n${namedByLine(language, central.groups.length, groups.length)}`
    const why = entry.byHand
      ? { ...(central.why ?? { sharedIdea: [], confidence: 0 }), byHand: true }
      : central.why
    const noteMeta = {
      polarity: entry.polarity,
      createdAt: numberOr(note ? meta(note).createdAt : undefined, Date.now()),
      synthesisKey: key,
      groups: central.groups,
      wordings: central.wordings.map((w) => ({ ...w })),
      ...(why ? { why } : {}),
    } as unknown as JsonValue
    if (note) {
      put.push({ ...note, props: { ...props(note), richText: richText(body) }, meta: noteMeta })
    } else {
      const slot = nextSlot(slots, records, frame.id, entry.polarity)
      put.push({
        ...entryNote(entry.noteId, frame.id, entry.polarity, slot, body, nextIndex()),
        meta: noteMeta,
      })
      growFrame(frame, slot, put)
    }
    const area = viewArea(view, entry.keyAreaKey, frame)
    area[entry.polarity].push({ ...central, text, ...(why ? { why } : {}) })
  }
  restackFrames(records, frames, put, remove)
  return {
    put,
    remove,
    state,
    synthesis: { groups: fresh.groups, keyAreas: orderedView(view, areas) },
  }
}

/** Lays every gathered frame out again by its notes' sizes once the plan's notes are in. */
function restackFrames(
  records: readonly RecordJson[],
  frames: ReadonlyMap<string, RecordJson>,
  put: RecordJson[],
  remove: readonly string[],
) {
  const final = new Map(records.map((record) => [record.id, record]))
  for (const id of remove) final.delete(id)
  for (const record of put) final.set(record.id, record)
  for (const { id } of frames.values()) {
    const children = [...final.values()].filter((record) => parentIdOf(record) === id)
    for (const changed of stackGatherFrame(final.get(id)!, children)) {
      final.set(changed.id, changed)
      const at = put.findIndex((record) => record.id === changed.id)
      if (at >= 0) put[at] = changed
      else put.push(changed)
    }
  }
}

function currentFactors(areas: ReturnType<typeof gatherKeyAreas>): Map<FactorRef, CurrentFactor> {
  const current = new Map<FactorRef, CurrentFactor>()
  for (const area of areas) {
    for (const polarity of SYNTHESIS_POLARITIES) {
      for (const factor of area.factors[polarity]) {
        current.set(factorRef(factor.groupId, factor.factorId), {
          ...factor,
          keyAreaKey: area.key,
          polarity,
        })
      }
    }
  }
  return current
}

/** The live entry that already holds most of `refs`; ties go to the first such entry's key. */
function bestOwner(
  refs: readonly FactorRef[],
  owner: ReadonlyMap<FactorRef, string>,
  state: GatherState,
): string | undefined {
  const votes = new Map<string, number>()
  for (const ref of refs) {
    const key = owner.get(ref)
    if (key && !state.entries[key]?.dismissed) votes.set(key, (votes.get(key) ?? 0) + 1)
  }
  let best: string | undefined
  for (const [key, count] of votes) {
    if (!best || count > votes.get(best)! || (count === votes.get(best)! && key < best)) best = key
  }
  return best
}

function newEntry(
  state: GatherState,
  keyAreaKey: string,
  polarity: SynthesisPolarity,
  noteId: string,
): string {
  const key = noteId.replace(/^shape:/, '')
  state.entries[key] = { keyAreaKey, polarity, noteId, factors: [], generatedText: '' }
  return key
}

/** The frame of each key area with live entries: the tracked one if it still exists, else a new one. */
function placeFrames(
  state: GatherState,
  areas: ReturnType<typeof gatherKeyAreas>,
  byId: ReadonlyMap<string, RecordJson>,
  records: readonly RecordJson[],
  nextIndex: () => string,
  put: RecordJson[],
): Map<string, RecordJson> {
  const needed = new Set(
    Object.values(state.entries)
      .filter((entry) => !entry.dismissed)
      .map((entry) => entry.keyAreaKey),
  )
  const frames = new Map<string, RecordJson>()
  let x = nextFrameX(records)
  for (const area of areas) {
    if (!needed.has(area.key)) continue
    const existing = byId.get(state.keyAreas[area.key]?.frameId ?? '')
    if (existing && isCluster(existing)) {
      frames.set(area.key, existing)
      continue
    }
    const frame = keyAreaFrame(`shape:${frameIdFor(area.key, byId)}`, area.name, x, nextIndex())
    frame.meta = { kind: 'cluster', keyAreaKey: area.key }
    x += FRAME_WIDTH + 60
    put.push(frame)
    frames.set(area.key, frame)
    state.keyAreas[area.key] = { frameId: frame.id }
  }
  return frames
}

/** A readable, unused frame id for a key area ("shape:area-ledarskap", "-2" if taken). */
function frameIdFor(key: string, byId: ReadonlyMap<string, RecordJson>): string {
  const base = `area-${key.replace(/[^\p{L}\p{N}]+/gu, '-')}`
  let id = base
  for (let n = 2; byId.has(`shape:${id}`); n++) id = `${base}-${n}`
  return id
}

/** The next free row of a polarity's column in a frame. */
function nextSlot(
  slots: Map<string, number>,
  records: readonly RecordJson[],
  frameId: string,
  polarity: SynthesisPolarity,
): number {
  const key = `${frameId}/${polarity}`
  let slot = slots.get(key)
  slot ??= freeSlot(records, frameId, polarity)
  slots.set(key, slot + 1)
  return slot
}

/** Makes a frame tall enough for a note in `slot` (frames only grow). */
function growFrame(frame: RecordJson, slot: number, put: RecordJson[]) {
  const h = frameHeightFor(slot + 1)
  if (numberOr(props(frame).h, 0) >= h) return
  frame.props = { ...props(frame), h }
  if (!put.includes(frame)) put.push(frame)
}

function viewArea(
  view: Map<string, SynthesisKeyArea>,
  key: string,
  frame: RecordJson,
): SynthesisKeyArea {
  let area = view.get(key)
  if (!area) {
    area = { key, name: String(props(frame).name ?? ''), hindering: [], enabling: [] }
    view.set(key, area)
  }
  return area
}

/** Key areas in the groups' order; entries most-named first, as the fresh synthesis sorts them. */
function orderedView(
  view: Map<string, SynthesisKeyArea>,
  areas: ReturnType<typeof gatherKeyAreas>,
): SynthesisKeyArea[] {
  const byNamed = (a: SynthesisEntry, b: SynthesisEntry) =>
    b.groups.length - a.groups.length || b.wordings.length - a.wordings.length
  return areas
    .map((area) => view.get(area.key))
    .filter((area): area is SynthesisKeyArea => area !== undefined)
    .map((area) => ({
      ...area,
      hindering: area.hindering.sort(byNamed),
      enabling: area.enabling.sort(byNamed),
    }))
}

/** Gathers the groups' synthesis into a plenary doc in one transaction; returns what it shows. */
export function gatherIntoDoc(
  doc: Y.Doc,
  groups: readonly GroupOutcome[],
  language: GatherLanguage,
  newId: () => string,
  origin: unknown = 'server',
): Synthesis {
  const plan = planGather({
    records: readRecords(doc),
    state: readGatherState(doc),
    groups,
    language,
    newId,
  })
  doc.transact(() => {
    writeRecords(doc, plan.put, plan.remove)
    writeGatherState(doc, plan.state)
  }, origin)
  return plan.synthesis
}

/** The synthesis the plenary would show if gathered now, without writing anything. */
export function previewGather(
  doc: Y.Doc,
  groups: readonly GroupOutcome[],
  language: GatherLanguage,
): Synthesis {
  let n = 0
  return planGather({
    records: readRecords(doc),
    state: readGatherState(doc),
    groups,
    language,
    newId: () => `shape:preview${++n}`,
  }).synthesis
}
