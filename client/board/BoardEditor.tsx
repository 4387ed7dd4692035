import { useEffect, useMemo } from 'react'
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

// Fonts, icons and tldraw's translations are bundled by Vite and served by our own server.
const assetUrls = getAssetUrlsByImport()

interface BoardEditorProps {
  sync: BoardSync
  me: Identity
  licenseKey: string
  title: string
}

/** The tldraw canvas, bound to the board's Y.Doc, with presence and connection status. */
export function BoardEditor({ sync, me, licenseKey, title }: BoardEditorProps) {
  const { i18n } = useTranslation()
  const store = useMemo(() => createTLStore(), [])
  const { doc, provider, connection, unsaved, noteLocalChanges } = sync

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
      <ConnectionBanner connection={connection} unsaved={unsaved} title={title} />
      <div className="board-canvas">
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
