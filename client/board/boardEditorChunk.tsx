import { useEffect, useState, type ComponentType } from 'react'
import type { BoardEditorProps } from './BoardEditor'

let loaded: ComponentType<BoardEditorProps> | undefined
let loading: Promise<void> | undefined

/**
 * tldraw is most of the client's JavaScript: it loads as its own chunk, so the lobby and the
 * join page never fetch it. A board page starts fetching it while it asks for the board.
 */
export function loadBoardEditor(): Promise<void> {
  loading ??= import('./BoardEditor').then((module) => {
    loaded = module.BoardEditor
  })
  // A fetch that failed (offline, before the chunk was cached) is tried again next time.
  loading.catch(() => (loading = undefined))
  return loading
}

/**
 * Whether the board editor's chunk has loaded. Not React.lazy: React 19 reveals a Suspense
 * boundary's content no sooner than 300 ms after its fallback showed, so a lazy editor cost
 * up to 300 ms of first paint even when its chunk had long arrived.
 */
export function useBoardEditorChunk(): 'loading' | 'loaded' | 'failed' {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>(() =>
    loaded ? 'loaded' : 'loading',
  )
  useEffect(() => {
    if (state !== 'loading') return
    let current = true
    loadBoardEditor().then(
      () => current && setState('loaded'),
      () => current && setState('failed'),
    )
    return () => {
      current = false
    }
  }, [state])
  return state
}

/** The board editor; rendered only once `useBoardEditorChunk()` says 'loaded'. */
export function LoadedBoardEditor(props: BoardEditorProps) {
  if (!loaded) throw new Error('The board editor is rendered before its chunk loaded')
  const BoardEditor = loaded
  return <BoardEditor {...props} />
}
