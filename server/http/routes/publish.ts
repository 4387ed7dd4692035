import type { ServerResponse } from 'node:http'
import { z } from 'zod'
import type { Published, PublishCheck } from '../../../shared/publishContracts'
import type { Report } from '../../../shared/report/Report'
import { buildReport } from '../../report/buildReport'
import { publishedPage, unpublishedPage } from '../../publish/publishedPage'
import { personalDataWarnings, publish, PUBLIC_PATH, unpublish } from '../../publish/publishService'
import type { PublicationRecord } from '../../storage/Storage'
import { baseUrl } from '../api'
import { HttpError, readJson, requestLanguage, sendJson, uiLanguage } from '../respond'
import type { Route, ServerContext } from '../Route'
import { parseFormat, sendReport } from './report'
import { invalidBody, workshopFor } from './workshopsCommon'

const ID = '([^/]*)'
const SLUG = '([A-Za-z0-9_-]{8,32})'
const PUBLISH_LIMIT = 512 * 1024

const publishBody = z.object({
  includeNames: z.boolean().optional(),
  note: z.string().max(1000).optional(),
  edits: z.record(z.string().max(100), z.string().max(5000)).optional(),
})

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-cache',
  })
  res.end(html)
}

/** The live publication of a slug, or the 404 / 410 a visitor gets instead. */
async function publicationFor(
  context: ServerContext,
  slug: string,
  res: ServerResponse,
  lang: 'sv' | 'en',
) {
  const publication = await context.storage.publicationBySlug(slug)
  if (!publication) throw new HttpError(404, 'not_found', 'no such page')
  if (publication.report === null) {
    sendHtml(res, 410, unpublishedPage(lang))
    return undefined
  }
  return { publication, report: JSON.parse(publication.report) as Report }
}

const publicUrl = (base: string, publication: PublicationRecord) =>
  `${base}${PUBLIC_PATH}${publication.slug}`

export const publishRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/publish$`),
    async handle({ req, res, url, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const current = await context.storage.publicationOf(workshop.id)
      const check: PublishCheck = {
        published:
          current && current.report !== null
            ? {
                url: publicUrl(baseUrl(context.config, req), current),
                version: current.version,
                publishedAt: current.publishedAt,
              }
            : null,
        warnings: personalDataWarnings(await buildReport(context, workshop, uiLanguage(req, url))),
      }
      sendJson(res, 200, check)
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/publish$`),
    async handle({ req, res, url, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const body = publishBody.safeParse(await readJson(req, PUBLISH_LIMIT))
      if (!body.success) throw invalidBody(body.error.issues)
      const report = await buildReport(context, workshop, uiLanguage(req, url))
      const publication = await publish(context, workshop, report, body.data)
      const published: Published = {
        url: publicUrl(baseUrl(context.config, req), publication),
        version: publication.version,
      }
      sendJson(res, 201, published)
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/api/workshops/${ID}/publish$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      if (!(await unpublish(context, workshop.id))) {
        throw new HttpError(404, 'not_published', 'this workshop is not published')
      }
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end()
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${PUBLIC_PATH}${SLUG}$`),
    async handle({ req, res, params, context }) {
      const found = await publicationFor(context, params[0]!, res, requestLanguage(req))
      if (found) sendHtml(res, 200, publishedPage(found.publication, found.report))
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${PUBLIC_PATH}${SLUG}/report\\.(\\w+)$`),
    async handle({ req, res, params, context }) {
      const format = parseFormat(params[1]!)
      const found = await publicationFor(context, params[0]!, res, requestLanguage(req))
      if (found) await sendReport(res, found.report, format)
    },
  },
]
