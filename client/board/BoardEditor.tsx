import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Tldraw, atom, createTLCurrentUser, createTLStore, type TLUserPreferences } from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import 'tldraw/tldraw.css'
import { bindStoreToDoc } from '../../shared/board/storeBinding'
import type { BoardSync } from './useBoardSync'
import { bindPresence } from './presence'
import type { Identity } from './identity'
import { ConnectionBanner } from './ConnectionBanner'
import { LicenseNotice } from './LicenseNotice'
import type { BoardInfo } from '../../shared/contracts'
import { BoardTools } from '../outline/BoardTools'
import { OutlineView } from '../outline/OutlineView'
import type { BoardView } from '../outline/ViewToggle'

// Fonts, icons and tldraw's translations are bundled by Vite and served by our own server.
const assetUrls = getAssetUrlsByImport()

interface BoardEditorProps {
  sync: BoardSync
  me: Identity
  licenseKey: string
  board: BoardInfo
}

/** The tldraw canvas, bound to the board's Y.Doc, with presence and connection status. */
export function BoardEditor({ sync, me, licenseKey, board }: BoardEditorProps) {
  const { i18n } = useTranslation()
  const store = useMemo(() => createTLStore(), [])
  const { doc, provider, connection, unsaved, noteLocalChanges } = sync
  const [view, setView] = useState<BoardView>('canvas')

  const user = useMemo(() => {
    const preferences = atom<TLUserPreferences>('preferences', {
      id: me.id,
      name: me.name,
      color: me.color,
      locale: i18n.language,
    })
    return createTLCurrentUser({
      userPreferences: preferences,
      setUserPreferences: preferences.set,
    })
  }, [me, i18n.language])

  useEffect(() => {
    const binding = bindStoreToDoc(store, doc, { onLocalFlush: noteLocalChanges })
    const unbindPresence = bindPresence(store, provider.awareness, me)
    return () => {
      unbindPresence()
      binding.dispose()
    }
  }, [store, doc, provider, me, noteLocalChanges])

  return (
    <div className="board">
      <ConnectionBanner connection={connection} unsaved={unsaved} title={board.title}>
        <BoardTools board={board} view={view} onViewChange={setView} />
      </ConnectionBanner>
      {view === 'outline' && <OutlineView doc={doc} author={me.name} />}
      {/* The canvas stays mounted while the outline shows, so switching back is instant. */}
      <div className="board-canvas" hidden={view === 'outline'}>
        <Tldraw
          store={store}
          licenseKey={licenseKey || undefined}
          assetUrls={assetUrls}
          user={user}
          onMount={(editor) => void editor.zoomToFit({ animation: { duration: 0 } })}
        />
        <LicenseNotice />
      </div>
    </div>
  )
}
