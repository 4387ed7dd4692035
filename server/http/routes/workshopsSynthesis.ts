import { saveAutoVersion } from '../../versions/versionService'
import { GatherBusyError, GatherTimeoutError } from '../../workshops/gather/GatherWorker'
import { workshopOverview } from '../../workshops/overview'
import { contentLanguage } from '../language'
import { HttpError, sendJson, uiLanguage } from '../respond'
import type { Route, ServerContext } from '../Route'
import { workshopFor } from './workshopsCommon'

const ID = '([^/]*)'

async function plenaryOf(context: ServerContext, workshopId: string): Promise<string> {
  const plenary = (await context.storage.workshopBoards(workshopId)).find(
    (b) => b.kind === 'plenary',
  )
  if (!plenary) throw new HttpError(409, 'no_plenary', 'this workshop has no plenary board')
  return plenary.id
}

/** Planning is bounded in time and queue length; past either the caller may try again. */
async function planned<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof GatherBusyError || error instanceof GatherTimeoutError) {
      throw new HttpError(503, 'synthesis_busy', error.message)
    }
    throw error
  }
}

export const workshopSynthesisRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/overview$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      sendJson(res, 200, await workshopOverview(context, workshop.id))
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/synthesis$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const plenary = await plenaryOf(context, workshop.id)
      const synthesis = await planned(
        context.synthesis.preview(context, workshop.id, plenary, contentLanguage(req)),
      )
      sendJson(res, 200, synthesis)
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/gather$`),
    async handle({ req, res, url, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const plenary = await plenaryOf(context, workshop.id)
      await saveAutoVersion(context, plenary, 'beforeGather', uiLanguage(req, url))
      const synthesis = await planned(
        // Written onto the plenary board ("nämnd av …"): the page's language, else Swedish.
        context.synthesis.gather(context, workshop.id, plenary, contentLanguage(req)),
      )
      sendJson(res, 200, synthesis)
    },
  },
]
