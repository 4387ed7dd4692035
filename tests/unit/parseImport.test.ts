import { describe, expect, it } from 'vitest'
import { parseFactorCsv, parseFactorList } from '../../shared/factors'

describe('pasted list', () => {
  it('reads one factor per line, with + for enabling, - or – for hindering, none undecided', () => {
    const result = parseFactorList('+ Bra wifi\n-Otydligt mandat\n– Gamla system\nTidsbrist')
    expect(result).toEqual({
      ok: true,
      factors: [
        { text: 'Bra wifi', polarity: 'enabling' },
        { text: 'Otydligt mandat', polarity: 'hindering' },
        { text: 'Gamla system', polarity: 'hindering' },
        { text: 'Tidsbrist', polarity: 'undecided' },
      ],
    })
  })

  it('skips blank lines but counts them in line numbers', () => {
    const result = parseFactorList('\r\nEtt\r\n   \r\n+\r\nTvå')
    expect(result).toMatchObject({ ok: false, line: 4, code: 'empty-text' })
  })

  it('rejects text over 2000 characters, naming the line', () => {
    const result = parseFactorList(`ok\n+${'a'.repeat(2001)}`)
    expect(result).toMatchObject({ ok: false, line: 2, code: 'text-too-long' })
    expect(parseFactorList(`+${'a'.repeat(2000)}`).ok).toBe(true)
  })

  it('rejects more than 1000 factors at the line of the 1001st', () => {
    const lines = Array.from({ length: 1001 }, (_, i) => `Faktor ${i + 1}`)
    expect(parseFactorList(lines.slice(0, 1000).join('\n')).ok).toBe(true)
    expect(parseFactorList(['', ...lines].join('\n'))).toMatchObject({
      ok: false,
      line: 1002,
      code: 'too-many-factors',
    })
  })

  it('says what is wrong in the chosen language', () => {
    const sv = parseFactorList('a\n-', 'sv')
    const en = parseFactorList('a\n-', 'en')
    expect(sv.ok === false && sv.message).toBe('Rad 2: texten är tom.')
    expect(en.ok === false && en.message).toBe('Line 2: the text is empty.')
  })
})

describe('CSV', () => {
  it('reads text, polarity and cluster columns', () => {
    const csv =
      'text,polarity,cluster\nBra wifi,enabling,Teknik\nOtydligt mandat,hindering,\nTidsbrist,,'
    expect(parseFactorCsv(csv)).toEqual({
      ok: true,
      factors: [
        { text: 'Bra wifi', polarity: 'enabling', cluster: 'Teknik' },
        { text: 'Otydligt mandat', polarity: 'hindering' },
        { text: 'Tidsbrist', polarity: 'undecided' },
      ],
    })
  })

  it('accepts Swedish headers and values, semicolons and a byte order mark', () => {
    const csv =
      '\uFEFFFaktor;Polaritet;Kluster\r\nBra wifi;Främjande;Teknik\r\nGamla system;hämmande;Teknik\r\nChefer;+;\r\nSilos;-;\r\n'
    const result = parseFactorCsv(csv)
    expect(result.ok && result.factors.map((f) => f.polarity)).toEqual([
      'enabling',
      'hindering',
      'enabling',
      'hindering',
    ])
  })

  it('keeps quoted cells with delimiters, quotes and line breaks whole', () => {
    const csv = 'text,polarity\n"Mandat, tid och ""pengar""\nsaknas",-\n'
    expect(parseFactorCsv(csv)).toEqual({
      ok: true,
      factors: [{ text: 'Mandat, tid och "pengar"\nsaknas', polarity: 'hindering' }],
    })
  })

  it('treats a missing polarity column as undecided', () => {
    expect(parseFactorCsv('text\nEtt')).toEqual({
      ok: true,
      factors: [{ text: 'Ett', polarity: 'undecided' }],
    })
  })

  it('counts the header as line 1 and lines inside quoted cells when naming a bad line', () => {
    const csv = 'text,polarity\n"två\nrader",+\n\nTre,kanske'
    expect(parseFactorCsv(csv)).toMatchObject({
      ok: false,
      line: 5,
      code: 'unknown-polarity',
    })
    const error = parseFactorCsv(csv)
    expect(error.ok === false && error.message).toContain('"kanske"')
  })

  it('rejects an empty text cell', () => {
    expect(parseFactorCsv('text,polarity\nEtt,+\n,-')).toMatchObject({
      ok: false,
      line: 3,
      code: 'empty-text',
    })
  })

  it('rejects a file without a text column at line 1', () => {
    expect(parseFactorCsv('beskrivning,polaritet\nEtt,+')).toMatchObject({
      ok: false,
      line: 1,
      code: 'missing-text-column',
    })
    expect(parseFactorCsv('')).toMatchObject({ ok: false, line: 1 })
  })

  it('rejects unbalanced quotes at the line where the quote opens', () => {
    expect(parseFactorCsv('text,polarity\nEtt,+\n"Två,-\nTre,+')).toMatchObject({
      ok: false,
      line: 3,
      code: 'unbalanced-quotes',
    })
  })

  it('rejects text over 2000 characters and more than 1000 factors', () => {
    expect(parseFactorCsv(`text\n${'a'.repeat(2001)}`)).toMatchObject({
      ok: false,
      line: 2,
      code: 'text-too-long',
    })
    const rows = Array.from({ length: 1001 }, (_, i) => `Faktor ${i}`)
    expect(parseFactorCsv(['text', ...rows].join('\n'))).toMatchObject({
      ok: false,
      line: 1002,
      code: 'too-many-factors',
    })
  })

  it('imports nothing when one line is bad', () => {
    const result = parseFactorCsv('text,polarity\nEtt,+\nTvå,?\nTre,x\nFyra,-')
    expect(result.ok).toBe(false)
    expect('factors' in result).toBe(false)
  })
})
