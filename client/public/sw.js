// Keeps the app shell, its assets, the board details and the workshop details (the page's
// workshop, a participant's own entry, the facilitator's overview) in a cache, so a board or
// workshop page that was open can be reloaded without a network; the board's content itself
// lives in IndexedDB.
const CACHE = 'samskapa-v1'

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add('/index.html')))
  self.skipWaiting()
})

// The page that registered us loaded its assets before we were there: it sends their URLs.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.cache) ? event.data.cache : []
  const wanted = urls.filter((u) => {
    const url = new URL(u, self.location.origin)
    return url.origin === self.location.origin && isCacheable(url)
  })
  const done = caches
    .open(CACHE)
    .then((cache) => Promise.all(wanted.map((url) => cache.add(url).catch(() => undefined))))
    .then(() => event.ports[0]?.postMessage('cached'))
  event.waitUntil(done)
})
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

function isCacheable(url) {
  return (
    url.pathname.startsWith('/assets/') ||
    url.pathname === '/api/config' ||
    /^\/api\/boards\/[^/]+$/.test(url.pathname) ||
    /^\/api\/workshops\/[^/]+(\/me|\/overview)?$/.test(url.pathname)
  )
}

async function networkFirst(request, cacheKey) {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(cacheKey, response.clone())
    // Erased, or the link was replaced: what was kept (names included) must not outlive it.
    else if ([401, 403, 404].includes(response.status)) await cache.delete(cacheKey)
    return response
  } catch (error) {
    const cached = await cache.match(cacheKey)
    if (cached) return cached
    throw error
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return
  if (event.request.mode === 'navigate') {
    event.respondWith(networkFirst(event.request, '/index.html'))
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(event.request))
  } else if (isCacheable(url)) {
    event.respondWith(networkFirst(event.request, event.request))
  }
})
