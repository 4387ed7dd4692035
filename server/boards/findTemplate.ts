import type { RecordJson } from '../../shared/board/boardDoc'
import { findBuiltInTemplate, type Template } from '../../shared/templates'
import { savedTemplateAsTemplate } from '../../shared/templates/savedTemplate'
import type { Storage } from '../storage/Storage'

/**
 * A template by id: a built-in one, else a saved one that is shared server-wide or belongs
 * to `workshopId` (another workshop's templates are as good as unknown).
 */
export async function findTemplate(
  storage: Storage,
  id: string,
  workshopId?: string,
): Promise<Template | undefined> {
  const builtIn = findBuiltInTemplate(id)
  if (builtIn) return builtIn
  const saved = await storage.getTemplate(id)
  if (!saved || !(saved.shared || (workshopId && saved.workshopId === workshopId))) {
    return undefined
  }
  return savedTemplateAsTemplate({ ...saved, records: JSON.parse(saved.records) as RecordJson[] })
}
