/**
 * Registers the service worker that lets an open board be reloaded without a network, and
 * hands it what this page loaded before it was in control.
 */
export async function enableOfflineReload() {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return
  await navigator.serviceWorker.register('/sw.js')
  const registration = await navigator.serviceWorker.ready
  const sendLoaded = () => {
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name)
    registration.active?.postMessage({ cache: loaded })
  }
  sendLoaded()
  // The board's details and tldraw's fonts and translations arrive after the first paint.
  setTimeout(sendLoaded, 3000)
}
