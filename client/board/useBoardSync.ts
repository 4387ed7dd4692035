import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import { recordsMap } from '../../shared/board/boardDoc'
import { EPOCH_PARAM, NO_COPY, readEpoch } from '../../shared/board/boardEpoch'
import { CloseCode, FINAL_CLOSE_CODES } from '../../shared/closeCodes'
import { FACTOR_OPS_ORIGIN } from '../../shared/factors/factorOps'
import { epochKey, forgetBoardLocally } from '../common/forgetLocally'
import { handOverCopy } from './handOverCopy'
import type { SyncInfo } from '../../shared/contracts'

export type ConnectionState = 'connecting' | 'online' | 'offline'

export interface BoardSync {
  doc: Y.Doc
  provider: WebsocketProvider
  /** True once the doc holds the board, from this browser's copy or from the server. */
  ready: boolean
  connection: ConnectionState
  /** Why the server closed the connection for good (unknown board, revoked link …). */
  closedCode: number | undefined
  /**
   * How many things (notes, frames, arrows …) this person changed since the server last
   * confirmed it has everything: a note written and then moved counts once.
   */
  unsaved: number
  noteLocalChanges(changedIds: readonly string[]): void
  /**
   * The server refused the latest change because the facilitator paused input (close 4523):
   * the change is kept here, and the page waits for the pause to end.
   */
  held: boolean
  /** Reconnects after a pause; the kept change goes in (or is held again). */
  resumeAfterHold(): void
  /**
   * Set once this browser's copy was replaced because the server rebuilt the board: how many
   * things written offline went in, or how many were lost.
   */
  rebuilt: RebuiltNotice | undefined
  /**
   * The server refused the latest change because the board is full (close 4413): the page
   * stopped syncing, since sending the same change again would only be refused again.
   */
  full: boolean
  /** Reconnects after a refusal for a full board (once the person deleted something). */
  retryAfterFull(): void
}

export type RebuiltNotice = { rescued: number } | { lost: number }

/** A held page tries again by itself this often, should it not hear that the pause ended. */
const HELD_RETRY_MS = 20_000

/** A copy of a rebuilt board whose hand-over could not be made is offered again this often. */
const HANDOVER_RETRY_MS = 10_000

/**
 * One board's Y.Doc, kept in IndexedDB (so a reload while offline keeps local edits) and
 * synced through the stock y-websocket provider, which reconnects by itself.
 */
export function useBoardSync(sync: SyncInfo | undefined): BoardSync | undefined {
  const [state, setState] = useState<BoardSync>()
  // By value: the same board asked for again (the page refetches it when back online) is the
  // same connection, not a new copy.
  const room = sync?.room
  const paramsKey = sync && JSON.stringify(Object.entries(sync.params).sort())
  // A new copy of the board (a new doc, provider and IndexedDB) each time the old was replaced.
  const [copy, setCopy] = useState<{ generation: number; rebuilt?: RebuiltNotice }>({
    generation: 0,
  })

  useEffect(() => {
    if (room === undefined || paramsKey === undefined) return
    const sync = {
      room,
      params: Object.fromEntries(JSON.parse(paramsKey) as [string, string][]),
    }
    // Survives a reload while offline, like the edits it counts.
    const unsavedKey = `samskapa.unsaved.${sync.room}`
    // The epoch of the copy in IndexedDB, kept apart so the socket opens before the copy loads.
    // None kept: any copy there was stored by the release before epochs, so it is of epoch 0
    // (a browser without a copy claims 0 too; on a rebuilt board it is refused once and, with
    // nothing to hand in, loads afresh).
    const knownEpoch = localStorage.getItem(epochKey(sync.room)) ?? '0'
    const doc = new Y.Doc()
    const local = new IndexeddbPersistence(`samskapa:${sync.room}`, doc)
    const provider = new WebsocketProvider(ownSyncUrl(), sync.room, doc, {
      params: { ...sync.params, [EPOCH_PARAM]: knownEpoch },
      maxBackoffTime: 5000,
      // Tabs would sync their docs directly, and one still holding a copy of an older epoch
      // would merge it into the others. Each tab syncs through the server instead.
      disableBc: true,
    })
    let disposed = false
    const unsavedIds = new Set(readUnsavedIds(unsavedKey))
    const noteLocalChanges = (changedIds: readonly string[]) => {
      if (provider.wsconnected && provider.synced) return
      const before = unsavedIds.size
      for (const id of changedIds) unsavedIds.add(id)
      if (unsavedIds.size === before) return
      localStorage.setItem(unsavedKey, JSON.stringify([...unsavedIds]))
      update({ unsaved: unsavedIds.size })
    }
    let heldRetry: ReturnType<typeof setTimeout> | undefined
    const resumeAfterHold = () => {
      clearTimeout(heldRetry)
      if (!current.held) return
      update({ held: false })
      provider.connect()
    }
    const retryAfterFull = () => {
      if (!current.full) return
      update({ full: false })
      provider.connect()
    }
    let current: BoardSync = {
      doc,
      provider,
      ready: false,
      connection: navigator.onLine ? 'connecting' : 'offline',
      closedCode: undefined,
      unsaved: unsavedIds.size,
      noteLocalChanges,
      held: false,
      resumeAfterHold,
      rebuilt: copy.rebuilt,
      full: false,
      retryAfterFull,
    }
    const update = (patch: Partial<BoardSync>) => {
      current = { ...current, ...patch }
      setState(current)
    }
    const allSaved = () => {
      unsavedIds.clear()
      localStorage.removeItem(unsavedKey)
    }
    // The outline and the writing view change the doc directly, not through the canvas.
    const records = recordsMap(doc)
    const noteFactorOps = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
      if (tr.origin !== FACTOR_OPS_ORIGIN) return
      const ids = events.flatMap((event) =>
        event.path.length > 0 ? [String(event.path[0])] : [...event.changes.keys.keys()],
      )
      noteLocalChanges(ids)
    }
    records.observeDeep(noteFactorOps)
    setState(current)

    // A stored copy lets the board open offline; an empty one waits for the server.
    void local.whenSynced.then(() => {
      if (doc.share.has('records') && doc.getMap('records').size > 0) update({ ready: true })
    })
    provider.on('sync', (synced: boolean) => {
      if (!synced) return
      const epoch = String(readEpoch(doc))
      localStorage.setItem(epochKey(sync.room), epoch)
      provider.params = { ...provider.params, [EPOCH_PARAM]: epoch }
      allSaved()
      update({ ready: true, connection: 'online', unsaved: 0 })
    })
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') update({ connection: 'offline' })
      else if (status === 'connecting' && current.connection !== 'offline') {
        update({ connection: 'connecting' })
      }
    })
    provider.on('connection-error', () => update({ connection: 'offline' }))
    // The server rebuilt the board since this copy was made: hand in what the copy holds, then
    // drop it and load the board afresh. The editor closes (ready false) as soon as the last
    // hand-in came back with the doc unchanged, so nothing written after it is dropped unseen.
    let handoverRetry: ReturnType<typeof setTimeout> | undefined
    const replaceCopy = async () => {
      update({ connection: 'connecting' })
      // The refusal can come before the copy has loaded: what it holds must be handed in.
      await local.whenSynced
      if (disposed) return
      const lost = unsavedIds.size
      const handover = await handOverCopy(doc, sync.room, sync.params)
      if (disposed) return
      if (handover.kind === 'later') {
        update({ connection: 'offline' })
        handoverRetry = setTimeout(() => void replaceCopy(), HANDOVER_RETRY_MS)
        return
      }
      update({ ready: false })
      allSaved()
      // The next copy starts empty: it claims none, so it is not refused again.
      localStorage.setItem(epochKey(sync.room), NO_COPY)
      await local.clearData()
      const rebuilt =
        handover.kind === 'rescued'
          ? handover.records > 0
            ? { rescued: handover.records }
            : undefined
          : lost > 0
            ? { lost }
            : undefined
      setCopy(({ generation }) => ({ generation: generation + 1, rebuilt }))
    }
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event?.code === CloseCode.epochChanged) {
        provider.shouldConnect = false
        void replaceCopy()
        return
      }
      if (event?.code === CloseCode.inputPaused) {
        // Reconnecting now would only send the held change again: wait for the pause to end.
        provider.shouldConnect = false
        update({ held: true })
        clearTimeout(heldRetry)
        heldRetry = setTimeout(resumeAfterHold, HELD_RETRY_MS)
        return
      }
      if (event?.code === CloseCode.docTooLarge) {
        // Reconnecting would send the refused change again: the person deletes, then retries.
        provider.shouldConnect = false
        update({ full: true })
        return
      }
      if (event && FINAL_CLOSE_CODES.has(event.code)) {
        provider.shouldConnect = false
        update({ closedCode: event.code })
      }
      // The board was erased (or never existed): keep nothing of it in this browser.
      if (event?.code === CloseCode.boardNotFound) {
        void local.clearData().then(() => forgetBoardLocally(sync.room))
      }
    })

    // The browser knows about a dropped Wi-Fi before the socket times out.
    const goOffline = () => provider.disconnect()
    const goOnline = () => provider.connect()
    window.addEventListener('offline', goOffline)
    window.addEventListener('online', goOnline)

    return () => {
      disposed = true
      clearTimeout(heldRetry)
      clearTimeout(handoverRetry)
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      records.unobserveDeep(noteFactorOps)
      provider.destroy()
      void local.destroy()
      doc.destroy()
    }
  }, [room, paramsKey, copy])

  return state
}

/** The ids of changes not yet saved, kept over a reload while offline. */
function readUnsavedIds(key: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

/**
 * The page's own origin, as ws: or wss:. The API's `sync.serverUrl` is for programs; a page
 * behind a TLS proxy knows better than the server which scheme and host reached it.
 */
function ownSyncUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}
