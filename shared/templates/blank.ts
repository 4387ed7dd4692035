import type { Template } from './Template'

export const blankTemplate: Template = {
  id: 'blank',
  title: { sv: 'Tom tavla', en: 'Blank' },
  build: () => [],
}
