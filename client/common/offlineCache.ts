/**
 * Registers the service worker that lets an open board be reloaded without a network, and
 * hands it what this page loaded before it was in control. When that is cached, the page is
 * marked `data-offline-ready`.
 */
export async function enableOfflineReload() {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return
  await navigator.serviceWorker.register('/sw.js')
  const registration = await navigator.serviceWorker.ready
  const sendLoaded = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve()
      const loaded = performance.getEntriesByType('resource').map((entry) => entry.name)
      registration.active?.postMessage({ cache: loaded }, [channel.port2])
    })
  await sendLoaded()
  // The board's details and tldraw's fonts and translations may arrive after the first paint.
  window.addEventListener('load', () => void sendLoaded())
  setTimeout(() => {
    void sendLoaded().then(() => {
      document.documentElement.dataset.offlineReady = 'true'
    })
  }, 1500)
}
