import * as Y from 'yjs'
import { getIndices } from '@tldraw/utils'
import { toRichText, type TLRecord } from '@tldraw/tlschema'
import type { Store } from '@tldraw/store'
import { readRecords, type RecordJson } from '../../../shared/board/boardDoc'
import { noteShape } from '../../../shared/board/shapeRecords'
import { bindStoreToDoc, type StoreBinding } from '../../../shared/board/storeBinding'
import type { SyncInfo } from '../../../shared/contracts'
import { isCluster, polarityColour } from '../../../shared/factors'
import { connectProvider, waitFor, whenSynced } from '../../support/syncClients'
import { createTestStore } from '../../support/tldrawStore'
import { loadFixture } from '../quality/fixture'

export interface SessionPlan {
  participants: number
  moves: number
  creates: number
  deletes: number
  textEdits: number
  /** Operations between two waits for every participant to have every change. */
  sliceSize: number
  seed: number
}

export type OpCounts = Record<'moves' | 'creates' | 'deletes' | 'textEdits', number>

interface Participant {
  doc: Y.Doc
  store: Store<TLRecord>
  binding: StoreBinding
  provider: ReturnType<typeof connectProvider>['provider']
}

/** mulberry32: a small seeded generator, so every run replays the same day. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sameVectors = (docs: Y.Doc[]) => {
  const first = Buffer.from(Y.encodeStateVector(docs[0]!))
  return docs.every((doc) => first.equals(Buffer.from(Y.encodeStateVector(doc))))
}

/**
 * A group's day on one board, replayed as fast as the server keeps up: `participants`
 * tldraw stores, each bound to its own Y.Doc by `bindStoreToDoc` and connected with a stock
 * y-websocket client. Each operation is one person's change, flushed at once so that it
 * travels as its own update (as a real client's 60 ms batch would for a single change).
 * Creates, moves (one in ten also drops the note into another cluster or onto the page),
 * text edits and deletes are interleaved at random in their given proportions.
 */
export async function playSession(
  sync: SyncInfo,
  plan: SessionPlan,
  onProgress: (done: number, total: number) => void,
): Promise<{ counts: OpCounts; records: RecordJson[]; ms: number }> {
  const next = random(plan.seed)
  const texts = loadFixture().notes.map((note) => note.text)
  const people: Participant[] = []
  for (let i = 0; i < plan.participants; i++) {
    const { doc, provider } = connectProvider(sync)
    await whenSynced(provider)
    const store = createTestStore()
    people.push({ doc, provider, store, binding: bindStoreToDoc(store, doc) })
  }
  const docs = people.map((p) => p.doc)
  const parents = [
    'page:page',
    ...readRecords(people[0]!.doc)
      .filter(isCluster)
      .map((r) => r.id),
  ]
  const remaining: OpCounts = {
    moves: plan.moves,
    creates: plan.creates,
    deletes: plan.deletes,
    textEdits: plan.textEdits,
  }
  const counts: OpCounts = { moves: 0, creates: 0, deletes: 0, textEdits: 0 }
  const alive: string[] = []
  const indices = getIndices(plan.creates)
  const creator = new Map<string, number>()
  const total = plan.moves + plan.creates + plan.deletes + plan.textEdits
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!

  /** The acting person, or the note's creator if the note has not reached them yet. */
  const actor = (id: string) => {
    const person = pick(people)
    return person.store.has(id as TLRecord['id']) ? person : people[creator.get(id)!]!
  }
  const commit = (person: Participant) => {
    person.store._flushHistory()
    person.binding.flush()
  }

  const started = performance.now()
  for (let done = 0; done < total; done++) {
    const canEdit = alive.length > 0
    const weights = {
      creates: remaining.creates,
      moves: canEdit ? remaining.moves : 0,
      textEdits: canEdit ? remaining.textEdits : 0,
      // Deletes wait until the board has notes to spare, as people tidy later in the day.
      deletes: alive.length > 50 ? remaining.deletes : 0,
    }
    let roll = next() * Object.values(weights).reduce((a, b) => a + b, 0)
    const op = (Object.keys(weights) as (keyof OpCounts)[]).find(
      (key) => (roll -= weights[key]) < 0,
    )
    if (!op) throw new Error('no operation left to choose')
    remaining[op]--
    counts[op]++

    if (op === 'creates') {
      const who = Math.floor(next() * people.length)
      const id = `shape:day-${counts.creates}`
      const note = noteShape(
        {
          id,
          x: Math.round(next() * 4000),
          y: Math.round(next() * 2500),
          index: indices[counts.creates]!,
          meta: { polarity: next() < 0.5 ? 'hindering' : 'enabling', createdAt: Date.now() },
        },
        {
          text: pick(texts),
          color: next() < 0.5 ? polarityColour.hindering : polarityColour.enabling,
        },
      )
      people[who]!.store.put([note as unknown as TLRecord])
      commit(people[who]!)
      alive.push(id)
      creator.set(id, who)
    } else {
      const index = Math.floor(next() * alive.length)
      const id = alive[index]!
      const person = actor(id)
      const record = person.store.get(id as TLRecord['id'])!
      if (op === 'deletes') {
        person.store.remove([record.id])
        alive.splice(index, 1)
      } else if (op === 'moves') {
        const dropped = counts.moves % 10 === 0
        person.store.put([
          {
            ...record,
            x: Math.round(next() * 900),
            y: Math.round(next() * 600),
            ...(dropped ? { parentId: pick(parents) } : {}),
          } as TLRecord,
        ])
      } else {
        const text = `${pick(texts)} (${counts.textEdits})`
        const props = { ...(record as { props: object }).props, richText: toRichText(text) }
        person.store.put([{ ...record, props } as TLRecord])
      }
      commit(person)
    }
    if ((done + 1) % plan.sliceSize === 0 || done + 1 === total) {
      await waitFor(() => sameVectors(docs), 120_000)
      onProgress(done + 1, total)
    }
  }
  const ms = performance.now() - started
  const records = readRecords(people[0]!.doc)
  for (const person of people) {
    person.binding.dispose()
    person.provider.destroy()
    person.doc.destroy()
  }
  return { counts, records, ms }
}
