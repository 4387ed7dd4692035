import i18next from 'i18next'
import { factorStrings } from './strings'

function register() {
  for (const language of ['sv', 'en'] as const) {
    i18next.addResourceBundle(language, 'translation', factorStrings[language], true, true)
  }
}

// This module loads before the app initialises i18next, whose resource store exists only after.
if (i18next.isInitialized) register()
else i18next.on('initialized', register)
