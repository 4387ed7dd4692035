import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BoardInfo } from '../../shared/contracts'
import { accountRoutes } from '../accounts/routes'
import type { Config } from '../config'
import type { BoardRecord } from '../storage/Storage'
import { HttpError } from './respond'
import type { Route, ServerContext } from './Route'
import { assetRoutes } from './routes/assets'
import { boardRecordRoutes } from './routes/boardRecords'
import { captureRoutes } from './routes/captures'
import { boardRoutes } from './routes/boards'
import { clusterSuggestionRoutes } from './routes/clusterSuggestions'
import { dayRoutes } from './routes/day'
import { healthRoutes } from './routes/health'
import { importRoutes } from './routes/import'
import { rescueRoutes } from './routes/rescue'
import { metricsRoutes } from './routes/metrics'
import { outcomeRoutes } from './routes/outcome'
import { publishRoutes } from './routes/publish'
import { reportRoutes } from './routes/report'
import { savedTemplateRoutes } from './routes/savedTemplates'
import { templateRoutes } from './routes/templates'
import { versionRoutes } from './routes/versions'
import { workshopRoutes } from './routes/workshops'
import { workshopParticipantRoutes } from './routes/workshopsParticipants'
import { workshopSynthesisRoutes } from './routes/workshopsSynthesis'

/** Every API route; feature folders add theirs here. */
export const apiRoutes: Route[] = [
  ...healthRoutes,
  ...accountRoutes,
  ...metricsRoutes,
  ...templateRoutes,
  ...savedTemplateRoutes,
  ...boardRoutes,
  ...assetRoutes,
  ...versionRoutes,
  ...outcomeRoutes,
  ...clusterSuggestionRoutes,
  ...boardRecordRoutes,
  ...captureRoutes,
  ...importRoutes,
  ...rescueRoutes,
  ...workshopRoutes,
  ...workshopParticipantRoutes,
  ...workshopSynthesisRoutes,
  ...reportRoutes,
  ...publishRoutes,
  ...dayRoutes,
]

/** The public base URL: PUBLIC_URL when set, else what the request was addressed to. */
export function baseUrl(config: Config, req: IncomingMessage): string {
  if (config.publicUrl) return config.publicUrl
  return `http://${req.headers.host ?? `${config.host}:${config.port}`}`
}

export function boardInfo(
  base: string,
  board: BoardRecord,
  params: Record<string, string> = {},
): BoardInfo {
  const query = new URLSearchParams(params).toString()
  return {
    id: board.id,
    title: board.title,
    template: board.template,
    createdAt: board.createdAt,
    url: `${base}/b/${board.id}${query ? `?${query}` : ''}`,
    sync: { serverUrl: `${base.replace(/^http/, 'ws')}/sync`, room: board.id, params },
  }
}

/** A path segment as text; broken percent-encoding (`%E0%A4%A`) is the caller's error, 400. */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    throw new HttpError(400, 'bad_path', 'the path has broken percent-encoding')
  }
}

/** Routes the REST API; returns false for paths that are no route of ours. */
export function createApi(context: ServerContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let pathMatched = false
    for (const route of apiRoutes) {
      const match = route.pattern.exec(url.pathname)
      if (!match) continue
      pathMatched = true
      if (route.method !== req.method) continue
      const params = match.slice(1).map((part) => decodePathPart(part ?? ''))
      await route.handle({ req, res, url, params, context })
      return true
    }
    if (pathMatched) throw new HttpError(405, 'method_not_allowed', `${req.method} not allowed`)
    if (url.pathname.startsWith('/api/')) {
      throw new HttpError(404, 'not_found', `no route for ${req.method} ${url.pathname}`)
    }
    return false
  }
}
