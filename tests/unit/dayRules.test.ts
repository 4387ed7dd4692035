import { describe, expect, it } from 'vitest'
import { checkBallot, type BallotLimits, type GivenBallots } from '../../shared/day/votes'
import { startTimer } from '../../shared/day/timer'
import { newDayRecord } from '../../server/day/DayRecord'
import { inputHoldOn, workshopInputPaused } from '../../server/day/inputHold'

const split: BallotLimits = {
  votesPerPerson: 3,
  maxPerItem: null,
  budgets: { hindering: 2, enabling: 1 },
}

describe('ballots under separate budgets', () => {
  it('counts each vote against the polarity it was first given under', () => {
    const given: GivenBallots = { a: { votes: 1, polarity: 'enabling' } }
    expect(checkBallot(given, 'b', 1, split, 'enabling')).toEqual({
      ok: false,
      reason: 'polarityBudgetSpent',
    })
    // Note a was switched to hindering since: its votes still count as enabling.
    expect(checkBallot(given, 'a', 1, split, 'hindering')).toMatchObject({ ok: false })
    expect(checkBallot(given, 'c', 1, split, 'hindering')).toEqual({
      ok: true,
      votes: 1,
      remaining: 1,
      remainingByPolarity: { hindering: 1, enabling: 0 },
    })
    expect(checkBallot(given, 'a', -1, split, 'hindering')).toEqual({
      ok: true,
      votes: 0,
      remaining: 3,
      remainingByPolarity: { hindering: 2, enabling: 1 },
    })
  })

  it('refuses an undecided note, and keeps one budget without separate ones', () => {
    expect(checkBallot({}, 'u', 1, split, null)).toMatchObject({ ok: false })
    const single = { ...split, budgets: null }
    expect(checkBallot({}, 'u', 1, single, null)).toMatchObject({
      ok: true,
      remainingByPolarity: null,
    })
  })
})

describe("holding participants' input", () => {
  it('holds a board under control, in a locked step, and when its timer ran out', () => {
    const day = newDayRecord('sv')
    expect(inputHoldOn(day, 'b1', 0)).toBeUndefined()
    day.attention = [
      {
        boardId: 'b1',
        mode: 'control',
        bounds: { x: 0, y: 0, w: 1, h: 1 },
        spotlightId: null,
        at: 0,
      },
    ]
    expect(inputHoldOn(day, 'b1', 0)).toBe('control')
    expect(inputHoldOn(day, 'b2', 0)).toBeUndefined()
    day.attention = []
    day.timer = startTimer(60, 0, { pauseInputAtEnd: true, boardId: 'b2' })
    expect(inputHoldOn(day, 'b2', 59_000)).toBeUndefined()
    expect(inputHoldOn(day, 'b2', 60_000)).toBe('timeUp')
    // A board's timer holds that board, not the workshop.
    expect(inputHoldOn(day, 'b1', 60_000)).toBeUndefined()
    expect(workshopInputPaused(day, 60_000)).toBe(false)
    day.currentStepId = day.agenda[0]!.id
    day.agenda[0]!.mode = 'locked'
    expect(inputHoldOn(day, 'b1', 0)).toBe('lockedStep')
    expect(workshopInputPaused(day, 0)).toBe(true)
  })
})
