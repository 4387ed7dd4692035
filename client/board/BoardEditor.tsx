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
import { FacilitatorBanner } from '../workshop/board/FacilitatorBanner'
import { SynthesisPanel } from '../workshop/board/SynthesisPanel'
import type { WorkshopContext } from '../workshop/board/workshopContext'

// Fonts, icons and tldraw's translations are bundled by Vite and served by our own server.
const assetUrls = getAssetUrlsByImport()

interface BoardEditorProps {
  sync: BoardSync
  me: Identity
  licenseKey: string
  title: string
  boardId: string
  /** A viewer's board: tldraw's read-only mode; the server drops a viewer's edits anyway. */
  readOnly?: boolean
  workshop?: WorkshopContext
  notice?: string
}

/** The tldraw canvas, bound to the board's Y.Doc, with presence and connection status. */
export function BoardEditor(props: BoardEditorProps) {
  const { sync, me, licenseKey, title, boardId, readOnly = false, workshop, notice } = props
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
      <ConnectionBanner
        connection={connection}
        unsaved={unsaved}
        title={title}
        readOnly={readOnly}
        overviewUrl={workshop?.overviewUrl}
      />
      <FacilitatorBanner doc={doc} boardId={boardId} />
      {notice && (
        <p className="board-notice" role="status">
          {notice}
        </p>
      )}
      <div className="board-canvas">
        <Tldraw
          store={store}
          licenseKey={licenseKey || undefined}
          assetUrls={assetUrls}
          user={user}
          onMount={(editor) => {
            if (readOnly) editor.updateInstanceState({ isReadonly: true })
            editor.zoomToFit({ animation: { duration: 0 } })
          }}
        >
          {workshop && <SynthesisPanel workshop={workshop} />}
        </Tldraw>
        <LicenseNotice />
      </div>
    </div>
  )
}
