import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import type { UploadedAsset } from '../../shared/assetContracts'
import type { CreatedWorkshop } from '../../shared/workshopContracts'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined

afterEach(async () => {
  await server?.stop()
  server = undefined
})

function upload(
  workshop: CreatedWorkshop,
  body: Buffer | string,
  link = workshop.links.facilitator,
  boardIndex = 0,
) {
  const boardId = workshop.boards[boardIndex]!.id
  return fetch(`${server!.url}/api/boards/${boardId}/assets?token=${tokenOf(link)}`, {
    method: 'POST',
    // The declared type is a lie on purpose: only the bytes count.
    headers: { 'Content-Type': 'image/png' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
}

const png = (width = 40, height = 30) =>
  sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer()

async function gpsJpeg() {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Zlatan Testsson', Copyright: 'Hemlig' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '59/1 19/1 4500/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '18/1 4/1 0/1',
      },
    })
    .toBuffer()
}

describe('images on boards', () => {
  it('takes a PNG and serves it from our origin with its type and nosniff', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const response = await upload(workshop, await png())
    expect(response.status).toBe(201)
    const asset = (await response.json()) as UploadedAsset
    expect(asset).toMatchObject({ type: 'image/png', width: 40, height: 30 })
    expect(asset.src).toMatch(/^\/api\/assets\/[\w-]{20,}$/)
    const served = await fetch(`${server.url}${asset.src}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toContain('sandbox')
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata()
    expect([meta.format, meta.width]).toEqual(['png', 40])
  })

  it('refuses an HTML file renamed .png and an SVG with a script (415)', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const html = '<!doctype html><html><script>alert(document.cookie)</script></html>'
    expect((await upload(workshop, html)).status).toBe(415)
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="9" height="9"/></svg>'
    expect((await upload(workshop, svg)).status).toBe(415)
    // Right magic number, garbage after it: sharp cannot decode it, so it is refused too.
    const fake = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from(html),
    ])
    expect((await upload(workshop, fake)).status).toBe(415)
  })

  it('serves a JPEG with GPS EXIF without any of its metadata', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const input = await gpsJpeg()
    const before = await sharp(input).metadata()
    expect(before.exif?.includes(Buffer.from('Zlatan Testsson'))).toBe(true)
    const asset = (await (await upload(workshop, input)).json()) as UploadedAsset
    expect(asset.type).toBe('image/jpeg')
    const served = Buffer.from(await (await fetch(`${server.url}${asset.src}`)).arrayBuffer())
    const after = await sharp(served).metadata()
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(served.includes(Buffer.from('Zlatan Testsson'))).toBe(false)
    expect(served.includes(Buffer.from('Exif\0\0'))).toBe(false)
  })

  it('downscales a very large image and refuses one over MAX_ASSET_BYTES (413)', async () => {
    server = await startTestServer({ MAX_ASSET_BYTES: '200000' })
    const workshop = await createWorkshop(server.url)
    const wide = (await (await upload(workshop, await png(6000, 50))).json()) as UploadedAsset
    expect([wide.width, wide.height]).toEqual([4096, 34])
    const noise = await sharp(
      Buffer.from(Array.from({ length: 400 * 400 * 3 }, () => Math.floor(Math.random() * 256))),
      {
        raw: { width: 400, height: 400, channels: 3 },
      },
    )
      .png()
      .toBuffer()
    expect(noise.length).toBeGreaterThan(200000)
    expect((await upload(workshop, noise)).status).toBe(413)
  })

  it('keeps viewers (and a recorder off its board) from uploading (403)', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const image = await png()
    expect((await upload(workshop, image, workshop.links.viewer)).status).toBe(403)
    expect((await upload(workshop, image, workshop.links.recorder)).status).toBe(403)
    const recorderBoard = workshop.boards.findIndex((board) => board.kind === 'recorder')
    expect((await upload(workshop, image, workshop.links.recorder, recorderBoard)).status).toBe(201)
  })

  it('erases the images with the workshop, leaving no bytes in the database files', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const asset = (await (await upload(workshop, await gpsJpeg())).json()) as UploadedAsset
    const stored = Buffer.from(await (await fetch(`${server.url}${asset.src}`)).arrayBuffer())
    const sample = stored.subarray(stored.length - 64)
    await server.storage.checkpoint()
    const contains = () =>
      fs
        .readdirSync(server!.dataDir)
        .some((file) => fs.readFileSync(path.join(server!.dataDir, file)).includes(sample))
    expect(contains()).toBe(true)
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    expect(
      (await call(server.url, 'DELETE', `/api/workshops/${workshop.id}`, facilitator)).status,
    ).toBe(204)
    expect((await fetch(`${server.url}${asset.src}`)).status).toBe(404)
    await server.storage.checkpoint()
    expect(contains()).toBe(false)
  })
})
