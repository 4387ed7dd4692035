import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import {
  DEFAULT_MODEL_CLUSTER_THRESHOLD,
  DEFAULT_MODEL_MERGE_THRESHOLD,
} from '../shared/similarity/modelThresholds'
import { DEFAULT_MAX_RECORDS_PER_BOARD } from '../shared/board/recordLimit'
import type { SimilarityModelSettings } from './similarity/ModelSimilarity'

const MiB = 1024 * 1024

/** Every setting, read once from the environment and validated. Documented in the README. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgresql:// connection string')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// connection string')
    .optional(),
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore')
    .optional(),
  LEASE_MS: z.coerce.number().int().min(1000).max(60_000).default(6000),
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
  REBUILD_RATIO: z.coerce.number().min(0).default(1.25),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  AWARENESS_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(40),
  PRESENCE_BATCH_ABOVE: z.coerce.number().int().min(0).default(20),
  SYNC_COMPRESSION: z.enum(['on', 'off']).default('on'),
  MAX_DOC_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(16 * MiB),
  MAX_RECORDS_PER_BOARD: z.coerce.number().int().min(100).default(DEFAULT_MAX_RECORDS_PER_BOARD),
  MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(32 * MiB),
  MAX_ROOMS: z.coerce.number().int().min(1).default(1000),
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(300),
  MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(300),
  ALLOWED_ORIGINS: z.string().default(''),
  TRUST_PROXY: z.enum(['0', '1', 'false', 'true']).default('0'),
  ADMIN_TOKEN: z.string().min(16).optional(),
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(20),
  AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  MAX_LIVE_STREAMS_PER_WORKSHOP: z.coerce.number().int().min(1).default(1000),
  MAX_DATABASE_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .optional(),
  MAX_SAVED_TEMPLATES: z.coerce.number().int().min(0).default(200),
  MAX_TEMPLATE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024),
  GATHER_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  CREATES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  JOINS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  SIGN_INS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid profile email'),
  OIDC_ALLOWED_GROUPS: z.string().default(''),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_ALLOWED_EMAIL_DOMAIN: z.string().default(''),
  SESSION_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 90)
    .default(12),
  SECRET_KEY: z.string().min(32).optional(),
  MAX_ASSET_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(15 * MiB),
  SIMILARITY_MODEL_DIR: z.string().trim().optional(),
  SIMILARITY_MODEL_THRESHOLD: z.coerce
    .number()
    .min(-1)
    .max(1)
    .default(DEFAULT_MODEL_MERGE_THRESHOLD),
  SIMILARITY_MODEL_CLUSTER_THRESHOLD: z.coerce
    .number()
    .min(-1)
    .max(1)
    .default(DEFAULT_MODEL_CLUSTER_THRESHOLD),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  /** PostgreSQL for boards and accounts (several nodes share it); undefined: SQLite in dataDir. */
  databaseUrl: string | undefined
  /**
   * Redis for fan-out between nodes that share one PostgreSQL database; undefined: one node.
   * It carries messages only, never data (docs/multinode.md).
   */
  redisUrl: string | undefined
  /** This node's name among the others (lease rows, logs, messages): host name and pid by default. */
  nodeId: string
  /** A node that owns a board and stops renewing its lease loses it after this long. */
  leaseMs: number
  publicUrl: string | undefined
  tldrawLicenseKey: string
  logLevel: z.infer<typeof schema>['LOG_LEVEL']
  maxMessageBytes: number
  roomGraceMs: number
  pingIntervalMs: number
  compactEveryUpdates: number
  /**
   * A board whose doc has grown past this many times its records written afresh is rebuilt
   * when it unloads (server/sync/epochs); 0 never rebuilds.
   */
  rebuildRatio: number
  sqliteSynchronous: 'FULL' | 'NORMAL'
  awarenessIntervalMs: number
  /** Rooms with more connections than this batch presence; smaller ones relay it at once. */
  presenceBatchAbove: number
  /** permessage-deflate on sync sockets (off when a proxy in front already compresses). */
  syncCompression: boolean
  maxDocBytes: number
  /** Records (notes, shapes, bindings, pages) one board may hold; the client is told it too. */
  maxRecordsPerBoard: number
  /** Bytes queued for one slow socket before it is closed with 1013. */
  maxBufferedBytes: number
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
  /** Largest size of the SQLite database; past it writes fail as on a full disk. */
  maxDatabaseBytes: number | undefined
  /** Saved templates the server keeps; past it saving answers 409. */
  maxSavedTemplates: number
  /** Largest saved template (its shapes as JSON); past it saving answers 413. */
  maxTemplateBytes: number
  /** Longest a synthesis or gathering may be planned (on its worker thread) before 503. */
  gatherTimeoutMs: number
  /** Boards and workshops one address may create per minute. */
  createsPerMinute: number
  /** Participants one address may join per minute (a whole class behind one NAT fits). */
  joinsPerMinute: number
  /** Sign-in starts and returns one address may make per minute (each one asks the provider). */
  signInsPerMinute: number
  /** Sign-in with the municipality's OpenID provider; undefined when not configured. */
  oidc: OidcSettings | undefined
  /** How long a sign-in session lasts. */
  sessionHours: number
  /** Seals what the server must open again (signed-in facilitators' links); else a key file. */
  secretKey: string | undefined
  /** Largest image upload; larger bodies get 413. */
  maxAssetBytes: number
  /** The municipality's sentence-embedding model; undefined: the built-in similarity only. */
  similarityModel: SimilarityModelSettings | undefined
}

export interface OidcSettings {
  issuer: string
  clientId: string
  clientSecret: string
  scopes: string
  /** Any of these in the groups claim admits a person; empty admits everyone the provider does. */
  allowedGroups: string[]
  groupsClaim: string
  /** When set, only e-mail addresses of this domain (verified by the provider) are admitted. */
  allowedEmailDomain: string | undefined
}

function oidcSettings(s: z.infer<typeof schema>): OidcSettings | undefined {
  const given = [s.OIDC_ISSUER, s.OIDC_CLIENT_ID, s.OIDC_CLIENT_SECRET]
  if (given.every((value) => value === undefined)) return undefined
  if (!s.OIDC_ISSUER || !s.OIDC_CLIENT_ID || !s.OIDC_CLIENT_SECRET) {
    throw new Error(
      'Invalid settings:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed together',
    )
  }
  return {
    issuer: s.OIDC_ISSUER,
    clientId: s.OIDC_CLIENT_ID,
    clientSecret: s.OIDC_CLIENT_SECRET,
    scopes: s.OIDC_SCOPES,
    allowedGroups: s.OIDC_ALLOWED_GROUPS.split(',')
      .map((group) => group.trim())
      .filter(Boolean),
    groupsClaim: s.OIDC_GROUPS_CLAIM,
    allowedEmailDomain:
      s.OIDC_ALLOWED_EMAIL_DOMAIN.trim().replace(/^@/, '').toLowerCase() || undefined,
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid settings:\n  ${problems.join('\n  ')}`)
  }
  const s = parsed.data
  if (s.REDIS_URL && !s.DATABASE_URL) {
    throw new Error(
      'Invalid settings:\n  REDIS_URL: several nodes need a shared database; set DATABASE_URL too',
    )
  }
  return {
    port: s.PORT,
    host: s.HOST,
    dataDir: path.resolve(s.DATA_DIR),
    databaseUrl: s.DATABASE_URL,
    redisUrl: s.REDIS_URL,
    leaseMs: s.LEASE_MS,
    nodeId: s.NODE_ID ?? `${os.hostname()}-${process.pid}`.replace(/[^A-Za-z0-9._-]/g, '_'),
    publicUrl: s.PUBLIC_URL?.replace(/\/$/, ''),
    tldrawLicenseKey: s.TLDRAW_LICENSE_KEY,
    logLevel: s.LOG_LEVEL,
    maxMessageBytes: s.MAX_MESSAGE_BYTES,
    roomGraceMs: s.ROOM_GRACE_MS,
    pingIntervalMs: s.PING_INTERVAL_MS,
    compactEveryUpdates: s.COMPACT_EVERY_UPDATES,
    rebuildRatio: s.REBUILD_RATIO,
    sqliteSynchronous: s.SQLITE_SYNCHRONOUS,
    awarenessIntervalMs: s.AWARENESS_INTERVAL_MS,
    presenceBatchAbove: s.PRESENCE_BATCH_ABOVE,
    syncCompression: s.SYNC_COMPRESSION === 'on',
    maxDocBytes: s.MAX_DOC_BYTES,
    maxRecordsPerBoard: s.MAX_RECORDS_PER_BOARD,
    maxBufferedBytes: s.MAX_BUFFERED_BYTES,
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
    maxDatabaseBytes: s.MAX_DATABASE_BYTES,
    maxSavedTemplates: s.MAX_SAVED_TEMPLATES,
    maxTemplateBytes: s.MAX_TEMPLATE_BYTES,
    gatherTimeoutMs: s.GATHER_TIMEOUT_MS,
    createsPerMinute: s.CREATES_PER_MINUTE,
    joinsPerMinute: s.JOINS_PER_MINUTE,
    signInsPerMinute: s.SIGN_INS_PER_MINUTE,
    oidc: oidcSettings(s),
    sessionHours: s.SESSION_HOURS,
    secretKey: s.SECRET_KEY,
    maxAssetBytes: s.MAX_ASSET_BYTES,
    similarityModel: s.SIMILARITY_MODEL_DIR
      ? {
          dir: path.resolve(s.SIMILARITY_MODEL_DIR),
          mergeThreshold: s.SIMILARITY_MODEL_THRESHOLD,
          clusterThreshold: s.SIMILARITY_MODEL_CLUSTER_THRESHOLD,
        }
      : undefined,
  }
}
