import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { measureClusterQuality } from './clusterQuality'
import { measureModelQuality, printModelQuality, type ModelQuality } from './modelQuality'
import { printTable } from './printTable'
import { measureSynthesisQuality } from './synthesisQuality'

const here = path.dirname(fileURLToPath(import.meta.url))

export interface QualityResults {
  cluster: object[]
  synthesis: object[]
  /** Rows for the municipality's model (SIMILARITY_MODEL_DIR); empty when none is configured. */
  model?: ModelQuality
  /** Tables of workshopSynthesis.ts, when that module exists, by the measure's name. */
  workshop?: Record<string, object[]>
}

/**
 * Runs every `measure*` export of workshopSynthesis.ts, a module another branch adds later;
 * its exact exports are not known here, so any function named measure… returning rows counts.
 */
async function measureWorkshopSynthesis(): Promise<Record<string, object[]> | undefined> {
  if (!fs.existsSync(path.join(here, 'workshopSynthesis.ts'))) return undefined
  const module = (await import('./workshopSynthesis' as string)) as Record<string, unknown>
  const tables: Record<string, object[]> = {}
  for (const [name, value] of Object.entries(module)) {
    if (!name.startsWith('measure') || typeof value !== 'function') continue
    const rows: unknown = await (value as () => unknown)()
    if (Array.isArray(rows)) tables[name] = rows as object[]
  }
  return tables
}

/** Scenario 0: similarity quality on the 85-note fixture (no servers; a few seconds). */
export async function runQuality(log: (line: string) => void): Promise<QualityResults> {
  const cluster = measureClusterQuality()
  printTable(
    'Cluster quality: suggestClusters vs the facilitator’s key areas and idea ids (ARI, 1 = identical, 0 = chance)',
    cluster,
  )
  const synthesis = measureSynthesisQuality()
  printTable(
    'Synthesis quality: pairs merged by mergeSimilarFactors vs pairs sharing an idea id, pooled over key area × polarity, with baselines',
    synthesis,
  )
  const model = await measureModelQuality(log)
  printModelQuality(model)
  const workshop = await measureWorkshopSynthesis()
  if (!workshop) log('\n(workshopSynthesis.ts not present on this branch; skipped)')
  for (const [name, rows] of Object.entries(workshop ?? {})) {
    printTable(`Workshop synthesis: ${name}`, rows)
  }
  return { cluster, synthesis, ...(model ? { model } : {}), ...(workshop ? { workshop } : {}) }
}
