import type { Route } from '../../Route'
import { agendaRoutes } from './agenda'
import { attentionRoutes } from './attention'
import { handRoutes } from './hands'
import { liveRoutes } from './live'
import { privateWritingRoutes } from './privateWriting'
import { timerRoutes } from './timer'
import { voteRoutes } from './votes'

/** Running the day: the live channel, agenda, timer, silent writing, votes, attention and raised hands. */
export const dayRoutes: Route[] = [
  ...liveRoutes,
  ...agendaRoutes,
  ...timerRoutes,
  ...privateWritingRoutes,
  ...voteRoutes,
  ...attentionRoutes,
  ...handRoutes,
]
