import { bytes, table } from '../format'
import type { LongDayResult } from './longDay'

/** Issue 13, goal 2: stored and in-memory size at most 1.3× a fresh doc with the same records. */
export const LONG_DAY_GOAL = 1.3

const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–')
const mib = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')

export function longDayGoals(r: LongDayResult) {
  const stored = r.storedAfterUnload.snapshotBytes + r.storedAfterUnload.updateBytes
  return [
    {
      goal: `stored after unload ≤ ${LONG_DAY_GOAL}× fresh doc`,
      measured: times(stored, r.freshDocBytes),
      met: stored <= LONG_DAY_GOAL * r.freshDocBytes,
    },
    {
      goal: `server doc once reopened (epoch ${r.reopenedEpoch}) ≤ ${LONG_DAY_GOAL}× fresh doc`,
      measured: times(r.reopenedDocBytes, r.freshDocBytes),
      met: r.reopenedDocBytes <= LONG_DAY_GOAL * r.freshDocBytes,
    },
    {
      goal: `doc in memory (heap) once reopened ≤ ${LONG_DAY_GOAL}× fresh doc`,
      measured: times(r.reopenedDocHeapMiB, r.freshDocHeapMiB),
      met: r.reopenedDocHeapMiB <= LONG_DAY_GOAL * r.freshDocHeapMiB,
    },
    {
      goal: 'server heap back to baseline (after warm-up) after unload (within 2 MiB)',
      measured: `${(r.serverMemory.unloaded.heapUsedMiB - r.serverMemory.before.heapUsedMiB).toFixed(1)} MiB above`,
      met: r.serverMemory.unloaded.heapUsedMiB - r.serverMemory.before.heapUsedMiB <= 2,
    },
  ]
}

/** Sizes against a fresh doc, the server's memory over the room's life, and the goals. */
export function longDayReport(r: LongDayResult): string {
  const c = r.counts
  const head = `${c.moves} moves, ${c.creates} notes created, ${c.deletes} deleted, ${c.textEdits} text edits by ${r.plan.participants} participants in ${(r.sessionMs / 1000).toFixed(1)} s; ${r.records} records at the end`
  const sizes = table(
    ['what', 'bytes', '÷ fresh doc'],
    [
      ['fresh doc, same final records (encodeStateAsUpdate)', bytes(r.freshDocBytes), '1.00×'],
      [
        "server doc at the day's end, room still loaded (encodeStateAsUpdate)",
        bytes(r.serverDocBytes),
        times(r.serverDocBytes, r.freshDocBytes),
      ],
      [
        `server doc once unloaded and reopened (epoch ${r.reopenedEpoch})`,
        bytes(r.reopenedDocBytes),
        times(r.reopenedDocBytes, r.freshDocBytes),
      ],
      [
        `stored while loaded: snapshot + ${r.storedWhileLoaded.updates} updates`,
        `${bytes(r.storedWhileLoaded.snapshotBytes)} + ${bytes(r.storedWhileLoaded.updateBytes)}`,
        times(r.storedWhileLoaded.snapshotBytes + r.storedWhileLoaded.updateBytes, r.freshDocBytes),
      ],
      [
        'stored after unload (compacted)',
        bytes(r.storedAfterUnload.snapshotBytes + r.storedAfterUnload.updateBytes),
        times(r.storedAfterUnload.snapshotBytes + r.storedAfterUnload.updateBytes, r.freshDocBytes),
      ],
      [
        'SQLite file after checkpoint (in use)',
        `${bytes(r.sqliteFileBytes)} (${bytes(r.sqliteUsedBytes)})`,
        times(r.sqliteUsedBytes, r.freshDocBytes),
      ],
      [
        "heap per doc in Node: server doc at the day's end / fresh doc loaded",
        `${mib(r.serverDocHeapMiB)} / ${mib(r.freshDocHeapMiB)} MiB`,
        times(r.serverDocHeapMiB, r.freshDocHeapMiB),
      ],
      [
        'heap per doc in Node: fresh doc written here / fresh doc loaded',
        `${mib(r.freshWrittenDocHeapMiB)} / ${mib(r.freshDocHeapMiB)} MiB`,
        times(r.freshWrittenDocHeapMiB, r.freshDocHeapMiB),
      ],
      [
        'heap per doc in Node: reopened doc / fresh doc loaded',
        `${mib(r.reopenedDocHeapMiB)} / ${mib(r.freshDocHeapMiB)} MiB`,
        times(r.reopenedDocHeapMiB, r.freshDocHeapMiB),
      ],
    ],
  )
  const m = r.serverMemory
  const memory = table(
    ['server process (after GC)', 'RSS MiB', 'heap used MiB'],
    [
      ['before any room loaded', mib(m.cold.rssMiB), mib(m.cold.heapUsedMiB)],
      ['after a warm-up room loaded and unloaded', mib(m.before.rssMiB), mib(m.before.heapUsedMiB)],
      ['room loaded', mib(m.loaded.rssMiB), mib(m.loaded.heapUsedMiB)],
      ['after unload', mib(m.unloaded.rssMiB), mib(m.unloaded.heapUsedMiB)],
    ],
  )
  const goals = table(
    ['goal', 'measured', 'met'],
    longDayGoals(r).map((g) => [g.goal, g.measured, g.met ? 'yes' : 'NO']),
  )
  return [head, sizes, '', structsTable(r), '', memory, '', goals].join('\n')
}

/** Where the server doc's structs are, beside the fresh doc's (the largest places first). */
function structsTable(r: LongDayResult, shown = 12): string {
  const fresh = new Map(r.freshStructs.rows.map((row) => [row.place, row]))
  const rows = r.serverStructs.rows
    .slice(0, shown)
    .map((row) => [row.place, row.items, row.deleted, fresh.get(row.place)?.items ?? 0])
  const total = (rows: { items: number; deleted: number }[]) =>
    rows.reduce(
      (sum, row) => ({ items: sum.items + row.items, deleted: sum.deleted + row.deleted }),
      {
        items: 0,
        deleted: 0,
      },
    )
  const server = total(r.serverStructs.rows)
  const freshTotal = total(r.freshStructs.rows)
  return table(
    ['structs by place', 'server items', 'of them deleted', 'fresh items'],
    [
      ...rows,
      ['all places', server.items, server.deleted, freshTotal.items],
      ['collected ranges (gc)', r.serverStructs.gcRanges, '', r.freshStructs.gcRanges],
    ],
  )
}
