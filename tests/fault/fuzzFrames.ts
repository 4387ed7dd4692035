import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import { metaMap, recordsMap, writeRecords } from '../../shared/board/boardDoc'
import { frameShape, noteShape, PAGE_ID } from '../../shared/board/shapeRecords'
import { toYValue, type JsonValue } from '../../shared/board/yjsValue'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export function updateFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    syncProtocol.writeUpdate(e, update)
  })
}

/** A valid awareness update from a new client id with `state` as its JSON state. */
export function awarenessFrame(clientId: number, state: unknown, clock = 1): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS)
    const update = frame((u) => {
      encoding.writeVarUint(u, 1)
      encoding.writeVarUint(u, clientId)
      encoding.writeVarUint(u, clock)
      encoding.writeVarString(u, JSON.stringify(state))
    })
    encoding.writeVarUint8Array(e, update)
  })
}

/** A Yjs update, as a fresh peer would send it, that puts `fields` in as one board record. */
export function recordUpdate(id: string, fields: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(fields)) {
      // Y.Map stores numbers as they are, so NaN and Infinity survive where JSON cannot carry them.
      map.set(key, typeof value === 'number' ? value : toYValue(value as JsonValue))
    }
    recordsMap(doc).set(id, map as Y.Map<unknown>)
  })
  return Y.encodeStateAsUpdate(doc)
}

/** An update made by `change` on a fresh doc, as one transaction. */
function docUpdate(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => change(doc))
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

function fuzzFrame(gen: prng.PRNG, parentId: string) {
  const id = `shape:${prng.word(gen, 1, 3)}`
  return frameShape(
    { id, x: 0, y: 0, index: 'a2', parentId },
    { w: 100, h: 100, name: id, color: 'black' },
  )
}

/**
 * Well-formed updates to every shared type of the doc and past them: each meta key with a
 * good and a bad value, unknown keys and top-level types of every kind, sequence content
 * where maps belong, deep nesting and parent structure across records.
 */
function everySharedType(gen: prng.PRNG): Uint8Array[] {
  const word = () => prng.word(gen, 0, 8)
  const changes: ((doc: Y.Doc) => void)[] = [
    (doc) => metaMap(doc).set('tldrawSchema', prng.oneOf(gen, ['{', '{"schemaVersion":2}'])),
    (doc) => metaMap(doc).set('banner', prng.oneOf(gen, [{ text: word(), at: 1 }, { text: 3 }])),
    (doc) => metaMap(doc).set('boardSettings', prng.oneOf(gen, ['{"anonymous":true}', '[', '1'])),
    (doc) => metaMap(doc).set('synthesis', prng.oneOf(gen, ['{"version":1}', '{', word()])),
    (doc) => metaMap(doc).set(word(), word()),
    (doc) => metaMap(doc).set('banner', new Y.Map()),
    (doc) => doc.getMap(word()).set(word(), prng.uint32(gen, 0, 9)),
    (doc) => doc.getArray(word()).insert(0, [word()]),
    (doc) => doc.getText(word()).insert(0, word()),
    (doc) => doc.getXmlFragment(word()).insert(0, [new Y.XmlText(word())]),
    (doc) => doc.getArray('records').insert(0, [word()]),
    (doc) => doc.getText('meta').insert(0, word()),
    (doc) => recordsMap(doc).set(`shape:${word()}`, word() as never),
    (doc) => {
      const note = noteShape(
        { id: 'shape:deep', x: 0, y: 0, index: 'a1' },
        { text: word(), color: 'blue' },
      )
      writeRecords(doc, [note])
      let current = recordsMap(doc).get('shape:deep')!.get('meta') as Y.Map<unknown>
      for (let i = prng.int32(gen, 65, 300); i > 0; i--) {
        const next = new Y.Map<unknown>()
        current.set('m', next)
        current = next
      }
    },
    (doc) => {
      const a = fuzzFrame(gen, PAGE_ID)
      const b = fuzzFrame(gen, a.id)
      writeRecords(doc, [{ ...a, parentId: prng.oneOf(gen, [b.id, a.id, 'shape:gone']) }, b])
    },
  ]
  return changes.map((change) => updateFrame(docUpdate(change)))
}

/** Well-formed y-websocket messages the mutations start from. */
function validMessages(gen: prng.PRNG): Uint8Array[] {
  const doc = new Y.Doc()
  const note = noteShape(
    { id: 'shape:fuzz', x: 1, y: 2, index: 'a1' },
    { text: 'x', color: 'blue' },
  )
  recordsMap(doc).set(note.id, toYValue(note) as Y.Map<unknown>)
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState({ user: { name: prng.word(gen, 1, 12) } })
  const messages = [
    frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      syncProtocol.writeSyncStep1(e, doc)
    }),
    frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      syncProtocol.writeSyncStep2(e, doc)
    }),
    updateFrame(Y.encodeStateAsUpdate(doc)),
    frame((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(
        e,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
      )
    }),
    frame((e) => encoding.writeVarUint(e, MESSAGE_AUTH)),
    ...everySharedType(gen),
  ]
  awareness.destroy()
  doc.destroy()
  return messages
}

function mutate(gen: prng.PRNG, bytes: Uint8Array): Uint8Array {
  const out = [...bytes]
  const times = prng.int32(gen, 1, 4)
  for (let i = 0; i < times; i++) {
    const at = prng.int32(gen, 0, Math.max(out.length - 1, 0))
    const choice = prng.int32(gen, 0, 3)
    if (choice === 0 && out.length > 0) out[at] = out[at]! ^ (1 << prng.int32(gen, 0, 7))
    else if (choice === 1) out.splice(at, 0, prng.uint32(gen, 0, 255))
    else if (choice === 2) out.splice(at, 1)
    else out.length = at
  }
  return new Uint8Array(out)
}

function hugeLength(gen: prng.PRNG): Uint8Array {
  const declared = prng.oneOf(gen, [2 ** 31, 2 ** 32 - 1, 2 ** 53 - 1, 2 ** 30])
  return frame((e) => {
    const prefix = prng.oneOf(gen, [
      [MESSAGE_SYNC, 0],
      [MESSAGE_SYNC, 1],
      [MESSAGE_SYNC, 2],
      [MESSAGE_AWARENESS],
    ])
    for (const byte of prefix) encoding.writeVarUint(e, byte)
    encoding.writeVarUint(e, declared)
    encoding.writeUint8Array(e, prng.uint8Array(gen, prng.int32(gen, 0, 16)))
  })
}

function truncatedVarint(gen: prng.PRNG): Uint8Array {
  const prefix = prng.oneOf(gen, [[], [MESSAGE_SYNC], [MESSAGE_SYNC, 2], [MESSAGE_AWARENESS]])
  const continuation = Array.from(
    { length: prng.int32(gen, 1, 10) },
    () => 0x80 | prng.uint32(gen, 0, 127),
  )
  return new Uint8Array([...prefix, ...continuation])
}

/**
 * Frames a client may legally send that change nothing and keep the connection open; like a
 * real client, one connection speaks for one awareness client id.
 */
export function harmless(gen: prng.PRNG, clientId: number): Uint8Array {
  return prng.oneOf(gen, [
    () =>
      frame((e) => {
        encoding.writeVarUint(e, MESSAGE_AUTH)
        encoding.writeUint8Array(e, prng.uint8Array(gen, prng.int32(gen, 0, 32)))
      }),
    () =>
      frame((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC)
        encoding.writeVarUint(e, 0)
        encoding.writeVarUint8Array(e, new Uint8Array([0]))
      }),
    () => awarenessFrame(clientId, { cursor: { x: prng.real53(gen) } }),
  ])()
}

export type FrameKind = 'random' | 'mutated' | 'truncated' | 'hugeLength' | 'sharedType'

/** An endless, seeded stream of hostile frames in a fixed mix. */
export function* hostileFrames(gen: prng.PRNG): Generator<{ kind: FrameKind; bytes: Uint8Array }> {
  const valid = validMessages(gen)
  const shaped = [...everySharedType(gen), ...everySharedType(gen)]
  for (;;) {
    const roll = prng.int32(gen, 0, 99)
    if (roll < 30) yield { kind: 'random', bytes: prng.uint8Array(gen, prng.int32(gen, 0, 64)) }
    else if (roll < 80) yield { kind: 'mutated', bytes: mutate(gen, prng.oneOf(gen, valid)) }
    else if (roll < 85) yield { kind: 'truncated', bytes: truncatedVarint(gen) }
    else if (roll < 90) yield { kind: 'sharedType', bytes: prng.oneOf(gen, shaped) }
    else yield { kind: 'hugeLength', bytes: hugeLength(gen) }
  }
}
