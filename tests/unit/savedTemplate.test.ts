import { describe, expect, it } from 'vitest'
import { PAGE_ID } from '../../shared/board/shapeRecords'
import { boundsOf, intersects } from '../../shared/factors/rect'
import { isShape } from '../../shared/factors/recordFields'
import { pageBounds, recordsById } from '../../shared/factors/shapeBounds'
import { findBuiltInTemplate } from '../../shared/templates'
import {
  placeBesideBoard,
  savedTemplateAsTemplate,
  templateShapes,
  withFreshIds,
} from '../../shared/templates/savedTemplate'
import { idCounter } from './factorFixture'

const keyAreas = findBuiltInTemplate('key-areas')!.build({ language: 'sv', newId: idCounter() })

describe('saved templates', () => {
  it('keeps only shapes of a board', () => {
    const page = { id: PAGE_ID, typeName: 'page', name: 'Tavla', index: 'a1', meta: {} }
    expect(templateShapes([page, ...keyAreas])).toEqual(keyAreas)
  })

  it('gives every shape a fresh id and remaps children to their parent’s new id', () => {
    const copy = withFreshIds(keyAreas, idCounter('shape:copy'))
    const oldIds = new Set(keyAreas.map((s) => s.id))
    expect(copy.some((s) => oldIds.has(s.id))).toBe(false)
    expect(new Set(copy.map((s) => s.id)).size).toBe(copy.length)
    const newIds = new Set(copy.map((s) => s.id))
    copy.forEach((shape, i) => {
      const original = keyAreas[i]!
      if (original.parentId === PAGE_ID) expect(shape.parentId).toBe(PAGE_ID)
      else expect(newIds.has(shape.parentId as string)).toBe(true)
      expect({ ...shape, id: original.id, parentId: original.parentId }).toEqual(original)
    })
  })

  it('builds a saved template twice without shared ids', () => {
    const template = savedTemplateAsTemplate({
      id: 'saved-x',
      title: 'Vår mall',
      records: keyAreas,
      createdAt: 0,
    })
    const newId = idCounter('shape:b')
    const first = template.build({ language: 'en', newId })
    const second = template.build({ language: 'en', newId })
    expect(template.title.en).toBe('Vår mall')
    expect(first.filter((a) => second.some((b) => b.id === a.id))).toEqual([])
  })

  it('places a template to the right of the board’s content, stacked above it', () => {
    const board = findBuiltInTemplate('hindering-enabling')!.build({
      language: 'sv',
      newId: idCounter('shape:board'),
    })
    const shapes = withFreshIds(keyAreas, idCounter('shape:new'))
    const placed = placeBesideBoard(board, shapes)
    const boardBounds = boundsOf(board.map((s) => pageBounds(s, recordsById(board))))!
    const placedById = recordsById(placed)
    for (const shape of placed.filter(isShape)) {
      const bounds = pageBounds(shape, placedById)
      expect(intersects(bounds, boardBounds)).toBe(false)
      expect(bounds.x).toBeGreaterThan(boardBounds.x + boardBounds.w)
    }
    const topBoardIndex = board
      .map((s) => String(s.index))
      .sort()
      .at(-1)!
    for (const shape of placed.filter((s) => s.parentId === PAGE_ID)) {
      expect(String(shape.index) > topBoardIndex).toBe(true)
    }
    // Children keep their position inside their parent.
    const child = placed.find((s) => s.parentId !== PAGE_ID)!
    expect(child.x).toBe(shapes.find((s) => s.id === child.id)!.x)
  })
})
