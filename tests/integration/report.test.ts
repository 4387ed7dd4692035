import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined

afterEach(async () => {
  await server?.stop()
  server = undefined
})

async function importInto(boardId: string, token: string, csv: string) {
  const response = await fetch(`${server!.url}/api/boards/${boardId}/import?token=${token}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: csv,
  })
  expect(response.status).toBe(200)
}

describe('GET /api/workshops/:id/report', () => {
  it('downloads the report as Markdown, CSV, JSON and DOCX with a file name', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, {
      title: 'Träff 2',
      groups: 2,
      date: '2025-03-14',
      template: 'blank',
      language: 'sv',
    })
    const facilitator = tokenOf(workshop.links.facilitator)
    await importInto(
      workshop.boards[0]!.id,
      facilitator,
      'text,polarity,cluster\nOtydliga mål,hindering,Ledarskap\n=1+1,enabling,Ledarskap\n',
    )
    await importInto(
      workshop.boards[1]!.id,
      facilitator,
      'text,polarity,cluster\nOtydliga mål,hindering,Ledarskap\n',
    )
    const download = (format: string) =>
      call(server!.url, 'GET', `/api/workshops/${workshop.id}/report`, {
        token: facilitator,
        format,
        lang: 'sv',
      })

    const md = await download('md')
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toContain('text/markdown')
    expect(md.headers.get('content-disposition')).toContain('filename="traff-2-2025-03-14.md"')
    const text = await md.text()
    expect(text).toContain('Otydliga mål — nämnd av 2 av 2 grupper')
    expect(text).toContain('### Grupp 2')

    const csv = await (await download('csv')).text()
    expect(csv).toContain(`"'=1+1"`)
    const json = (await (await download('json')).json()) as { groups: unknown[] }
    expect(json.groups).toHaveLength(2)
    const docx = await download('docx')
    expect(docx.headers.get('content-disposition')).toContain('.docx')
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!)
    expect(xml).toContain('Otydliga mål')

    expect((await download('exe')).status).toBe(400)
    for (const link of [
      workshop.links.participant,
      workshop.links.viewer,
      workshop.links.recorder,
    ]) {
      const denied = await call(server.url, 'GET', `/api/workshops/${workshop.id}/report`, {
        token: tokenOf(link),
        format: 'md',
      })
      expect(denied.status).toBe(403)
    }
  })
})
