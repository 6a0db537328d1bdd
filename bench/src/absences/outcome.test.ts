import { describe, expect, it } from 'vitest'

import { type Answer, alertText, classifyAnswer, evaluateRun, summarizeWave } from './outcome'

const answer = (over: Partial<Answer>): Answer => ({
  status: 200,
  location: null,
  cookies: [],
  body: '',
  ms: 10,
  error: null,
  ...over,
})
const stored = (id: string) =>
  answer({ status: 303, location: `/absentie?gemeld=${id}#melding-${id}` })
const DUPLICATE_PAGE = (id: string) => `<main><h2>Afwezigheid melden</h2>
  <div class="notice notice--error" role="alert"><span class="visually-hidden">Fout:</span>
  <p>Voor Liam is maandag 14 december al een ziekmelding gemeld. U ziet die in het overzicht.</p>
  <p><a href="/absentie#melding-${id}">Bekijk de melding in het overzicht</a></p></div>
  <form class="absence-form" method="post"><a href="/absentie#melding-other">x</a></form></main>`
const duplicate = (id: string) => answer({ status: 409, body: DUPLICATE_PAGE(id) })

describe('alertText', () => {
  it('reads the visible text of the alert up to the form that follows it', () => {
    expect(alertText(DUPLICATE_PAGE('a1'))).toBe(
      'Fout: Voor Liam is maandag 14 december al een ziekmelding gemeld. U ziet die in het overzicht. Bekijk de melding in het overzicht',
    )
    expect(alertText('<div role="status">Gelukt</div>')).toBe('')
  })
})

describe('classifyAnswer', () => {
  it('a 303 to the confirmation anchor is a stored report with its id', () => {
    expect(classifyAnswer(stored('6f1c-22'))).toEqual({ kind: 'stored', id: '6f1c-22' })
  })

  it('a 303 elsewhere (the login page after a lost session) stored nothing', () => {
    expect(classifyAnswer(answer({ status: 303, location: '/inloggen' }))).toEqual({
      kind: 'failed',
      why: '303 to /inloggen',
    })
    // The anchor must name the same report as the query.
    expect(
      classifyAnswer(answer({ status: 303, location: '/absentie?gemeld=a#melding-b' })).kind,
    ).toBe('failed')
  })

  it('a 4xx with a Dutch alert is a clear refusal, with the link to the existing report', () => {
    expect(classifyAnswer(duplicate('a1'))).toMatchObject({
      kind: 'refused',
      status: 409,
      existingId: 'a1',
    })
    const tooLate = answer({
      status: 422,
      body: '<div role="alert"><p>Na 08:15 kunt u niet meer ziek melden. Bel school.</p></div><form>',
    })
    expect(classifyAnswer(tooLate)).toMatchObject({ kind: 'refused', existingId: null })
  })

  it('5xx, a 4xx without a message, a 200 and no answer at all are failures', () => {
    expect(
      classifyAnswer(answer({ status: 503, body: '<div role="alert">Even niet</div>' })),
    ).toEqual({ kind: 'failed', why: '503' })
    expect(classifyAnswer(answer({ status: 409, body: 'Conflict' })).kind).toBe('failed')
    expect(classifyAnswer(answer({ status: 200 })).kind).toBe('failed')
    expect(
      classifyAnswer(answer({ status: 0, error: 'TimeoutError: The operation was aborted' })),
    ).toEqual({ kind: 'failed', why: 'TimeoutError: The operation was aborted' })
  })
})

describe('summarizeWave', () => {
  it('counts statuses and outcomes and takes percentiles of every answer, errors included', () => {
    const wave = summarizeWave([
      { ...stored('a'), ms: 100 },
      { ...duplicate('a'), ms: 20 },
      answer({ status: 0, error: 'ECONNRESET', ms: 900 }),
    ])
    expect(wave).toMatchObject({
      requests: 3,
      statuses: { '303': 1, '409': 1, error: 1 },
      stored: 1,
      refused: 1,
      failed: 1,
      failures: ['ECONNRESET'],
      latency: { p50: 100, max: 900 },
    })
  })
})

describe('evaluateRun', () => {
  const pupils = ['p1', 'p2']
  const rows = [
    { id: 'a1', pupil: 'p1', status: 'reported', channel: 'portal' },
    { id: 'a2', pupil: 'p2', status: 'reported', channel: 'portal' },
  ]
  const good = {
    pupils,
    reports: [stored('a1'), stored('a2')],
    duplicates: [duplicate('a1'), duplicate('a2')],
    stored: rows,
    confirmations: new Map([
      ['x@ouders.test', 1],
      ['y@ouders.test', 1],
    ]),
  }
  const failed = (run: Parameters<typeof evaluateRun>[0]) =>
    evaluateRun(run)
      .filter((c) => !c.ok)
      .map((c) => c.name)

  it('passes a run where every report is stored once and every duplicate points to it', () => {
    expect(failed(good)).toEqual([])
  })

  it('fails a pupil stored twice (the race the unique key prevents)', () => {
    const twice = [...rows, { id: 'a3', pupil: 'p2', status: 'reported', channel: 'portal' }]
    expect(failed({ ...good, stored: twice })).toEqual(['exactly 2 in the database, none twice'])
  })

  it('fails a duplicate that was accepted, or refused without pointing to the stored report', () => {
    expect(failed({ ...good, duplicates: [duplicate('a1'), stored('a9')] })).toEqual([
      'every duplicate refused (409) with a link to the stored report',
    ])
    expect(failed({ ...good, duplicates: [duplicate('a1'), duplicate('a1')] })).toEqual([
      'every duplicate refused (409) with a link to the stored report',
    ])
  })

  it('fails a report the portal called stored that the database does not hold for that pupil', () => {
    expect(failed({ ...good, reports: [stored('a2'), stored('a1')] })).toEqual([
      'all 2 reports stored',
    ])
  })

  it('fails an unclear answer, a withdrawn row and a missing or doubled email', () => {
    expect(
      failed({ ...good, reports: [stored('a1'), answer({ status: 500 })] }).slice(0, 2),
    ).toEqual(['every report answered: stored (303) or a clear 4xx', 'all 2 reports stored'])
    expect(failed({ ...good, stored: [rows[0]!, { ...rows[1]!, status: 'cancelled' }] })).toEqual([
      'exactly 2 in the database, none twice',
    ])
    expect(failed({ ...good, confirmations: new Map([['x@ouders.test', 2]]) })).toEqual([
      'one confirmation email per report',
    ])
    expect(evaluateRun({ ...good, confirmations: null }).map((c) => c.name)).not.toContain(
      'one confirmation email per report',
    )
  })
})
