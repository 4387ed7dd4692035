import type { RecordJson } from '../../shared/board/boardDoc'
import { findBuiltInTemplate, type Template } from '../../shared/templates'
import { savedTemplateAsTemplate } from '../../shared/templates/savedTemplate'
import type { Storage } from '../storage/Storage'

/** A template by id: a built-in one, else one saved from a board. */
export function findTemplate(storage: Storage, id: string): Template | undefined {
  const builtIn = findBuiltInTemplate(id)
  if (builtIn) return builtIn
  const saved = storage.getTemplate(id)
  if (!saved) return undefined
  return savedTemplateAsTemplate({ ...saved, records: JSON.parse(saved.records) as RecordJson[] })
}
