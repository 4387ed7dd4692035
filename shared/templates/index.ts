import { blankTemplate } from './blank'
import { designProcessTemplate } from './designProcess'
import { gameRulesTemplate } from './gameRules'
import { hinderingEnablingTemplate } from './hinderingEnabling'
import { keyAreasTemplate } from './keyAreas'
import { reflectionTemplate } from './reflection'
import type { Template } from './Template'

export type { Template, Language, TemplateContext } from './Template'
export { findUnsortedArea } from './findUnsortedArea'
export { keyAreaLabels } from './keyAreaLabels'

/** Built-in templates, in the order the lobby lists them. */
export const builtInTemplates: readonly Template[] = [
  hinderingEnablingTemplate,
  keyAreasTemplate,
  designProcessTemplate,
  gameRulesTemplate,
  reflectionTemplate,
  blankTemplate,
]

export function findBuiltInTemplate(id: string): Template | undefined {
  return builtInTemplates.find((template) => template.id === id)
}
