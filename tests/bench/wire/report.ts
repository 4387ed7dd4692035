import { bytes, table } from '../format'
import type { WireRow } from './wire'

const OURS = 'ours (bindStoreToDoc, 60 ms flush)'

function find(rows: WireRow[], replay: string, binding: string) {
  return rows.find((r) => r.replay === replay && r.binding.startsWith(binding))
}

export interface WireGoal {
  goal: string
  measured: string
  met: boolean
}

/** The goals of scenario 2, checked against the measured rows. */
export function wireGoals(rows: WireRow[]): WireGoal[] {
  const goals: WireGoal[] = []
  const stroke = find(rows, 'pen stroke', OURS)
  if (stroke) {
    const factor = stroke.editorSentBytes / stroke.finalJsonBytes
    goals.push({
      goal: 'pen stroke: bytes sent ≤ 3× final stroke size (JSON)',
      measured: `${factor.toFixed(2)}×`,
      met: factor <= 3,
    })
  }
  const drag = find(rows, 'note drag', OURS)
  const naive = find(rows, 'note drag', 'naive')
  const tldraw = find(rows, 'note drag', 'tldraw')
  if (drag && naive) {
    const total = naive.editorSentBytes / drag.editorSentBytes
    const perMessage = naive.bytesPerEditorMessage / drag.bytesPerEditorMessage
    goals.push({
      goal: 'note drag: ≥ 10× fewer bytes than naive, total',
      measured: `${total.toFixed(1)}× fewer`,
      met: total >= 10,
    })
    goals.push({
      goal: 'note drag: ≥ 10× fewer bytes than naive, per message',
      measured: `${perMessage.toFixed(1)}× fewer`,
      met: perMessage >= 10,
    })
  }
  if (drag && tldraw) {
    const total = drag.editorSentBytes / tldraw.editorSentBytes
    const perMessage = drag.bytesPerEditorMessage / tldraw.bytesPerEditorMessage
    goals.push({
      goal: 'note drag: ≤ tldraw sync, total',
      measured: `${total.toFixed(2)}× of tldraw`,
      met: total <= 1,
    })
    goals.push({
      goal: 'note drag: ≤ tldraw sync, per message',
      measured: `${perMessage.toFixed(2)}× of tldraw`,
      met: perMessage <= 1,
    })
  }
  return goals
}

export function wireReport(rows: WireRow[]): string {
  const main = table(
    [
      'replay',
      'binding',
      'editor sent',
      'msgs',
      'bytes/msg',
      'peer received',
      'peer msgs',
      'final JSON / Yjs',
      'sent ÷ final JSON',
      'peer ok',
    ],
    rows.map((r) => [
      r.replay,
      r.binding,
      bytes(r.editorSentBytes),
      r.editorMessages,
      r.bytesPerEditorMessage.toFixed(0),
      bytes(r.peerReceivedBytes),
      r.peerMessages,
      `${bytes(r.finalJsonBytes)} / ${bytes(r.finalYjsBytes)}`,
      `${(r.editorSentBytes / r.finalJsonBytes).toFixed(2)}×`,
      r.peerMatches ? 'yes' : 'NO',
    ]),
  )
  const goals = table(
    ['goal', 'measured', 'met'],
    wireGoals(rows).map((g) => [g.goal, g.measured, g.met ? 'yes' : 'NO']),
  )
  return [main, '', goals].join('\n')
}
