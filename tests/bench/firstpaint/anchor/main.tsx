import { createRoot } from 'react-dom/client'
import { Tldraw, type Editor, type TLRecord } from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import 'tldraw/tldraw.css'

/**
 * The first-paint anchor: a plain `<Tldraw>` page with the same asset URLs as our board,
 * loading the same records in one `mergeRemoteChanges(() => store.put(...))`. What tldraw
 * costs by itself, next to what our board costs.
 */
const assetUrls = getAssetUrlsByImport()
const records = fetch('./records.json').then((response) => response.json() as Promise<TLRecord[]>)

function load(editor: Editor) {
  void records.then((all) => {
    editor.store.mergeRemoteChanges(() => editor.store.put(all))
    void editor.zoomToFit({ animation: { duration: 0 } })
  })
}

createRoot(document.getElementById('root')!).render(
  <div style={{ position: 'fixed', inset: 0 }}>
    <Tldraw assetUrls={assetUrls} onMount={load} />
  </div>,
)
