import i18next from 'i18next'
import { strings } from './strings'

function register() {
  for (const language of ['sv', 'en'] as const) {
    i18next.addResourceBundle(language, 'translation', strings[language], true, true)
  }
}

// This module may load before i18next is initialised (its store does not exist until then).
if (i18next.isInitialized) register()
else i18next.on('initialized', register)
