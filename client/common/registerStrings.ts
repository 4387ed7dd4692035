import i18next from 'i18next'

type Strings = { sv: Record<string, unknown>; en: Record<string, unknown> }

/**
 * Adds a feature's strings to both languages. Feature modules load before i18next is set
 * up, whose set-up replaces its resource store, so adding waits until it is initialized.
 */
export function registerStrings(strings: Strings) {
  const add = () => {
    i18next.addResourceBundle('sv', 'translation', strings.sv, true, true)
    i18next.addResourceBundle('en', 'translation', strings.en, true, true)
  }
  if (i18next.isInitialized) add()
  else i18next.on('initialized', add)
}
