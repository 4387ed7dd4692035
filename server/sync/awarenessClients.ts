import * as decoding from 'lib0/decoding'

/**
 * The client ids an awareness update speaks for, including those it announces as gone
 * (state `null`): y-protocols keeps a clock entry for every id it ever saw, so each one costs
 * memory whether or not it carries a state. Throws on a malformed update.
 */
export function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder))
    decoding.readVarUint(decoder)
    decoding.readVarString(decoder)
  }
  return ids
}
