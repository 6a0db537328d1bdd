import { describe, expect, it } from 'vitest'

import {
  acceptedLocation,
  type Answer,
  classifyAnswer,
  evaluateRun,
  FULL_MESSAGE,
  latencyLine,
  signupLine,
  slotAlert,
  summarizeWave,
} from './outcome'

const target = { request: 'r1', slot: 's1', places: 3 }
const answer = (over: Partial<Answer>): Answer => ({
  status: 200,
  location: null,
  body: '',
  ms: 10,
  error: null,
  ...over,
})
const accepted = () =>
  answer({ status: 303, location: '/hulpvragen?gelukt=aangemeld&moment=s1#hulpvraag-r1' })
/** /hulpvragen as the portal renders it after a refusal: the notice at the refused slot. */
const PAGE = (slot: string, message: string) => `<main><h1>Hulpvragen</h1>
  <section class="request" id="hulpvraag-r1"><ul class="slots">
  <li class="slot" id="moment-s0" aria-labelledby="moment-s0-titel"><h3>Heenreis</h3>
    <p class="slot__places">Nog 2 plekken vrij</p></li>
  <li class="slot" id="moment-${slot}" aria-labelledby="moment-${slot}-titel"><h3>Terugreis</h3>
    <p class="slot__places slot__places--full">Vol</p>
    <div class="notice notice--error" role="alert"><p class="notice__title">
      <span class="visually-hidden">Fout: </span>Niet gelukt</p>
      <div class="notice__body">${message}</div></div>
    <p class="slot__hint">Dit moment is vol.</p></li>
  </ul></section></main>`
const full = () => answer({ status: 409, body: PAGE('s1', FULL_MESSAGE) })

describe('acceptedLocation', () => {
  it('is the redirect of features/volunteering after a sign-up with a place', () => {
    expect(acceptedLocation({ request: 'r1', slot: 'a b' })).toBe(
      '/hulpvragen?gelukt=aangemeld&moment=a%20b#hulpvraag-r1',
    )
  })
})

describe('slotAlert', () => {
  it('reads the alert of the given slot only', () => {
    expect(slotAlert(PAGE('s1', FULL_MESSAGE), 's1')).toBe(
      `Fout: Niet gelukt ${FULL_MESSAGE} Dit moment is vol.`,
    )
    expect(slotAlert(PAGE('s1', FULL_MESSAGE), 's0')).toBe('')
    expect(slotAlert(PAGE('s1', FULL_MESSAGE), 'nope')).toBe('')
  })
})

describe('classifyAnswer', () => {
  it('a 303 to gelukt=aangemeld for this slot is accepted', () => {
    expect(classifyAnswer(accepted(), target)).toEqual({ kind: 'accepted' })
  })

  it('a 303 to the waitlist, another slot or the login page is no accepted sign-up', () => {
    const to = (location: string) => classifyAnswer(answer({ status: 303, location }), target)
    expect(to('/hulpvragen?gelukt=wachtlijst&moment=s1#hulpvraag-r1')).toEqual({
      kind: 'failed',
      why: '303 to /hulpvragen?gelukt=wachtlijst&moment=s1#hulpvraag-r1',
    })
    expect(to('/hulpvragen?gelukt=aangemeld&moment=s2#hulpvraag-r1').kind).toBe('failed')
    expect(to('/inloggen').kind).toBe('failed')
  })

  it('a 409 with "vol, geen wachtlijst" at the slot is "vol"', () => {
    expect(classifyAnswer(full(), target)).toEqual({ kind: 'full' })
  })

  it('another refusal, the message at another slot, a 5xx and no answer are failures', () => {
    const already = answer({
      status: 409,
      body: PAGE('s1', 'U bent voor dit moment al aangemeld.'),
    })
    expect(classifyAnswer(already, target)).toEqual({
      kind: 'failed',
      why: '409: Fout: Niet gelukt U bent voor dit moment al aangemeld. Dit moment is vol.',
    })
    expect(classifyAnswer(answer({ status: 409, body: PAGE('s0', FULL_MESSAGE) }), target)).toEqual(
      { kind: 'failed', why: '409' },
    )
    expect(
      classifyAnswer(answer({ status: 503, body: PAGE('s1', FULL_MESSAGE) }), target).kind,
    ).toBe('failed')
    expect(classifyAnswer(answer({ status: 0, error: 'TimeoutError' }), target)).toEqual({
      kind: 'failed',
      why: 'TimeoutError',
    })
  })
})

describe('summarizeWave', () => {
  it('counts statuses and outcomes and takes percentiles of every answer, errors included', () => {
    const wave = summarizeWave(
      [
        { ...accepted(), ms: 100 },
        { ...full(), ms: 20 },
        answer({ status: 0, error: 'ECONNRESET', ms: 900 }),
      ],
      target,
    )
    expect(wave).toMatchObject({
      requests: 3,
      statuses: { '303': 1, '409': 1, error: 1 },
      accepted: 1,
      full: 1,
      failed: 1,
      failures: ['ECONNRESET'],
      latency: { p50: 100, max: 900 },
    })
  })
})

describe('evaluateRun', () => {
  const parents = ['p1', 'p2', 'p3', 'p4', 'p5']
  const answers = [full(), accepted(), accepted(), full(), accepted()]
  const signups = [
    { id: 'a', parent: 'p2', slot: 's1', status: 'confirmed', place: 2 },
    { id: 'b', parent: 'p5', slot: 's1', status: 'confirmed', place: 1 },
    { id: 'c', parent: 'p3', slot: 's1', status: 'confirmed', place: 3 },
  ]
  const seats = [
    { key: 'r1:s1:1', signup: 'b' },
    { key: 'r1:s1:2', signup: 'a' },
    { key: 'r1:s1:3', signup: 'c' },
  ]
  const good = { target, answers, parents, signups, seats }
  const failed = (run: Parameters<typeof evaluateRun>[0]) =>
    evaluateRun(run)
      .filter((c) => !c.ok)
      .map((c) => c.name)

  it('passes 3 accepted, the rest "vol", 3 confirmed sign-ups on places 1–3 and 3 seats', () => {
    expect(failed(good)).toEqual([])
  })

  it('fails a fourth acceptance (overbooked) and an unclear answer', () => {
    const four = [full(), accepted(), accepted(), accepted(), accepted()]
    expect(failed({ ...good, answers: four })).toEqual([
      'exactly 3 accepted',
      'the other 2 told "vol" (409)',
      'exactly 3 confirmed sign-ups in the database, on places 1, 2, 3',
    ])
    const unclear = [answer({ status: 500 }), accepted(), accepted(), full(), accepted()]
    expect(failed({ ...good, answers: unclear })).toEqual([
      'every sign-up answered: accepted (303) or "vol" (409)',
      'the other 2 told "vol" (409)',
    ])
  })

  it('fails a fourth row, a place taken twice, a leftover pending row and a stranger', () => {
    const fourth = { id: 'd', parent: 'p1', slot: 's1', status: 'confirmed', place: 4 }
    const twice = { ...signups[2]!, place: 2 }
    const pending = { id: 'e', parent: 'p4', slot: 's1', status: 'pending', place: null }
    const stranger = { ...signups[0]!, parent: 'p1' }
    const name = 'exactly 3 confirmed sign-ups in the database, on places 1, 2, 3'
    // A fourth confirmed sign-up holds no seat either.
    expect(failed({ ...good, signups: [...signups, fourth] })).toEqual([
      name,
      'exactly 3 seat rows, one per place',
    ])
    expect(failed({ ...good, signups: [signups[0]!, signups[1]!, twice] })).toEqual([name])
    expect(failed({ ...good, signups: [...signups, pending] })).toEqual([name])
    expect(failed({ ...good, signups: [stranger, signups[1]!, signups[2]!] })).toEqual([name])
  })

  it('fails a fourth seat, a missing one, one held by no confirmed sign-up and unread seats', () => {
    const name = 'exactly 3 seat rows, one per place'
    expect(failed({ ...good, seats: [...seats, { key: 'r1:s1:4', signup: 'd' }] })).toEqual([name])
    expect(failed({ ...good, seats: seats.slice(1) })).toEqual([name])
    expect(
      failed({ ...good, seats: [seats[0]!, seats[1]!, { key: 'r1:s1:3', signup: 'x' }] }),
    ).toEqual([name])
    expect(failed({ ...good, seats: null })).toEqual([name])
    expect(evaluateRun({ ...good, seats: null }).at(-1)?.detail).toBe('not read')
  })
})

describe('the printed lines', () => {
  it('says how many were accepted for how many places', () => {
    expect(signupLine(3, 50, 3)).toBe('signups: 3 of 50 accepted for 3 places')
  })

  it('puts p50/p95 beside the baseline with the ratios', () => {
    expect(
      latencyLine(
        { label: '50 sign-ups', latency: { p50: 412.4, p95: 980, p99: 990, max: 1000 } },
        { label: '50 × GET /inloggen', latency: { p50: 40, p95: 98, p99: 99, max: 100 } },
      ),
    ).toBe(
      'p50/p95: 50 sign-ups 412 ms / 980 ms; baseline 50 × GET /inloggen 40 ms / 98 ms; ratio 10.3× / 10.0×',
    )
    expect(
      latencyLine(
        { label: 'x', latency: { p50: NaN, p95: NaN, p99: NaN, max: NaN } },
        { label: 'y', latency: { p50: 0, p95: 0, p99: 0, max: 0 } },
      ),
    ).toBe('p50/p95: x – / –; baseline y 0 ms / 0 ms; ratio – / –')
  })
})
