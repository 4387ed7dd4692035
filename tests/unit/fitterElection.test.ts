import { describe, expect, it } from 'vitest'
import { FITTER_FIELD, isElectedFitter } from '../../client/board/factors/fitterElection'

const editor = { [FITTER_FIELD]: true }
const viewer = {}

describe('the client that fits notes to their text', () => {
  it('is one editing client: the lowest id present', () => {
    const states = new Map<number, Record<string, unknown>>([
      [7, editor],
      [3, editor],
      [9, editor],
    ])
    expect([3, 7, 9].filter((id) => isElectedFitter(id, states))).toEqual([3])
  })

  it('is never a viewer, even one with a lower id', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, viewer],
      [5, editor],
    ])
    expect(isElectedFitter(1, states)).toBe(false)
    expect(isElectedFitter(5, states)).toBe(true)
  })

  it('is nobody who has not offered to fit yet', () => {
    expect(isElectedFitter(2, new Map())).toBe(false)
  })
})
