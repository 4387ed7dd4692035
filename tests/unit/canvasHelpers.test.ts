import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  observeBoardSettings,
  readBoardSettings,
  writeBoardSettings,
} from '../../shared/board/boardSettings'
import { metaMap } from '../../shared/board/boardDoc'
import { findFreeSpot, FREE_SPOT_GAP } from '../../shared/factors/findFreeSpot'
import { intersects } from '../../shared/factors/rect'
import { splitSideAt } from '../../shared/factors/splitSideAt'
import { keyAreasTemplate } from '../../shared/templates/keyAreas'
import { isCluster } from '../../shared/factors/isCluster'

describe('board settings', () => {
  it('are not anonymous on a new board', () => {
    expect(readBoardSettings(new Y.Doc())).toEqual({ anonymous: false })
  })

  it('keep what was written and tell observers on other docs', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update))
    const seen: boolean[] = []
    observeBoardSettings(b, (settings) => seen.push(settings.anonymous))
    writeBoardSettings(a, { anonymous: true })
    expect(readBoardSettings(b).anonymous).toBe(true)
    expect(seen).toEqual([true])
  })

  it('fall back to the defaults when the stored value is broken', () => {
    const doc = new Y.Doc()
    metaMap(doc).set('boardSettings', '{not json')
    expect(readBoardSettings(doc)).toEqual({ anonymous: false })
  })
})

describe('findFreeSpot', () => {
  it('uses the origin on an empty board', () => {
    expect(findFreeSpot([], { w: 400, h: 300 }, { x: 10, y: 20 })).toEqual({ x: 10, y: 20 })
  })

  it('fills a hole in a grid of frames, keeping the gap to every neighbour', () => {
    const frame = (x: number, y: number) => ({ x, y, w: 1000, h: 700 })
    const occupied = [
      frame(0, 0),
      frame(1400, 0),
      frame(2800, 0),
      frame(0, 1000),
      frame(2800, 1000),
    ]
    const size = { w: 480, h: 240 }
    const spot = findFreeSpot(occupied, size, { x: 0, y: 0 })
    const placed = { ...spot, ...size }
    expect(spot.x).toBeGreaterThan(1000)
    expect(spot.x + size.w).toBeLessThan(2800)
    for (const rect of occupied) {
      const grown = {
        x: rect.x - FREE_SPOT_GAP,
        y: rect.y - FREE_SPOT_GAP,
        w: rect.w + 2 * FREE_SPOT_GAP,
        h: rect.h + 2 * FREE_SPOT_GAP,
      }
      expect(intersects(grown, placed)).toBe(false)
    }
  })

  it('goes below everything when the board has no hole', () => {
    const occupied = [{ x: 0, y: 0, w: 1000, h: 700 }]
    expect(findFreeSpot(occupied, { w: 480, h: 240 }, { x: 0, y: 0 })).toEqual({
      x: 0,
      y: 700 + FREE_SPOT_GAP,
    })
  })
})

describe('splitSideAt', () => {
  const records = keyAreasTemplate.build({ language: 'sv', newId: idCounter() })
  const frame = records.find(isCluster)!

  it('names the half of a key-area cluster under a point', () => {
    expect(splitSideAt(frame.id, records, { x: 200, y: 300 })).toBe('hindering')
    expect(splitSideAt(frame.id, records, { x: 800, y: 300 })).toBe('enabling')
  })

  it('names no half for a point on the frame edge or a frame without halves', () => {
    expect(splitSideAt(frame.id, records, { x: 5, y: 5 })).toBeUndefined()
    expect(splitSideAt('shape:plain', records, { x: 200, y: 300 })).toBeUndefined()
  })
})

function idCounter() {
  let n = 0
  return (kind: string) => `${kind}:${++n}`
}
