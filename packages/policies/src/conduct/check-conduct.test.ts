import { describe, expect, it } from 'vitest'

import {
  checkConduct,
  CONDUCT_MESSAGES,
  CONDUCT_RULES,
  type ConductRule,
  type ConductTerm,
} from './check-conduct'
import { stemsOf } from './find-conduct-hit'

const ruleOf = (text: string, options: Omit<Parameters<typeof checkConduct>[0], 'text'> = {}) => {
  const result = checkConduct({ text, ...options })
  return result.ok ? 'ok' : result.rule
}
const expectRule = (texts: readonly string[], rule: ConductRule | 'ok') => {
  for (const text of texts) expect(ruleOf(text), text).toBe(rule)
}

describe('checkConduct: result and messages', () => {
  it('accepts an ordinary message', () => {
    expect(checkConduct({ text: 'Mijn zoon is ziek en blijft vandaag thuis.' })).toEqual({
      ok: true,
    })
  })

  it('returns the rule and its message when a message is held', () => {
    expect(checkConduct({ text: 'Wat een kankerjuf.' })).toEqual({
      ok: false,
      rule: 'abuse',
      message: CONDUCT_MESSAGES.abuse,
    })
  })

  it('has a Dutch message for each rule that says the message was held and names the agreement', () => {
    expect(Object.keys(CONDUCT_MESSAGES).sort()).toEqual([...CONDUCT_RULES].sort())
    const named: Record<ConductRule, string> = {
      abuse: 'positief en respectvol',
      discrimination: 'discrimineren we niet',
      threat: 'bedreigen we niemand',
      sexual: 'seksuele opmerkingen',
    }
    for (const rule of CONDUCT_RULES) {
      const message = CONDUCT_MESSAGES[rule]
      expect(message).toMatch(/^Dit bericht is niet verstuurd: /)
      expect(message).toContain('Volgens de afspraken van de school')
      expect(message).toContain(named[rule])
      expect(message).toContain('Pas je bericht aan')
    }
    expect(new Set(Object.values(CONDUCT_MESSAGES)).size).toBe(CONDUCT_RULES.length)
  })

  it('reports the most severe rule when a message breaks several', () => {
    expect(ruleOf('Kankerjuf, ik maak je af.')).toBe('threat')
    expect(ruleOf('Kutschool vol vieze marokkanen.')).toBe('discrimination')
    expect(ruleOf('Klootzak, je hebt lekkere tieten.')).toBe('sexual')
  })
})

describe('checkConduct: whole words, not substrings', () => {
  it('holds the term itself', () => {
    expectRule(['hoer', 'kut', 'lul', 'sukkel'], 'abuse')
    expectRule(['neger'], 'discrimination')
  })

  it('lets ordinary words that contain a term through', () => {
    expectRule(
      [
        'Hoera!',
        'We negeren het.',
        'De kunstenaar komt.',
        'De analyse is klaar.',
        'Scunthorpe United',
        'Kunt u bellen?',
        'Wat lullig voor hem.',
        'Familie Lulofs',
        'Pikachu',
      ],
      'ok',
    )
  })
})

describe('checkConduct: inflections', () => {
  it('holds plurals, diminutives and adjective forms', () => {
    expectRule(
      [
        'klootzakken',
        'sukkels',
        'idioten',
        'idiote regel',
        'mongolen',
        'debiele',
        'hoertje',
        'lulletje',
        'sletten',
        'hufters',
      ],
      'abuse',
    )
    expectRule(['negers', 'spleetogen'], 'discrimination')
  })

  it('follows Dutch spelling, so look-alike verb forms pass', () => {
    expectRule(['versleten', 'sleten', 'sukkelen', 'negeren', 'tevens', 'wijfje'], 'ok')
  })

  it('undoes doubled consonants and open syllables', () => {
    expect(stemsOf('klootzakken')).toContain('klootzak')
    expect(stemsOf('mongolen')).toContain('mongool')
    expect(stemsOf('lulletje')).toContain('lul')
    expect(stemsOf('sleten')).not.toContain('slet')
  })
})

describe('checkConduct: compounds', () => {
  it('holds a listed head with a word part after it', () => {
    expectRule(['kankerjuf', 'teringleider', 'kutdag', 'klotebende', 'klerelijers'], 'abuse')
  })

  it('holds a listed tail with a word part before it', () => {
    expectRule(['rotwijf', 'stoephoer', 'zeurlul', 'verkeershufter', 'portieksletten'], 'abuse')
    expectRule(['bosneger'], 'discrimination')
  })

  it('is discrimination when the other part names a group of people', () => {
    expectRule(['kutmarokkaan', 'kankerjoden', 'kankerturken'], 'discrimination')
  })

  it('lets ordinary compounds and continuations through', () => {
    expectRule(
      [
        'kankeronderzoek',
        'kankerpatiënt',
        'borstkanker',
        'tyfusvaccinatie',
        'klerenkast',
        'verbetering',
        'catering',
        'uitglijer',
        'hoeraatje',
        'een moordwijf',
      ],
      'ok',
    )
  })

  it('needs at least three letters in the other part', () => {
    expect(ruleOf('kutje')).toBe('abuse') // an inflection, not a compound
    expect(ruleOf('kanker')).toBe('ok') // an illness on its own
    expect(ruleOf('kankerje')).toBe('ok')
  })
})

describe('checkConduct: obfuscation', () => {
  it('sees through leet, repeated letters, accents, look-alikes and invisible characters', () => {
    expectRule(
      [
        'k4nk3rjuf',
        'kl00tz@k',
        '$ukk3l',
        'kuuuuut',
        'KLOOOOOTZAK',
        'kút',
        'kаnkerjuf',
        'k\u200but',
        'id1oot',
      ],
      'abuse',
    )
  })

  it('joins three or more letters typed apart', () => {
    expectRule(['k u t', 'k.u.t', 'h-o-e-r', 'wat een s u k k e l', 'k.u.t.juf'], 'abuse')
  })

  it('does not join ordinary abbreviations into a term', () => {
    expectRule(['i.v.m. de staking', 'a.u.b. voor 9 uur', 't.z.t. o.a. d.m.v.'], 'ok')
  })
})

describe('checkConduct: threats and other phrases', () => {
  it('holds threats with the usual variations of person, order and adverbs', () => {
    expectRule(
      [
        'Ik maak je af.',
        'Ik maak jou af.',
        'Ik maak u af.',
        'Ik maak je helemaal af.',
        'Als je dat nog eens doet, maak ik je af.',
        'Ik ga je in elkaar slaan.',
        'Ik ga die juf morgen slaan.',
        'Ik weet waar je woont.',
        'Je gaat eraan!',
        'Pas maar op.',
        'Ik kom je halen.',
        'Ik steek je neer.',
        'Ik sla je.',
      ],
      'threat',
    )
  })

  it('lets the ordinary sentences that share those words through', () => {
    expectRule(
      [
        'Ik maak het werkblad af.',
        'Ik ga hem niet slaan.',
        'Ik kom hem om twaalf uur halen.',
        'Je gaat eraan wennen.',
        'Ik weet niet waar je woont.',
        'Pas op voor de auto’s.',
        'Ik sla het bestand op.',
      ],
      'ok',
    )
  })

  it('never lets a phrase cross a sentence break, and keeps its gaps short', () => {
    expect(ruleOf('Ik ga je helpen. Slaan doen we niet.')).toBe('ok')
    expect(ruleOf('Ik ga hem morgen slaan.')).toBe('threat')
    expect(ruleOf('Ik ga je een hart onder de riem steken.')).toBe('ok')
  })

  it('holds words that are only an insult in context, in that context', () => {
    expectRule(['Stomme koe!', 'Jij eikel.', 'Wat een eikel!', 'Jullie zijn apen.'], 'abuse')
    expectRule(['Eikels en kastanjes.', 'Een koe en een aap in de dierentuin.'], 'ok')
  })
})

describe('checkConduct: quoted reports', () => {
  it('lets a quoted insult through next to a reporting word', () => {
    expectRule(
      [
        "Hij werd 'sukkel' genoemd.",
        'Ze riep “kankerhoer” naar mijn dochter.',
        'Het scheldwoord "mongool" valt vaak in de klas.',
      ],
      'ok',
    )
  })

  it('still holds quotes without one, and quotes of what the sender says', () => {
    expectRule(["Jij bent een 'sukkel'.", "Ik zeg: 'kankerjuf'."], 'abuse')
  })
})

describe('checkConduct: the school’s own lists', () => {
  const extraTerms: readonly ConductTerm[] = [
    { term: 'gluiperd' },
    { term: 'Pak je biezen', rule: 'threat' },
    { term: 'Zwartrok', rule: 'discrimination' },
  ]

  it('holds a school term, with its inflections, as abuse by default', () => {
    expect(ruleOf('Die gluiperd!')).toBe('ok')
    expect(ruleOf('Die gluiperd!', { extraTerms })).toBe('abuse')
    expect(ruleOf('Stelletje gluiperds', { extraTerms })).toBe('abuse')
  })

  it('reports a school term with the rule the school gave it, also as a phrase', () => {
    expect(ruleOf('Die zwartrokken', { extraTerms })).toBe('discrimination')
    expect(ruleOf('Pak je biezen, juf', { extraTerms })).toBe('threat')
    expect(ruleOf('Pak je tas, juf', { extraTerms })).toBe('ok')
  })

  it('takes school terms literally, never as a pattern', () => {
    const odd = [{ term: '.*' }, { term: '(a|b)+$' }, { term: '   ' }]
    expect(ruleOf('Een gewoon bericht over de a en de b.', { extraTerms: odd })).toBe('ok')
  })

  it('lets a school allow a word or phrase, e.g. a family name', () => {
    expect(ruleOf('Groetjes van familie Kuttenberg')).toBe('abuse')
    expect(ruleOf('Groetjes van familie Kuttenberg', { allowTerms: ['Kuttenberg'] })).toBe('ok')
    expect(ruleOf('Tering en nering', { allowTerms: ['tering en nering'] })).toBe('ok')
  })

  it('compiles a list once per list object, never serving one school’s list for another', () => {
    expect(ruleOf('Die gluiperd', { extraTerms })).toBe('abuse')
    expect(ruleOf('Die gluiperd', { extraTerms })).toBe('abuse')
    expect(ruleOf('Die gluiperd', { extraTerms: [{ term: 'zeurpiet' }] })).toBe('ok')
    expect(ruleOf('Die zeurpiet', { extraTerms: [{ term: 'zeurpiet' }] })).toBe('abuse')
    expect(ruleOf('Die gluiperd', { allowTerms: ['gluiperd'], extraTerms })).toBe('ok')
  })
})

describe('checkConduct: input of any size', () => {
  it('accepts empty and whitespace-only text', () => {
    expect(checkConduct({ text: '' })).toEqual({ ok: true })
    expect(checkConduct({ text: ' \n\t\u00a0 ' })).toEqual({ ok: true })
  })

  it('never throws on odd characters', () => {
    for (const text of [
      '\ud800',
      '😡🤬',
      'مرحبا',
      '\u0000\u0007',
      '@$@$',
      '1111',
      "''''",
      '“”„«»',
    ]) {
      expect(() => checkConduct({ text })).not.toThrow()
    }
  })

  it(
    'checks a 10,000-character message to its end and stays fast on hostile input',
    { timeout: 5000 },
    () => {
      const ordinary = 'Mijn zoon is ziek en blijft vandaag thuis. '.repeat(233)
      expect(ordinary.length).toBeGreaterThan(10_000)
      expect(ruleOf(ordinary)).toBe('ok')
      expect(ruleOf(`${ordinary} Kankerjuf.`)).toBe('abuse')
      const hostile = [
        'a'.repeat(10_000),
        'k u t '.repeat(1_700),
        'ik '.repeat(3_400),
        'ik ga je '.repeat(1_100),
        "'a' ".repeat(2_500),
        'kanker'.repeat(1_700),
        'x'.repeat(9_999) + 'hoer',
      ]
      for (const text of hostile) expect(() => checkConduct({ text })).not.toThrow()
    },
  )
})
