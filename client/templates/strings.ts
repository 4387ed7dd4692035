import { registerStrings } from '../common/registerStrings'

registerStrings({
  sv: {
    templates: {
      apply: 'Använd mall',
      applyHeading: 'Lägg till en mall på tavlan',
      applyIntro: 'Mallens ytor och rubriker läggs till höger om det som redan finns på tavlan.',
      choose: 'Mall',
      applySubmit: 'Lägg till på tavlan',
      applied: 'Mallen ”{{title}}” lades till på tavlan.',
      save: 'Spara som mall',
      saveHeading: 'Spara tavlan som mall',
      saveIntro:
        'Allt som ligger på tavlan nu sparas som en ny mall. Den går att välja när någon skapar en ny tavla.',
      title: 'Mallens namn',
      saveSubmit: 'Spara mall',
      saved: 'Tavlan är sparad som mallen ”{{title}}”.',
      cancel: 'Avbryt',
      busy: 'Arbetar …',
      failed: 'Det gick inte: {{message}}',
    },
  },
  en: {
    templates: {
      apply: 'Use template',
      applyHeading: 'Add a template to the board',
      applyIntro:
        'The template’s areas and headings are added to the right of what is on the board.',
      choose: 'Template',
      applySubmit: 'Add to the board',
      applied: 'The template “{{title}}” was added to the board.',
      save: 'Save as template',
      saveHeading: 'Save the board as a template',
      saveIntro:
        'Everything on the board now is saved as a new template. It can be chosen when someone creates a new board.',
      title: 'Template name',
      saveSubmit: 'Save template',
      saved: 'The board was saved as the template “{{title}}”.',
      cancel: 'Cancel',
      busy: 'Working …',
      failed: 'That did not work: {{message}}',
    },
  },
})
