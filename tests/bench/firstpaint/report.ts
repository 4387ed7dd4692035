import { median, ms, table } from '../format'
import type { FirstPaintResult } from './firstPaintScenario'

/** Goal 1 of issue 13: our first paint at most 1.2× plain tldraw's, 300 notes under 2 s. */
export const FIRST_PAINT_GOAL = 1.2
export const SMALL_BOARD_GOAL_MS = 2000

export function firstPaintGoals(result: FirstPaintResult) {
  return result.rows.map((row) => {
    const ratio = median(row.oursMs) / median(row.anchorMs)
    return {
      notes: row.notes,
      ratio,
      ratioMet: ratio <= FIRST_PAINT_GOAL,
      underTwoSeconds: row.notes <= 300 ? median(row.oursMs) < SMALL_BOARD_GOAL_MS : undefined,
      // "If notes must be fitted, one client does it once": one write on the first open at most.
      writesMet: row.writesOnFirstOpen <= 1 && row.writesOnLaterOpens === 0,
    }
  })
}

export function firstPaintReport(result: FirstPaintResult): string {
  const goals = firstPaintGoals(result)
  const paint = table(
    [
      'notes',
      'ours ms (median)',
      'plain tldraw ms (median)',
      'ours ÷ tldraw',
      `≤ ${FIRST_PAINT_GOAL}×`,
      '300 notes < 2 s',
      'doc writes: first open / later opens',
      'runs ours / tldraw ms',
    ],
    result.rows.map((row, i) => [
      row.notes,
      ms(median(row.oursMs)),
      ms(median(row.anchorMs)),
      `${goals[i]!.ratio.toFixed(2)}×`,
      goals[i]!.ratioMet ? 'yes' : 'NO',
      goals[i]!.underTwoSeconds === undefined ? '–' : goals[i]!.underTwoSeconds ? 'yes' : 'NO',
      `${row.writesOnFirstOpen} / ${row.writesOnLaterOpens}${goals[i]!.writesMet ? ' (yes)' : ' (NO)'}`,
      `${row.oursMs.map(ms).join(' ')} / ${row.anchorMs.map(ms).join(' ')}`,
    ]),
  )
  const profile = table(
    ['self ms', 'function', 'where (built file:line:column)'],
    result.profile.map((line) => [line.selfMs.toFixed(0), line.functionName, line.location]),
  )
  const errors = result.rows
    .filter((row) => row.error)
    .map(
      (row) =>
        `  ${row.notes} notes: stopped after ${row.oursMs.length} + ${row.anchorMs.length} loads: ${row.error}\n`,
    )
    .join('')
  return `${paint}\n${errors}\nProfile of one load of our ${result.rows[result.rows.length - 1]?.notes}-note board (V8 sampling profiler via CDP), top self time:\n${profile}`
}
