import { describe, expect, it } from 'vitest'

import { checkFeedback, FEEDBACK_MAX_LENGTH } from './check-feedback'

describe('checkFeedback', () => {
  it('accepts a tip on a known topic', () => {
    expect(
      checkFeedback({ topic: 'schoolpost', text: 'Fijn dat de agenda nu in mijn telefoon staat!' }),
    ).toEqual({ ok: true })
  })

  it('refuses an unknown topic, a text without substance and one that is too long', () => {
    expect(
      checkFeedback({ topic: 'admin', text: 'Een prima tekst van genoeg lengte.' }),
    ).toMatchObject({
      ok: false,
      reason: 'topic',
    })
    expect(checkFeedback({ topic: 'school', text: '   kort    ' })).toMatchObject({
      ok: false,
      reason: 'too-short',
      message: 'Schrijf minstens 10 tekens, zodat de school begrijpt wat je bedoelt.',
    })
    expect(
      checkFeedback({ topic: 'school', text: 'a'.repeat(FEEDBACK_MAX_LENGTH + 1) }),
    ).toMatchObject({
      ok: false,
      reason: 'too-long',
    })
    // Characters, not UTF-16 units: 2000 emoji fit.
    expect(checkFeedback({ topic: 'school', text: '👍'.repeat(FEEDBACK_MAX_LENGTH) })).toEqual({
      ok: true,
    })
  })

  it('sends back abuse with the agreement it touches, and the school’s own terms count', () => {
    const held = checkFeedback({ topic: 'school', text: 'Wat een klootzakken zijn jullie.' })
    expect(held).toMatchObject({ ok: false, reason: 'conduct', rule: 'abuse' })
    expect(held.ok || held.message).toMatch(
      /^Je feedback is niet verstuurd: het bevat een scheldwoord\..*Pas je tekst aan\.$/,
    )
    expect(
      checkFeedback({
        topic: 'school',
        text: 'De nieuwe juf is een sukkelaar hoor.',
        extraTerms: [{ term: 'sukkelaar' }],
      }),
    ).toMatchObject({ ok: false, reason: 'conduct' })
  })
})
