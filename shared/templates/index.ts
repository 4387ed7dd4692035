import { blankTemplate } from './blank'
import { hinderingEnablingTemplate } from './hinderingEnabling'
import type { Template } from './Template'

export type { Template, Language, TemplateContext } from './Template'

/** Built-in templates, in the order the lobby lists them. */
export const builtInTemplates: readonly Template[] = [hinderingEnablingTemplate, blankTemplate]

export function findBuiltInTemplate(id: string): Template | undefined {
  return builtInTemplates.find((template) => template.id === id)
}
