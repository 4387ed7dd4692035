import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino'
import { redactFields, redactText, redactUrl } from './logging/redact'

export type { Logger }

/** Fields that hold a secret as a whole; their values never reach a log. */
const SECRET_PATHS = [
  'token',
  'participantKey',
  'adminToken',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
]

/**
 * Structured JSON logs on stdout; every sync log line carries `room` and `reason`. No token,
 * participant key or admin token is ever written: query strings are blanked, known secret
 * fields removed, and error messages scrubbed.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'samskapa' },
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      serializers: {
        url: redactUrl,
        err: (error: Error) => {
          const serialized = stdSerializers.err(error)
          serialized.message = redactText(serialized.message)
          if (serialized.stack) serialized.stack = redactText(serialized.stack)
          return serialized
        },
      },
      formatters: { log: redactFields },
    },
    destination,
  )
}
