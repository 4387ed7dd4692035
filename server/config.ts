import path from 'node:path'
import { z } from 'zod'

const MiB = 1024 * 1024

/** Every setting, read once from the environment and validated. Documented in the README. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.url().optional(),
  TLDRAW_LICENSE_KEY: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * MiB),
  ROOM_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  PING_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  COMPACT_EVERY_UPDATES: z.coerce.number().int().min(1).default(500),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  AWARENESS_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(40),
  MAX_DOC_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(64 * MiB),
  MAX_ROOMS: z.coerce.number().int().min(1).default(1000),
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(300),
  MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(300),
  ALLOWED_ORIGINS: z.string().default(''),
  TRUST_PROXY: z.enum(['0', '1', 'false', 'true']).default('0'),
  ADMIN_TOKEN: z.string().min(16).optional(),
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(20),
  AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  MAX_LIVE_STREAMS_PER_WORKSHOP: z.coerce.number().int().min(1).default(1000),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  publicUrl: string | undefined
  tldrawLicenseKey: string
  logLevel: z.infer<typeof schema>['LOG_LEVEL']
  maxMessageBytes: number
  roomGraceMs: number
  pingIntervalMs: number
  compactEveryUpdates: number
  sqliteSynchronous: 'FULL' | 'NORMAL'
  awarenessIntervalMs: number
  maxDocBytes: number
  maxRooms: number
  maxConnectionsPerAddress: number
  maxMessagesPerSecond: number
  /** Browser origins allowed to open sync sockets; empty means the server's own origin only. */
  allowedOrigins: string[]
  /** Count limits by the address a reverse proxy put in X-Forwarded-For. */
  trustProxy: boolean
  /** When set, creating boards and workshops needs `Authorization: Bearer <adminToken>`. */
  adminToken: string | undefined
  /** Failed token checks allowed per address and window before it gets 429 / 4429. */
  authFailureLimit: number
  authFailureWindowSeconds: number
  maxLiveStreamsPerWorkshop: number
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid settings:\n  ${problems.join('\n  ')}`)
  }
  const s = parsed.data
  return {
    port: s.PORT,
    host: s.HOST,
    dataDir: path.resolve(s.DATA_DIR),
    publicUrl: s.PUBLIC_URL?.replace(/\/$/, ''),
    tldrawLicenseKey: s.TLDRAW_LICENSE_KEY,
    logLevel: s.LOG_LEVEL,
    maxMessageBytes: s.MAX_MESSAGE_BYTES,
    roomGraceMs: s.ROOM_GRACE_MS,
    pingIntervalMs: s.PING_INTERVAL_MS,
    compactEveryUpdates: s.COMPACT_EVERY_UPDATES,
    sqliteSynchronous: s.SQLITE_SYNCHRONOUS,
    awarenessIntervalMs: s.AWARENESS_INTERVAL_MS,
    maxDocBytes: s.MAX_DOC_BYTES,
    maxRooms: s.MAX_ROOMS,
    maxConnectionsPerAddress: s.MAX_CONNECTIONS_PER_ADDRESS,
    maxMessagesPerSecond: s.MAX_MESSAGES_PER_SECOND,
    allowedOrigins: s.ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
    trustProxy: s.TRUST_PROXY === '1' || s.TRUST_PROXY === 'true',
    adminToken: s.ADMIN_TOKEN,
    authFailureLimit: s.AUTH_FAILURE_LIMIT,
    authFailureWindowSeconds: s.AUTH_FAILURE_WINDOW_SECONDS,
    maxLiveStreamsPerWorkshop: s.MAX_LIVE_STREAMS_PER_WORKSHOP,
  }
}
