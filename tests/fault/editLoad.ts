import type * as Y from 'yjs'
import { readRecords, writeRecords, type RecordJson } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'

/**
 * One client's steady stream of edits: it creates notes with ids of its own and moves them.
 * A note's x only ever grows, so "a peer saw x = 7" means storage must hold x ≥ 7.
 */
export class EditLoad {
  /** This client's notes; nobody else changes them, so the copy stays exact. */
  private readonly notes: RecordJson[] = []
  private nextX = 1
  private timer: ReturnType<typeof setInterval> | undefined

  constructor(
    readonly author: string,
    private readonly doc: Y.Doc,
  ) {}

  start(everyMs: number) {
    this.timer = setInterval(() => this.edit(), everyMs)
  }

  stop() {
    clearInterval(this.timer)
  }

  edit() {
    const x = this.nextX++
    const index = x % (this.notes.length + 1)
    const moved = this.notes[index]
    const id = `shape:${this.author}-${this.notes.length}`
    const placement = { id, x, y: 0, index: 'a1V', meta: { author: this.author } }
    const note = moved ? { ...moved, x } : noteShape(placement, { text: id, color: 'yellow' })
    this.notes[index] = note
    this.doc.transact(() => writeRecords(this.doc, [note]))
  }
}

/** Every note's largest x a doc holds, by id; with `except`, only notes by other authors. */
export function noteXs(doc: Y.Doc, except?: string): Map<string, number> {
  const xs = new Map<string, number>()
  for (const record of readRecords(doc)) {
    const author = (record.meta as { author?: string } | undefined)?.author
    if (record.typeName !== 'shape' || !author || author === except) continue
    xs.set(record.id, record.x as number)
  }
  return xs
}

/** Merges `more` into `into`, keeping the larger x of each note. */
export function mergeMax(into: Map<string, number>, more: Map<string, number>) {
  for (const [id, x] of more) into.set(id, Math.max(into.get(id) ?? -Infinity, x))
}

/** Notes of `expected` that `actual` lacks or holds at an older position. */
export function missingFrom(actual: Map<string, number>, expected: Map<string, number>) {
  return [...expected]
    .filter(([id, x]) => (actual.get(id) ?? -Infinity) < x)
    .map(([id, x]) => `${id} x=${x} (has ${actual.get(id) ?? 'nothing'})`)
}
