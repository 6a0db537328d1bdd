import { describe, expect, it, vi } from 'vitest'

import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import {
  FEEDBACK_SENT_PATH,
  feedbackFormView,
  feedbackInput,
  feedbackItemView,
  submitFeedback,
} from './feedback'

const parent = { token: 'tok', exp: 2_000_000_000, parentId: 'p1', parentName: 'Eva' }

describe('feedbackInput', () => {
  it('reads the form: topic, trimmed text, the checkbox', () => {
    expect(
      feedbackInput.parse({
        onderwerp: 'school',
        tekst: '  Een goede tip!\r\nEcht.  ',
        anoniem: 'on',
      }),
    ).toEqual({ onderwerp: 'school', tekst: 'Een goede tip!\nEcht.', anoniem: 'on' })
    expect(
      feedbackInput.parse({ onderwerp: 'anders', tekst: 'Zonder vinkje, prima.' }).anoniem,
    ).toBeUndefined()
  })

  it('refuses an unknown topic and a too short text in Dutch', () => {
    const result = feedbackInput.safeParse({ onderwerp: 'admin', tekst: 'kort' })
    expect(result.success).toBe(false)
    const messages = result.success ? [] : result.error.issues.map((i) => i.message)
    expect(messages).toEqual([
      'Kies waar je feedback over gaat.',
      'Schrijf minstens 10 tekens, zodat de school begrijpt wat je bedoelt.',
    ])
  })
})

describe('submitFeedback', () => {
  it('sends it and goes to the thank-you', async () => {
    const cms = { sendFeedback: vi.fn(async () => ({ ok: true as const, id: 'f1' })) }
    expect(
      await submitFeedback(
        { onderwerp: 'school', tekst: 'Een goede tip!', anoniem: 'on' },
        { cms, parent },
      ),
    ).toEqual({ ok: true, redirectTo: FEEDBACK_SENT_PATH })
    expect(cms.sendFeedback).toHaveBeenCalledWith('tok', {
      topic: 'school',
      message: 'Een goede tip!',
      anonymous: true,
    })
  })

  it('shows the CMS’s reason at the text field, and its rate limit', async () => {
    const refused = {
      sendFeedback: vi.fn(async () => ({
        ok: false as const,
        code: 'invalid-input' as const,
        message: 'The following field is invalid: message',
        fields: { message: 'Je feedback is niet verstuurd: het bevat een scheldwoord.' },
      })),
    }
    expect(
      await submitFeedback(
        { onderwerp: 'school', tekst: 'x'.repeat(12) },
        { cms: refused, parent },
      ),
    ).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Je feedback is niet verstuurd: het bevat een scheldwoord.',
      fields: { tekst: 'Je feedback is niet verstuurd: het bevat een scheldwoord.' },
    })
    const limited = {
      sendFeedback: vi.fn(async () => ({
        ok: false as const,
        code: 'rate-limited' as const,
        retryAfterSeconds: 120,
      })),
    }
    expect(
      await submitFeedback(
        { onderwerp: 'school', tekst: 'x'.repeat(12) },
        { cms: limited, parent },
      ),
    ).toMatchObject({
      code: 'rate-limited',
      message: 'Te veel pogingen. Probeer het over 2 minuten opnieuw.',
    })
    const ended = {
      sendFeedback: vi.fn(async () => Promise.reject(new CmsUnauthorizedError(401, 'p'))),
    }
    expect(
      await submitFeedback({ onderwerp: 'school', tekst: 'x'.repeat(12) }, { cms: ended, parent }),
    ).toEqual({
      ok: false,
      code: 'signed-out',
    })
  })
})

describe('feedbackFormView and feedbackItemView', () => {
  it('thanks after sending, and keeps what was typed after a refusal', () => {
    const sent = feedbackFormView({
      url: new URL('http://p.test/feedback?verstuurd=1'),
      outcome: { kind: 'none' },
      form: undefined,
    })
    expect([sent.status, sent.sent, sent.notice?.kind]).toEqual([200, true, 'success'])
    const refused = feedbackFormView({
      url: new URL('http://p.test/feedback'),
      outcome: {
        kind: 'result',
        result: { ok: false, code: 'invalid-input', message: 'Nee.', fields: { tekst: 'Nee.' } },
      },
      form: { onderwerp: 'school', tekst: 'Mijn tekst', anoniem: 'on' },
    })
    expect(refused).toMatchObject({
      status: 400,
      values: { onderwerp: 'school', tekst: 'Mijn tekst', anoniem: true },
      fieldErrors: { tekst: 'Nee.' },
    })
  })

  it('names the topic, the status and the director’s answer in Dutch', () => {
    const view = feedbackItemView({
      id: 'f1',
      topic: 'huisregels',
      message: 'Mag het duidelijker?',
      anonymous: true,
      status: 'afgehandeld',
      answer: 'Zeker, aangepast.',
      answeredAt: '2026-12-07T09:30:00.000Z',
      createdAt: '2026-12-06T19:05:00.000Z',
    })
    expect(view).toEqual({
      id: 'f1',
      topicLabel: 'De huisregels',
      sentLabel: 'Verstuurd op 6 december 2026 om 20:05',
      message: 'Mag het duidelijker?',
      statusLabel: 'Afgehandeld',
      anonymous: true,
      answer: {
        text: 'Zeker, aangepast.',
        label: 'Antwoord van de directie, 7 december 2026 om 10:30',
      },
    })
  })
})
