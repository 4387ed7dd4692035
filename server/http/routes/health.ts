import type { ClientConfig } from '../../../shared/contracts'
import { sendJson } from '../respond'
import type { Route } from '../Route'

const started = Date.now()

export const healthRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/healthz$/,
    handle({ res, context }) {
      const storage = context.health.status
      sendJson(res, storage.ok ? 200 : 503, {
        ok: storage.ok,
        storage,
        rooms: context.rooms.size,
        connections: context.sync.connectionCount,
        // Redis being away pauses fan-out between nodes but loses nothing: still healthy.
        cluster: context.cluster?.status(),
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      })
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/config$/,
    handle({ res, context }) {
      const clientConfig: ClientConfig = {
        tldrawLicenseKey: context.config.tldrawLicenseKey,
        maxRecordsPerBoard: context.config.maxRecordsPerBoard,
      }
      sendJson(res, 200, clientConfig)
    },
  },
]
