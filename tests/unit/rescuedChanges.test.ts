import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { metaMap, readRecord, recordsMap, writeRecords } from '../../shared/board/boardDoc'
import { encodeSnapshot } from '../../server/storage/storedDoc'
import { rescuedChanges } from '../../server/sync/epochs/rescuedChanges'
import type { WriteContext } from '../../server/sync/writePolicy'
import { playDayOfMoves } from '../support/dayOfMoves'
import { putNote } from '../support/syncClients'

const facilitator: WriteContext = {
  role: 'facilitator',
  board: { boardId: 'b', workshopId: undefined, kind: undefined, openToAll: false },
  participantBoardId: undefined,
  inputHold: undefined,
}

/** An epoch's final doc as stored, and a browser's copy of it to edit offline. */
function baseAndCopy() {
  const copy = new Y.Doc()
  playDayOfMoves(copy, 6, 3)
  return { base: encodeSnapshot(copy), copy }
}

describe('the changes a copy of an earlier epoch holds beyond its base', () => {
  it('are the records it created, changed and deleted offline, each with its state in the base', () => {
    const { base, copy } = baseAndCopy()
    const moved = readRecord(copy, 'shape:n1')!
    copy.transact(() => {
      putNote(copy, 'shape:offline', 'Skriven utan nät')
      writeRecords(copy, [{ ...moved, x: -5 }])
      recordsMap(copy).delete('shape:n2')
      metaMap(copy).set('boardSettings', JSON.stringify({ anonymous: true }))
    })
    const verdict = rescuedChanges(base, Y.encodeStateAsUpdate(copy), facilitator, 100)
    if (!verdict.ok) throw new Error(verdict.detail)
    const byId = new Map(verdict.changes.records.map((change) => [change.id, change]))
    expect([...byId.keys()].sort()).toEqual(['shape:n1', 'shape:n2', 'shape:offline'])
    expect(byId.get('shape:offline')!.before).toBeUndefined()
    expect(byId.get('shape:n1')!.before).toEqual(moved)
    expect(byId.get('shape:n1')!.after).toEqual({ ...moved, x: -5 })
    expect(byId.get('shape:n2')!.after).toBeUndefined()
    expect(verdict.changes.meta.map((change) => change.key)).toEqual(['boardSettings'])
  })

  it('are none for a copy that holds nothing beyond its base', () => {
    const { base, copy } = baseAndCopy()
    const verdict = rescuedChanges(base, Y.encodeStateAsUpdate(copy), facilitator, 100)
    expect(verdict).toEqual({ ok: true, changes: { records: [], meta: [] } })
  })

  it('refuses a copy that is no update, and one adding records past the limit', () => {
    const { base, copy } = baseAndCopy()
    const garbage = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256)
    expect(rescuedChanges(base, garbage, facilitator, 100)).toMatchObject({
      ok: false,
      reason: 'corruptUpdate',
    })
    putNote(copy, 'shape:one-too-many', 'x')
    const full = recordsMap(copy).size - 1
    expect(rescuedChanges(base, Y.encodeStateAsUpdate(copy), facilitator, full)).toMatchObject({
      ok: false,
      reason: 'docTooLarge',
    })
  })
})
