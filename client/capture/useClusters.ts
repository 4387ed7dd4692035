import { useCallback, useEffect, useState } from 'react'
import { clusterName, isCluster } from '../../shared/factors/isCluster'
import type { BoardInfo } from '../../shared/contracts'
import { boardRecords } from './captureApi'

export interface ClusterChoice {
  id: string
  name: string
}

/** A board's named clusters by name, read the way a capture reads it; unreadable: none. */
async function readClusters(recorderBoard: BoardInfo, boardId: string): Promise<ClusterChoice[]> {
  try {
    const { records } = await boardRecords(recorderBoard, boardId)
    return records
      .filter(isCluster)
      .map((record) => ({ id: record.id, name: clusterName(record).trim() }))
      .filter((cluster) => cluster.name !== '')
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
  } catch {
    return []
  }
}

/**
 * The clusters of the board the recorder is about to capture. `refresh` reads again: the
 * list is often opened long after the board changed.
 */
export function useClusters(recorderBoard: BoardInfo, boardId: string | undefined) {
  const [clusters, setClusters] = useState<ClusterChoice[]>([])

  const refresh = useCallback(
    () => (boardId ? readClusters(recorderBoard, boardId).then(setClusters) : Promise.resolve()),
    [recorderBoard, boardId],
  )

  useEffect(() => {
    if (!boardId) return
    // A slow answer about the board chosen before must not land after this one's.
    let current = true
    void readClusters(recorderBoard, boardId).then((read) => current && setClusters(read))
    return () => {
      current = false
    }
  }, [recorderBoard, boardId])

  return { clusters, refresh }
}
