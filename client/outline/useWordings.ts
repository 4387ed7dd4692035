import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readRecords, recordsMap } from '../../shared/board/boardDoc'
import { wordingsOf } from '../../shared/workshop/synthesisWordings'
import type { SynthesisWording } from '../../shared/workshopContracts'

/** Per plenary entry note, each group's wording of it; live, recomputed once per frame. */
export function useWordings(doc: Y.Doc): ReadonlyMap<string, SynthesisWording[]> {
  const [wordings, setWordings] = useState(() => readWordings(doc))
  useEffect(() => {
    let frame = 0
    const recompute = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        setWordings(readWordings(doc))
      })
    }
    const records = recordsMap(doc)
    records.observeDeep(recompute)
    return () => {
      records.unobserveDeep(recompute)
      cancelAnimationFrame(frame)
    }
  }, [doc])
  return wordings
}

function readWordings(doc: Y.Doc) {
  const byNote = new Map<string, SynthesisWording[]>()
  for (const record of readRecords(doc)) {
    const found = wordingsOf(record.meta)
    if (found.length > 0) byNote.set(record.id, found)
  }
  return byNote
}
