import { describe, expect, it } from 'vitest'

import {
  buildConductTables,
  compilePhrase,
  LIBRARY_WORDS,
  libraryTerms,
  termWords,
} from './build-conduct-tables'
import { checkConduct } from './check-conduct'
import {
  CONDUCT_ALLOWED_WORDS,
  CONDUCT_CLASSES,
  CONDUCT_HEADS,
  CONDUCT_TAILS,
  CONDUCT_WORDS,
  LIBRARY_EXCLUSIONS,
  LIBRARY_RULES,
} from './conduct-terms'

const libraryKeys = new Set(LIBRARY_WORDS.map((term) => termWords({ term }).join(' ')))
const normalised = (term: string) => termWords({ term }).join(' ') === term

describe('the naughty-words Dutch list', () => {
  it('is there and is a list of Dutch terms', () => {
    expect(LIBRARY_WORDS.length).toBeGreaterThan(100)
    expect(libraryKeys).toContain('klootzak')
  })

  it('has every reviewed exclusion still on it (a release that changes the list is noticed)', () => {
    const stale = Object.values(LIBRARY_EXCLUSIONS)
      .flat()
      .filter((entry) => !libraryKeys.has(entry))
    expect(stale).toEqual([])
  })

  it('has every entry with a rule of its own on it, and none of them excluded', () => {
    const excluded = new Set(Object.values(LIBRARY_EXCLUSIONS).flat())
    const entries = Object.values(LIBRARY_RULES).flat()
    expect(entries.filter((e) => !libraryKeys.has(e) || excluded.has(e))).toEqual([])
  })

  it('is held, entry by entry, with its rule (except the reviewed exclusions)', () => {
    const kept = libraryTerms()
    expect(kept.length).toBeGreaterThan(80)
    const wrong = kept.flatMap(({ words, rule }) => {
      const result = checkConduct({ text: words.join(' ') })
      return result.ok || result.rule !== rule ? [words.join(' ')] : []
    })
    expect(wrong).toEqual([])
  })

  it('lets the reviewed exclusions through on their own', () => {
    const held = ['aftrekken', 'naaien', 'nicht', 'muts', 'eikel', 'poep', 'pot', 'shit']
    for (const text of held) expect(checkConduct({ text })).toEqual({ ok: true })
  })
})

describe('our term lists', () => {
  it('are written normalised, so that they can match', () => {
    const terms = [
      ...Object.values(CONDUCT_WORDS).flat(),
      ...CONDUCT_HEADS.map((h) => h.head),
      ...CONDUCT_TAILS.map((t) => t.tail),
      ...CONDUCT_ALLOWED_WORDS,
    ]
    expect(terms.filter((term) => !normalised(term))).toEqual([])
  })

  it('hold each listed word on its own with the listed rule', () => {
    for (const [rule, words] of Object.entries(CONDUCT_WORDS)) {
      for (const text of words) expect(checkConduct({ text }), text).toMatchObject({ rule })
    }
  })

  it('never list a word as both held and allowed', () => {
    const held = new Set(Object.values(CONDUCT_WORDS).flat())
    expect(CONDUCT_ALLOWED_WORDS.filter((w) => held.has(w))).toEqual([])
  })

  it('only name classes that exist (the tables build)', () => {
    expect(() => buildConductTables()).not.toThrow()
    expect(Object.keys(CONDUCT_CLASSES)).toContain('person')
  })
})

describe('compilePhrase', () => {
  it('compiles alternatives, classes, optional and repeated elements, gaps and ends', () => {
    const phrase = compilePhrase({ pattern: '^ ik|we {you}? {adv}* af * $', rule: 'threat' })
    expect(phrase.atStart).toBe(true)
    expect(phrase.steps.map((s) => (s.kind === 'words' ? [s.min, s.max] : s.kind))).toEqual([
      [1, 1],
      [0, 1],
      [0, 3],
      [1, 1],
      'gap',
      'end',
    ])
    const you = phrase.steps[1]
    expect(you?.kind === 'words' && [...you.words]).toEqual(['je', 'jou', 'jij', 'u', 'jullie'])
  })

  it('refuses an unknown class, a word that is not normalised and an optional first element', () => {
    expect(() => compilePhrase({ pattern: 'ik {nope}', rule: 'threat' })).toThrow('{nope}')
    expect(() => compilePhrase({ pattern: 'ik Sla', rule: 'threat' })).toThrow('normalised')
    expect(() => compilePhrase({ pattern: 'ik? sla', rule: 'threat' })).toThrow('required')
    expect(() => compilePhrase({ pattern: '* sla', rule: 'threat' })).toThrow('required')
  })
})
