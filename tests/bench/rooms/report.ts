import { ms, table } from '../format'
import type { ManyRoomsResult, RoomClassResult } from './manyRooms'

const pct = (value: number) => `${Math.round(value * 100)}%`
const triple = (k: { p50: number; p95: number; p99: number }) =>
  `${ms(k.p50)} / ${ms(k.p95)} / ${ms(k.p99)}`

function row(label: string, c: RoomClassResult) {
  return [
    label,
    `${c.rooms} × ${c.clientsPerRoom}`,
    triple(c.edit),
    `${c.edit.lost} of ${c.edit.expected}`,
    triple(c.cursor),
    `${c.cursor.lost} of ${c.cursor.expected}`,
  ]
}

/** Latency and losses per kind of room, then the server's memory per room and CPU. */
export function manyRoomsReport(r: ManyRoomsResult): string {
  const rooms = r.groups.rooms + r.plenary.rooms
  const traffic = table(
    [
      'rooms',
      'rooms × clients',
      'edit p50/p95/p99 ms',
      'edits lost',
      'cursor p50/p95/p99 ms',
      'cursors not delivered',
    ],
    [row('groups', r.groups), row('plenary', r.plenary)],
  )
  const closes = Object.entries(r.unexpectedCloses)
  const server = table(
    ['server', 'value'],
    [
      [
        'RSS before rooms / peak / after window (MiB)',
        `${r.baseline.rssMiB.toFixed(0)} / ${r.loaded.peakRssMiB.toFixed(0)} / ${r.loaded.rssMiB.toFixed(0)}`,
      ],
      [
        'RSS per room (peak − before) ÷ rooms',
        `${((r.loaded.peakRssMiB - r.baseline.rssMiB) / rooms).toFixed(2)} MiB`,
      ],
      [
        'heap used before / loaded (MiB, after GC)',
        `${r.baseline.heapUsedMiB.toFixed(1)} / ${r.loaded.heapUsedMiB.toFixed(1)}`,
      ],
      [
        'heap per room',
        `${((r.loaded.heapUsedMiB - r.baseline.heapUsedMiB) / rooms).toFixed(2)} MiB`,
      ],
      ['server CPU (one core = 100%)', pct(r.serverCpu)],
      ['load generator CPU / other processes', `${pct(r.clientCpu)} / ${pct(r.otherCpu)}`],
      ['connecting all clients took', `${(r.connectMs / 1000).toFixed(1)} s`],
      [
        'sockets closed unexpectedly',
        closes.length === 0 ? '0' : closes.map(([k, n]) => `${n} × ${k}`).join(', '),
      ],
    ],
  )
  return [traffic, '', server].join('\n')
}
