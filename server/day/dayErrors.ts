import type { IncomingMessage } from 'node:http'
import type { z } from 'zod'
import { HttpError, requestLanguage } from '../http/respond'

const messages = {
  invalid_body: {
    sv: 'Begäran är felaktig: {detail}',
    en: 'The request is malformed: {detail}',
  },
  unknown_step: { sv: 'Steget finns inte i dagordningen.', en: 'No such step in the agenda.' },
  duplicate_step: {
    sv: 'Två steg har samma id.',
    en: 'Two steps have the same id.',
  },
  agenda_end: { sv: 'Dagordningen har inga fler steg.', en: 'The agenda has no more steps.' },
  no_timer: { sv: 'Ingen timer är igång.', en: 'No timer is running.' },
  unknown_board: {
    sv: 'Tavlan hör inte till workshopen.',
    en: 'That board is not part of this workshop.',
  },
  unknown_vote: { sv: 'Röstningen finns inte.', en: 'No such vote.' },
  vote_running: {
    sv: 'En röstning pågår redan; stäng den först.',
    en: 'A vote is already running; close it first.',
  },
  vote_closed: { sv: 'Röstningen är stängd.', en: 'The vote is closed.' },
  results_hidden: {
    sv: 'Resultatet visas när röstningen stängs.',
    en: 'The results are shown when the vote closes.',
  },
  unknown_item: {
    sv: 'Det går inte att rösta på det här.',
    en: 'That cannot be voted on.',
  },
  budget_spent: { sv: 'Du har inga röster kvar.', en: 'You have no votes left.' },
  cap_reached: {
    sv: 'Den här har redan fått så många röster du får ge den.',
    en: 'You have given this item as many votes as allowed.',
  },
  polarity_budget_spent: {
    sv: 'Du har inga röster kvar för det slaget av faktorer (hämmande eller främjande); en ej bestämd lapp går inte att rösta på.',
    en: 'You have no votes left for that kind of factor (hindering or enabling); an undecided note cannot be voted on.',
  },
  nothing_to_take_back: {
    sv: 'Du har ingen röst här att ta tillbaka.',
    en: 'You have no vote here to take back.',
  },
  unknown_participant: { sv: 'Deltagaren finns inte.', en: 'No such participant.' },
  too_many_ballots: {
    sv: 'Du röstar väldigt snabbt. Vänta en stund och försök igen.',
    en: 'You are voting very fast. Wait a moment and try again.',
  },
  too_many_hands: {
    sv: 'Du har räckt upp och tagit ner handen många gånger. Vänta en stund och försök igen.',
    en: 'You have raised and lowered your hand many times. Wait a moment and try again.',
  },
  too_many_streams: {
    sv: 'För många är anslutna till workshopen just nu.',
    en: 'Too many pages are connected to this workshop right now.',
  },
} as const

export type DayErrorCode = keyof typeof messages

/** An error of the day's endpoints, with its message in the request's language. */
export function dayError(
  req: IncomingMessage,
  status: number,
  code: DayErrorCode,
  detail = '',
): HttpError {
  const text = messages[code][requestLanguage(req)].replace('{detail}', detail)
  return new HttpError(status, code, text)
}

/** 429 for a participant who acts too often, with when to try again (`Retry-After`). */
export function tooOften(
  req: IncomingMessage,
  code: 'too_many_ballots' | 'too_many_hands',
  retryAfterSeconds: number,
): HttpError {
  return new HttpError(429, code, messages[code][requestLanguage(req)], retryAfterSeconds)
}

/** Parses a body with `schema`, or throws 400 naming the first problem. */
export function parseBody<T>(req: IncomingMessage, schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
  throw dayError(req, 400, 'invalid_body', `${where}${issue?.message ?? ''}`)
}
