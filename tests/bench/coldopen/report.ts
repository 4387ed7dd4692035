import { bytes, median, ms, ratio, table } from '../format'
import type { ColdOpenResult } from './coldOpen'

/** Issue 13, goal 4: the initial sync costs at most this share of today's (uncompressed) bytes. */
export const PAYLOAD_GOAL = 0.3

export function paintMedians(result: ColdOpenResult) {
  return {
    firstNoteMs: median(result.paint.map((run) => run.firstNoteMs)),
    allNotesMs: median(result.paint.map((run) => run.allNotesMs)),
  }
}

/** The sync table (ours and anchors), the paint line and the ratios for scenario 3. */
export function coldOpenReport(result: ColdOpenResult): string {
  const ours = result.rows.find((row) => row.server === 'ours')
  const sync = table(
    [
      'server',
      'cold open ms',
      'late joiner ms (median)',
      'bytes until synced',
      'doc update',
      'sent ÷ encodeStateAsUpdate',
      'TCP bytes: no deflate / deflate offered',
      'deflated ÷ plain',
      'ours ms ÷ this',
    ],
    result.rows.map((row) => [
      row.error ? `${row.server} (failed)` : row.server,
      row.coldMs === undefined ? '–' : ms(row.coldMs),
      ms(row.warmMs),
      bytes(row.bytesUntilSynced),
      bytes(row.updateBytes),
      `${(row.bytesUntilSynced / result.stateUpdateBytes).toFixed(3)}×`,
      `${bytes(row.wireBytes)} / ${bytes(row.deflatedWireBytes)}`,
      `${(row.deflatedWireBytes / row.wireBytes).toFixed(3)}×`,
      row.server === 'ours' ? '–' : ratio(ours?.warmMs ?? NaN, row.warmMs),
    ]),
  )
  const paint = paintMedians(result)
  const deflated = ours ? ours.deflatedWireBytes / ours.wireBytes : NaN
  const lines = [
    `Board: ${result.notes} notes in 11 clusters, ${result.records} records; Y.encodeStateAsUpdate ${bytes(result.stateUpdateBytes)}; SQLite file ${bytes(result.sqliteBytes)}; server RSS ${result.serverRssMiB.beforeOpen.toFixed(0)} → ${result.serverRssMiB.afterOpen.toFixed(0)} MiB on opening it`,
    sync,
    `Goal (issue 13, 4): our initial sync on the wire with deflate offered ≤ ${PAYLOAD_GOAL}× the bytes without: ${deflated.toFixed(3)}× (${deflated <= PAYLOAD_GOAL ? 'met' : 'NOT met'})`,
    result.paintError
      ? `Chromium first paint failed: ${result.paintError}`
      : `Chromium, ${result.paint.length} fresh page loads: first note in the DOM ${ms(paint.firstNoteMs)} ms, all ${result.notes} notes ${ms(paint.allNotesMs)} ms (medians; runs ${result.paint.map((r) => ms(r.allNotesMs)).join(', ')} ms)`,
    ...result.rows.filter((row) => row.error).map((row) => `  ${row.server}: ${row.error}`),
  ]
  return lines.join('\n')
}
