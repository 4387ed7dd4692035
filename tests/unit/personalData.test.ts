import { describe, expect, it } from 'vitest'
import { findPersonalData } from '../../shared/publish/personalData'

describe('personal data in notes', () => {
  it('finds personnummer, phone numbers and e-mail addresses', () => {
    expect(findPersonalData('Ring Anna 070-123 45 67')).toEqual(['phone'])
    expect(findPersonalData('+46 70 123 45 67')).toEqual(['phone'])
    expect(findPersonalData('Pnr 850709-9805 saknas')).toEqual(['personnummer'])
    expect(findPersonalData('198507099805')).toContain('personnummer')
    expect(findPersonalData('mejla anna.a@kommun.se')).toEqual(['email'])
  })

  it('leaves ordinary factor texts alone', () => {
    for (const text of [
      'Otydliga mål',
      'Budget 2025–2027',
      '3 av 4 skolor',
      'Kl. 10-12 varje vecka',
      'Version 2.0',
    ]) {
      expect(findPersonalData(text), text).toEqual([])
    }
  })
})
