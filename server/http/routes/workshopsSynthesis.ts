import { gatherIntoDoc, previewGather } from '../../../shared/workshop/gather'
import { newId } from '../../boards/BoardService'
import { saveAutoVersion } from '../../versions/versionService'
import { withBoardDoc } from '../../workshops/boardDocs'
import { groupOutcomes, workshopOverview } from '../../workshops/overview'
import { HttpError, requestLanguage, sendJson, uiLanguage } from '../respond'
import type { Route, ServerContext } from '../Route'
import { workshopFor } from './workshopsCommon'

const ID = '([^/]*)'

function plenaryOf(context: ServerContext, workshopId: string): string {
  const plenary = context.storage.workshopBoards(workshopId).find((b) => b.kind === 'plenary')
  if (!plenary) throw new HttpError(409, 'no_plenary', 'this workshop has no plenary board')
  return plenary.id
}

export const workshopSynthesisRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/overview$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      sendJson(res, 200, workshopOverview(context, workshop.id))
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/workshops/${ID}/synthesis$`),
    async handle({ req, res, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const groups = groupOutcomes(context, workshop.id)
      const synthesis = withBoardDoc(context, plenaryOf(context, workshop.id), (doc) =>
        previewGather(doc, groups, requestLanguage(req)),
      )
      sendJson(res, 200, synthesis)
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/workshops/${ID}/gather$`),
    async handle({ req, res, url, params, context }) {
      const { workshop } = await workshopFor(req, context, params[0]!, 'facilitator')
      const groups = groupOutcomes(context, workshop.id)
      const plenary = plenaryOf(context, workshop.id)
      saveAutoVersion(context, plenary, 'beforeGather', uiLanguage(req, url))
      const synthesis = withBoardDoc(context, plenary, (doc) =>
        gatherIntoDoc(doc, groups, requestLanguage(req), () => `shape:${newId(9)}`),
      )
      sendJson(res, 200, synthesis)
    },
  },
]
