import { FRAMES_PER_SECOND, noteDrag, penStroke, type Replay } from './replays'
import {
  finalSizes,
  naiveBinding,
  ourBinding,
  tldrawSync,
  type WireSink,
  type WireTotals,
} from './sinks'

export interface WireRow extends WireTotals {
  replay: string
  binding: string
  finalJsonBytes: number
  finalYjsBytes: number
  bytesPerEditorMessage: number
}

/**
 * Speed-up factor for replays. Only 1 is faithful: tldraw's store throttles listeners to
 * 60 fps by wall clock, so a faster replay merges frames that a person's gesture would not.
 */
export interface WireOptions {
  speed: number
}

/** tldraw's store delivers changes on the next animation frame; Node has none, so supply one. */
export function installAnimationFrames() {
  if (typeof globalThis.requestAnimationFrame === 'function') return
  globalThis.requestAnimationFrame = (callback) =>
    setTimeout(() => callback(performance.now()), 1000 / 60) as unknown as number
  globalThis.cancelAnimationFrame = (handle) => clearTimeout(handle)
}

function sinksFor(replay: Replay): WireSink[] {
  return [
    ourBinding(replay, undefined, 'ours (bindStoreToDoc, 60 ms flush)'),
    ourBinding(replay, 0, 'ours, no batching (flush per change)'),
    naiveBinding(replay),
    tldrawSync(replay),
  ]
}

/**
 * Plays each replay's frames at 60 per second into every binding at once. Real time matters:
 * our binding batches by a timer and tldraw's room debounces by a timer, so both see the
 * gesture at the rate a person makes it.
 */
async function play(replays: Replay[], sinks: WireSink[][], speed: number) {
  const frameMs = 1000 / FRAMES_PER_SECOND / speed
  const start = performance.now()
  const next = replays.map(() => 0)
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.floor((performance.now() - start) / frameMs) + 1
      let done = true
      replays.forEach((replay, r) => {
        while (next[r]! < Math.min(due, replay.frames.length)) {
          const frame = replay.frames[next[r]!]!
          for (const sink of sinks[r]!) sink.apply(frame)
          next[r]!++
        }
        if (next[r]! < replay.frames.length) done = false
      })
      if (done) {
        clearInterval(timer)
        resolve()
      }
    }, 2)
  })
}

/** Scenario 2: bytes on the wire for a pen stroke and a note drag, per binding. */
export async function runWire(
  options: WireOptions,
  log: (line: string) => void,
): Promise<WireRow[]> {
  installAnimationFrames()
  const replays = [penStroke(), noteDrag()]
  const sinks = replays.map(sinksFor)
  log(
    `  wire: replaying ${replays.map((r) => r.name).join(' and ')} (${(30 / options.speed).toFixed(0)} s)`,
  )
  await play(replays, sinks, options.speed)
  // Let the store deliver its last animation frame of changes before totals are read.
  await new Promise((resolve) => setTimeout(resolve, 100))
  const rows: WireRow[] = []
  for (const [r, replay] of replays.entries()) {
    const sizes = finalSizes(replay)
    for (const sink of sinks[r]!) {
      const totals = await sink.finish()
      rows.push({
        replay: replay.name,
        binding: sink.name,
        ...totals,
        finalJsonBytes: sizes.jsonBytes,
        finalYjsBytes: sizes.yjsBytes,
        bytesPerEditorMessage: totals.editorSentBytes / Math.max(1, totals.editorMessages),
      })
    }
  }
  return rows
}
