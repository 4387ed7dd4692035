import { z } from 'zod'
import type { JsonValue } from './yjsValue'

/**
 * The keys a board's `meta` map may hold and what each value must look like. Who may write
 * which key is the server's write policy; this only says what is well-formed, so a reader
 * (gather, the banner, the settings) never meets a value it cannot parse.
 */

/** A value stored as a JSON string whose parsed form must match `schema`. */
function jsonString(schema: z.ZodType) {
  return z.string().refine((text) => {
    try {
      return schema.safeParse(JSON.parse(text)).success
    } catch {
      return false
    }
  }, 'not the expected JSON')
}

const serializedSchema = z.looseObject({ schemaVersion: z.number() })

const boardSettings = z.looseObject({ anonymous: z.boolean().optional() })

const banner = z.object({ text: z.string().max(500), at: z.number() })

const trackedEntry = z.looseObject({
  keyAreaKey: z.string(),
  polarity: z.string(),
  noteId: z.string(),
  factors: z.array(z.string()),
  generatedText: z.string(),
  dismissed: z.boolean().optional(),
})

const gatherState = z.looseObject({
  version: z.literal(1),
  keyAreas: z.record(z.string(), z.looseObject({ frameId: z.string() })),
  entries: z.record(z.string(), trackedEntry),
})

export const META_KEYS = {
  /** The tldraw schema the records were written with (see migrateBoard). */
  tldrawSchema: jsonString(serializedSchema),
  /** Board-wide settings (see boardSettings). */
  boardSettings: jsonString(boardSettings),
  /** The facilitator's message to every board of a workshop. */
  banner,
  /** The plenary's gathered synthesis (see gatherState). */
  synthesis: jsonString(gatherState),
  /** How often the server rebuilt the doc from its records (see boardEpoch); unset is 0. */
  epoch: z.number().int().min(1),
} satisfies Record<string, z.ZodType>

export type MetaKey = keyof typeof META_KEYS

export function isMetaKey(key: string): key is MetaKey {
  return Object.hasOwn(META_KEYS, key)
}

/** Why `value` may not be stored under meta `key`, or undefined if it may (or is deleted). */
export function metaValueProblem(key: string, value: JsonValue | undefined): string | undefined {
  if (!isMetaKey(key)) return `unknown meta key ${key}`
  if (value === undefined) return undefined
  const result = META_KEYS[key].safeParse(value)
  return result.success ? undefined : `meta.${key}: ${result.error.issues[0]?.message ?? 'invalid'}`
}
