import { describe, expect, it } from 'vitest'

import {
  findQuotedSpans,
  normalizeConductText,
  tokenizeConductText,
  wordForms,
} from './tokenize-conduct-text'

const words = (text: string) =>
  tokenizeConductText({ text }).tokens.map((t) => (t.kind === 'word' ? t.forms[0] : '|'))

describe('normalizeConductText', () => {
  it('lower-cases and strips accents (NFKD)', () => {
    expect(normalizeConductText({ text: 'ÉÉN Kút Geïnformeerd' })).toBe('een kut geinformeerd')
  })

  it('folds compatibility characters: ligatures and full-width letters', () => {
    expect(normalizeConductText({ text: 'ﬁets ｋｕｔ' })).toBe('fiets kut')
  })

  it('drops invisible characters typed inside a word', () => {
    expect(normalizeConductText({ text: 'k\u200bu\u00adt\u2060je' })).toBe('kutje')
  })

  it('maps Cyrillic and Greek look-alike letters to Latin', () => {
    expect(normalizeConductText({ text: 'kаnkеr hοer' })).toBe('kanker hoer')
  })
})

describe('wordForms', () => {
  it('maps leet digits and symbols only inside words with letters', () => {
    expect(wordForms({ raw: 'k4nk3r' })).toContain('kanker')
    expect(wordForms({ raw: 'kl00tz@k' })).toContain('klootzak')
    expect(wordForms({ raw: '$ukk3l' })).toContain('sukkel')
    expect(wordForms({ raw: '7ering' })).toContain('tering')
    expect(wordForms({ raw: '2024' })).toEqual(['2024'])
  })

  it('reads 1 as both i and l', () => {
    expect(wordForms({ raw: '1u1' })).toEqual(expect.arrayContaining(['iui', 'lul']))
  })

  it('cuts runs of three or more equal letters to one and to two', () => {
    expect(wordForms({ raw: 'kuuuut' })).toContain('kut')
    expect(wordForms({ raw: 'klooooootzak' })).toContain('klootzak')
    expect(wordForms({ raw: 'school' })).toEqual(['school'])
  })

  it('drops apostrophes inside a word', () => {
    expect(wordForms({ raw: "homo's" })).toEqual(['homos'])
  })
})

describe('tokenizeConductText', () => {
  it('splits words, keeps contractions whole and marks clause breaks', () => {
    expect(words("Ja, z'n fiets! Nee")).toEqual(['ja', '|', 'zn', 'fiets', '|', 'nee'])
  })

  it('does not break on a dot or comma between word characters', () => {
    expect(words('k.u.t om 10.30 uur')).toEqual(['k', 'u', 't', 'om', '10', '30', 'uur'])
    expect(words('o.a. morgen')).toEqual(['o', 'a', '|', 'morgen'])
  })

  it('treats brackets, quotes and new lines as breaks, once per run', () => {
    expect(words('ziek (koorts)\n\nthuis')).toEqual(['ziek', '|', 'koorts', '|', 'thuis'])
  })

  it('gives word offsets in the normalised text', () => {
    const { normalized, tokens } = tokenizeConductText({ text: 'Één kut' })
    const last = tokens.at(-1)
    expect(last?.kind === 'word' && normalized.slice(last.start)).toBe('kut')
  })
})

describe('findQuotedSpans', () => {
  it('finds short quoted spans with straight and curly quotes', () => {
    const normalized = normalizeConductText({ text: "Hij werd 'sukkel' genoemd en “sufferd”." })
    const spans = findQuotedSpans({ normalized }).map(([s, e]) => normalized.slice(s, e))
    expect(spans).toEqual(["'sukkel'", '“sufferd”'])
  })

  it("does not take the apostrophes of z'n or 's morgens for quotes", () => {
    expect(findQuotedSpans({ normalized: "z'n fiets, 's morgens" })).toEqual([])
  })
})
