import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import type { UploadedAsset } from '../../shared/assetContracts'
import type { BoardRecords, PlaceCaptureBody } from '../../shared/captureContracts'
import type { RecordJson } from '../../shared/board/boardDoc'
import type { CreatedBoard } from '../../shared/workshopContracts'
import { startTestServer, type TestServer } from '../support/testServer'
import { createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined

afterEach(async () => {
  await server?.stop()
  server = undefined
})

async function standaloneBoard(title: string): Promise<CreatedBoard> {
  const response = await fetch(`${server!.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as CreatedBoard
}

const png = () =>
  sharp({ create: { width: 120, height: 80, channels: 3, background: '#37a' } })
    .png()
    .toBuffer()

function upload(boardId: string, link: string, body: Buffer) {
  return fetch(`${server!.url}/api/boards/${boardId}/assets?token=${tokenOf(link)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png' },
    body: new Uint8Array(body),
  })
}

function place(boardId: string, link: string, body: PlaceCaptureBody | Record<string, unknown>) {
  return fetch(`${server!.url}/api/boards/${boardId}/captures?token=${tokenOf(link)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function recordsOf(board: { id: string; links: { facilitator: string } }) {
  const response = await fetch(
    `${server!.url}/api/boards/${board.id}/records?token=${tokenOf(board.links.facilitator)}`,
  )
  return ((await response.json()) as BoardRecords).records
}

const shapesOf = (records: RecordJson[], type: string) =>
  records.filter((record) => record.typeName === 'shape' && record.type === type)

const captureOf = (sourceBoardId: string, src: string): PlaceCaptureBody => ({
  src,
  width: 120,
  height: 80,
  label: 'Idéer · 10:42',
  altText: 'Bild av tavlan Idéer klockan 10:42',
  sourceBoardId,
})

describe('capturing a standalone board into another board', () => {
  it('places a locked, labelled frame linking back to the source, for a link that may edit the target', async () => {
    server = await startTestServer()
    const source = await standaloneBoard('Idéer')
    const target = await standaloneBoard('Samlat')
    for (const link of [target.links.facilitator, target.links.participant]) {
      const uploaded = await upload(target.id, link, await png())
      expect(uploaded.status).toBe(201)
      const { src } = (await uploaded.json()) as UploadedAsset
      const placed = await place(target.id, link, captureOf(source.id, src))
      expect(placed.status).toBe(201)
      const { frameId } = (await placed.json()) as { frameId: string }
      const records = await recordsOf(target)
      const frame = records.find((record) => record.id === frameId)!
      expect(frame).toMatchObject({ type: 'frame', isLocked: true })
      expect(frame.props).toMatchObject({ name: 'Idéer · 10:42' })
      const image = shapesOf(records, 'image').find((shape) => shape.parentId === frameId)!
      expect(image.isLocked).toBe(true)
      expect(image.meta).toMatchObject({ captureOf: source.id, captureLabel: 'Idéer · 10:42' })
      const props = image.props as { url: string; altText: string; assetId: string }
      expect(props.url).toBe(`${server.url}/b/${source.id}`)
      expect(props.altText).toBe('Bild av tavlan Idéer klockan 10:42')
      const asset = records.find((record) => record.id === props.assetId)!
      expect(asset.props).toMatchObject({ src, w: 120, h: 80, mimeType: 'image/png' })
    }
    // The second capture goes below the first, not on top of it.
    const frames = shapesOf(await recordsOf(target), 'frame').sort(
      (a, b) => (a.y as number) - (b.y as number),
    )
    expect(frames).toHaveLength(2)
    const [first, second] = frames as [RecordJson, RecordJson]
    expect(second.y as number).toBeGreaterThan(
      (first.y as number) + (first.props as { h: number }).h,
    )
  })

  it('refuses a viewer link of the target (403) and leaves the target doc unchanged', async () => {
    server = await startTestServer()
    const source = await standaloneBoard('Idéer')
    const target = await standaloneBoard('Samlat')
    const uploaded = await upload(target.id, target.links.facilitator, await png())
    const { src } = (await uploaded.json()) as UploadedAsset
    const before = await recordsOf(target)

    expect((await upload(target.id, target.links.viewer, await png())).status).toBe(403)
    const refused = await place(target.id, target.links.viewer, captureOf(source.id, src))
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: string }).error).toBe('forbidden')
    // The source board's own facilitator link is no key to the target either.
    const foreign = await place(target.id, source.links.facilitator, captureOf(source.id, src))
    expect(foreign.status).toBe(401)
    expect(await recordsOf(target)).toEqual(before)
  })

  it('links in only images of the target board itself, and checks the body (400)', async () => {
    server = await startTestServer()
    const source = await standaloneBoard('Idéer')
    const target = await standaloneBoard('Samlat')
    const elsewhere = await upload(source.id, source.links.facilitator, await png())
    const { src } = (await elsewhere.json()) as UploadedAsset
    const before = await recordsOf(target)
    const link = target.links.facilitator
    expect((await place(target.id, link, captureOf(source.id, src))).status).toBe(400)
    expect(
      (await place(target.id, link, captureOf(source.id, 'https://example.org/x.png'))).status,
    ).toBe(400)
    const own = await upload(target.id, link, await png())
    const ownSrc = ((await own.json()) as UploadedAsset).src
    for (const broken of [
      { ...captureOf(source.id, ownSrc), label: '' },
      { ...captureOf(source.id, ownSrc), width: -1 },
      { ...captureOf('../etc', ownSrc) },
      { src: ownSrc },
    ]) {
      expect((await place(target.id, link, broken)).status).toBe(400)
    }
    expect(await recordsOf(target)).toEqual(before)
  })

  it('keeps the recorder to the recorder board: a group board refuses its capture (403)', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'Träff', groups: 1 })
    const group = workshop.boards.find((board) => board.kind === 'group')!
    const recorderBoard = workshop.boards.find((board) => board.kind === 'recorder')!
    const source = await standaloneBoard('Idéer')
    const link = workshop.links.recorder
    const onRecorder = await upload(recorderBoard.id, link, await png())
    expect(onRecorder.status).toBe(201)
    const { src } = (await onRecorder.json()) as UploadedAsset
    expect((await place(recorderBoard.id, link, captureOf(source.id, src))).status).toBe(201)
    expect((await place(group.id, link, captureOf(source.id, src))).status).toBe(403)
  })
})
