import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import type { CreatedWorkshop } from '../../shared/workshopContracts'

/** Creates a workshop through the public API, as the contract says. */
export async function createWorkshop(
  url: string,
  body: Record<string, unknown> = { title: 'Digital förändring', groups: 2 },
  headers: Record<string, string> = {},
): Promise<CreatedWorkshop> {
  const response = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  if (response.status !== 201) throw new Error(`create workshop: ${response.status}`)
  return (await response.json()) as CreatedWorkshop
}

export function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!
}

/** Calls the API with a role's token (and a participant key) as query parameters. */
export function call(
  url: string,
  method: string,
  path: string,
  query: Record<string, string>,
  body?: unknown,
) {
  const hasBody = body !== undefined && method !== 'GET'
  return fetch(`${url}${path}?${new URLSearchParams(query).toString()}`, {
    method,
    headers: hasBody ? { 'Content-Type': 'application/json' } : {},
    body: hasBody ? JSON.stringify(body) : undefined,
  })
}

/**
 * A y-websocket client made by hand from raw `ws` and y-protocols: it asks for the board
 * (sync step 1), answers the server's step 1 with its own state, and can push any update or
 * presence.
 */
export class HandMadeClient {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly socket: WebSocket
  readonly closed: Promise<number>
  readonly opened: Promise<void>

  constructor(syncUrl: string) {
    this.socket = new WebSocket(syncUrl)
    this.socket.binaryType = 'nodebuffer'
    this.closed = new Promise((resolve) => this.socket.on('close', (code) => resolve(code)))
    this.opened = new Promise((resolve) =>
      this.socket.once('open', () => {
        const step1 = encoding.createEncoder()
        encoding.writeVarUint(step1, 0)
        syncProtocol.writeSyncStep1(step1, this.doc)
        this.socket.send(encoding.toUint8Array(step1))
        resolve()
      }),
    )
    this.socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data)))
  }

  private receive(message: Uint8Array) {
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    if (type === 0) {
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, 0)
      syncProtocol.readSyncMessage(decoder, reply, this.doc, 'server')
      if (encoding.length(reply) > 1) this.socket.send(encoding.toUint8Array(reply))
    } else if (type === 1) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        'server',
      )
    }
  }

  /** Sends an update both as a plain update and as an unasked sync step 2. */
  sendUpdate(update: Uint8Array) {
    for (const kind of [syncProtocol.messageYjsUpdate, syncProtocol.messageYjsSyncStep2]) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint(encoder, kind)
      encoding.writeVarUint8Array(encoder, update)
      this.socket.send(encoding.toUint8Array(encoder))
    }
  }

  sendPresence(state: Record<string, unknown>) {
    this.awareness.setLocalState(state)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
    )
    this.socket.send(encoding.toUint8Array(encoder))
  }

  close() {
    this.awareness.destroy()
    this.socket.close()
  }
}

/**
 * Joins a workshop as a participant and has the facilitator put them in the group of
 * `boardIndex`; returns the sync params a participant's browser uses on that board (the
 * participant link's token and the participant's own key).
 */
export async function joinGroup(
  url: string,
  workshop: CreatedWorkshop,
  boardIndex: number,
  name = 'Deltagare',
): Promise<{ params: { token: string; participant: string }; participantId: string }> {
  const token = tokenOf(workshop.links.participant)
  const joined = (await (
    await call(url, 'POST', `/api/workshops/${workshop.id}/join`, { token }, { name })
  ).json()) as { participantId: string; participantKey: string }
  const facilitator = { token: tokenOf(workshop.links.facilitator) }
  const assignments = { [joined.participantId]: workshop.boards[boardIndex]!.id }
  const confirmed = await call(
    url,
    'POST',
    `/api/workshops/${workshop.id}/groups/confirm`,
    facilitator,
    { assignments },
  )
  if (confirmed.status !== 200) throw new Error(`confirm groups: ${confirmed.status}`)
  return {
    params: { token, participant: joined.participantKey },
    participantId: joined.participantId,
  }
}
