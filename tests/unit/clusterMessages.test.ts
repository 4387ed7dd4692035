import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import {
  CLUSTER_PROTOCOL,
  decodeClusterMessage,
  encodeClusterMessage,
} from '../../server/cluster/clusterMessages'

describe('messages between nodes', () => {
  it('carry a header and binary payloads unchanged', () => {
    const update = new Uint8Array([0, 1, 2, 255])
    const bytes = encodeClusterMessage(
      { kind: 'stored', board: 'b1', node: 'n1', after: 4, seq: 6, origin: 'n1/3' },
      [update],
    )
    const decoded = decodeClusterMessage(bytes)
    expect(decoded).toEqual({
      ok: true,
      message: {
        header: { kind: 'stored', board: 'b1', node: 'n1', after: 4, seq: 6, origin: 'n1/3' },
        payloads: [update],
      },
    })
  })

  it('skip a message of another protocol version, so two releases can run side by side', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, CLUSTER_PROTOCOL + 1)
    encoding.writeVarString(
      encoder,
      JSON.stringify({ kind: 'head', board: 'b', node: 'n', seq: 1 }),
    )
    encoding.writeVarUint(encoder, 0)
    expect(decodeClusterMessage(encoding.toUint8Array(encoder))).toEqual({
      ok: false,
      why: `protocol version ${CLUSTER_PROTOCOL + 1}`,
    })
  })

  it('skip unknown kinds, wrong fields and bytes that are not a message', () => {
    const unknownKind = encodeClusterMessage({ kind: 'head', board: 'b', node: 'n', seq: 1 })
    // Rewrite the header to a kind no release knows.
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, CLUSTER_PROTOCOL)
    encoding.writeVarString(encoder, JSON.stringify({ kind: 'teleport', board: 'b' }))
    encoding.writeVarUint(encoder, 0)
    expect(decodeClusterMessage(encoding.toUint8Array(encoder)).ok).toBe(false)
    expect(decodeClusterMessage(unknownKind.slice(0, 5)).ok).toBe(false)
    expect(decodeClusterMessage(new Uint8Array([1, 200, 200, 200])).ok).toBe(false)
    const wrongField = encoding.createEncoder()
    encoding.writeVarUint(wrongField, CLUSTER_PROTOCOL)
    encoding.writeVarString(
      wrongField,
      JSON.stringify({ kind: 'head', board: 'b', node: 'n', seq: 'x' }),
    )
    encoding.writeVarUint(wrongField, 0)
    expect(decodeClusterMessage(encoding.toUint8Array(wrongField)).ok).toBe(false)
  })
})
