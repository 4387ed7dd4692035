/**
 * Turning what pg returns into what the Storage and AccountStore interfaces promise. pg
 * returns bigint columns as strings (a JS number cannot hold every int8), but every bigint
 * here is a millisecond timestamp or a sequence number, far below 2^53.
 */

export function toNumber(value: string | number): number {
  const number = typeof value === 'number' ? value : Number(value)
  if (!Number.isSafeInteger(number)) throw new Error(`Not a safe integer: ${String(value)}`)
  return number
}

export function toNumberOrNull(value: string | number | null): number | null {
  return value === null ? null : toNumber(value)
}

/**
 * A bytea arrives as a Buffer; where the interface says Uint8Array, callers get a plain
 * Uint8Array over the same memory, as Yjs and the wire code expect, without a copy.
 */
export function toBytes(value: Buffer): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
}
