import { pino, type Logger } from 'pino'

export type { Logger }

/** Structured JSON logs on stdout; every sync log line carries `room` and `reason`. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'samskapa' } })
}
