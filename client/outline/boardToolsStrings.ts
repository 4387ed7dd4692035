import { registerStrings } from '../common/registerStrings'

registerStrings({
  sv: { boardTools: { menu: 'Verktyg' } },
  en: { boardTools: { menu: 'Tools' } },
})
