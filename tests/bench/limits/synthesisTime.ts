import { agglomerate } from '../../../shared/similarity/agglomerate'
import {
  DEFAULT_MERGE_THRESHOLD,
  mergeSimilarFactors,
  type GroupFactor,
} from '../../../shared/similarity/mergeSimilarFactors'
import { buildSimilarityModel } from '../../../shared/similarity/similarityModel'
import { loadFixture, loadHeldOut } from '../quality/fixture'
import { startOurServer } from '../servers/serverProcess'
import { cubicAgglomerate } from './cubicAgglomerate'
import { slowestHealthAnswer } from '../../support/health'

const GROUPS = 4

export interface SynthesisTimeRow {
  factorsPerGroup: number
  /** `mergeSimilarFactors` on all 4 × n factors of one key area, in this process. */
  mergeMs: number
  /** The clustering step alone, today's O(n²) average linkage. */
  clusterMs: number
  /** The same matrix through the pre-issue-8 O(n³) clustering (the anchor); undefined if skipped. */
  cubicClusterMs?: number
  /** GET /api/workshops/:id/synthesis on a fresh server: the worker thread starts too. */
  serverColdMs: number
  /** The same after a board changed, on the warm worker thread. */
  serverMs: number
  /** The slowest /healthz answer while that request ran. */
  slowestHealthMs: number
}

/** Realistic wordings, varied so that 4 × 500 factors are not 500 copies of one text. */
function factorTexts(count: number, group: number): string[] {
  const pool = [...loadFixture().notes, ...loadHeldOut().notes].map((note) => note.text)
  const places = ['i skolan', 'inom omsorgen', 'på förvaltningen', 'i nämnden', 'hos rektorerna']
  return Array.from({ length: count }, (_, i) => {
    const text = pool[(i * 7 + group * 13) % pool.length]!
    return `${text} ${places[(i + group) % places.length]} (${Math.floor(i / pool.length) + 1})`
  })
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now()
  const value = work()
  return { value, ms: performance.now() - started }
}

async function timedSynthesis(url: string, workshopId: string, token: string) {
  const started = performance.now()
  const request = fetch(`${url}/api/workshops/${workshopId}/synthesis?token=${token}`)
  const slowestHealthMs = await slowestHealthAnswer(url, request)
  const response = await request
  if (response.status !== 200) throw new Error(`synthesis answered ${response.status}`)
  await response.arrayBuffer()
  return { ms: performance.now() - started, slowestHealthMs }
}

/** Plans the synthesis of one key area through the server, as the facilitator's preview does. */
async function throughServer(perGroup: number) {
  const server = await startOurServer({ env: { GATHER_TIMEOUT_MS: '600000' } })
  try {
    const created = await fetch(`${server.baseUrl}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Stor syntes', groups: GROUPS }),
    })
    const workshop = (await created.json()) as {
      id: string
      links: { facilitator: string }
      boards: { id: string; kind: string }[]
    }
    const token = new URL(workshop.links.facilitator).searchParams.get('token')!
    const groups = workshop.boards.filter((board) => board.kind === 'group')
    for (const [g, group] of groups.entries()) {
      const rows = factorTexts(perGroup, g).map((text) => `"${text}",hindering,Ledarskap`)
      const response = await fetch(
        `${server.baseUrl}/api/boards/${group.id}/import?token=${token}`,
        {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: ['text,polarity,cluster', ...rows].join('\n'),
        },
      )
      if (response.status !== 200) {
        throw new Error(`import answered ${response.status}: ${await response.text()}`)
      }
    }
    // The first request also starts the worker thread; a board change then makes the second
    // plan afresh (the preview is cached by board versions) on a warm worker.
    const first = await timedSynthesis(server.baseUrl, workshop.id, token)
    await fetch(`${server.baseUrl}/api/boards/${groups[0]!.id}/import?token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'text,polarity,cluster\n"En till faktor",hindering,Ledarskap',
    })
    const warm = await timedSynthesis(server.baseUrl, workshop.id, token)
    return {
      serverColdMs: first.ms,
      serverMs: warm.ms,
      slowestHealthMs: Math.max(first.slowestHealthMs, warm.slowestHealthMs),
    }
  } finally {
    await server.stop()
  }
}

/**
 * Times the plenary's synthesis for 4 groups × n factors in one key area and polarity (the
 * worst case: everything in one area), in process and through a real server, with the
 * clustering step beside the O(n³) one it replaced. The cubic anchor runs only up to
 * `cubicUpTo` factors per group: at 4 × 500 it takes minutes.
 */
export async function runSynthesisTime(
  sizes: readonly number[],
  cubicUpTo: number,
  log: (line: string) => void,
): Promise<SynthesisTimeRow[]> {
  const rows: SynthesisTimeRow[] = []
  for (const perGroup of sizes) {
    const factors: GroupFactor[] = Array.from({ length: GROUPS }, (_, g) =>
      factorTexts(perGroup, g).map((text, i) => ({
        groupId: `g${g}`,
        factorId: `f${g}-${i}`,
        text,
      })),
    ).flat()
    const merge = timed(() => mergeSimilarFactors(factors))
    const matrix = buildSimilarityModel(factors.map((factor) => factor.text)).matrix()
    const options = {
      threshold: DEFAULT_MERGE_THRESHOLD,
      cannotLink: (a: number, b: number) => factors[a]!.groupId === factors[b]!.groupId,
    }
    const cluster = timed(() => agglomerate(matrix, options))
    const cubic = perGroup <= cubicUpTo ? timed(() => cubicAgglomerate(matrix, options)) : undefined
    if (cubic && JSON.stringify(cubic.value) !== JSON.stringify(cluster.value)) {
      log(`  note: at ${perGroup} per group the two clusterings differ (ties broken differently)`)
    }
    const server = await throughServer(perGroup)
    const row: SynthesisTimeRow = {
      factorsPerGroup: perGroup,
      mergeMs: merge.ms,
      clusterMs: cluster.ms,
      cubicClusterMs: cubic?.ms,
      ...server,
    }
    log(`  ${GROUPS} × ${perGroup}: ${JSON.stringify(row)}`)
    rows.push(row)
  }
  return rows
}
