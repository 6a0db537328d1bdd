import { describe, expect, it, vi } from 'vitest'

import { allowingLimiter, refusingLimiter } from '../../test/fake-limiter'
import { rawImage, rawPost, rawVideo, toPortalPost } from '../../test/posts'
import type { PortalSession } from '../auth/session'
import type { CreateReportResult } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import { actionUrl } from '../../lib/http/action-url'
import type { ReportFailure, ReportInput } from './report-form'
import {
  REPORT_CATEGORY_LABELS,
  reportInput,
  reportPageView,
  reportSubject,
  sentPath,
  submitReportForm,
} from './report-form'

const parent: PortalSession = { token: 'tok', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const post = toPortalPost(rawPost({ gallery: [rawImage('m1'), rawVideo('v1')] }))!
const input: ReportInput = { post: 'post-1', category: 'privacy', text: 'Mijn kind staat erop.' }
const url = (path: string) => new URL(path, 'http://localhost:4321')

describe('reportInput', () => {
  it('accepts a category and a text; media is optional', () => {
    expect(
      reportInput.parse({
        post: 'post-1',
        category: 'other',
        text: '  Klopt niet.\r\nZie foto.  ',
      }),
    ).toEqual({ post: 'post-1', category: 'other', text: 'Klopt niet.\nZie foto.' })
    expect(reportInput.parse({ ...input, media: 'm1' }).media).toBe('m1')
  })

  it('counts a CRLF line break as one character', () => {
    const text = `${'a'.repeat(999)}\r\n${'b'.repeat(1000)}`
    expect(reportInput.safeParse({ ...input, text }).success).toBe(true)
  })

  it('refuses an empty or too long text, a missing or unknown category, a broken id', () => {
    const fields = (value: unknown) => {
      const result = reportInput.safeParse(value)
      return result.success
        ? {}
        : Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message]))
    }
    expect(fields({ ...input, text: '   ' })).toEqual({
      text: 'Schrijf kort wat er volgens jou niet klopt.',
    })
    expect(fields({ ...input, text: 'x'.repeat(2001) })).toEqual({
      text: 'Je melding mag hoogstens 2000 tekens lang zijn.',
    })
    expect(fields({ ...input, category: null })).toEqual({
      category: 'Kies waar je melding over gaat.',
    })
    expect(fields({ ...input, category: 'spam' })).toEqual({
      category: 'Kies waar je melding over gaat.',
    })
    expect(Object.keys(fields({ ...input, post: '../x' }))).toEqual(['post'])
    expect(Object.keys(fields({ ...input, media: 'a b' }))).toEqual(['media'])
  })

  it('has the Dutch labels', () => {
    expect(REPORT_CATEGORY_LABELS).toEqual({
      privacy: 'Privacy van een kind',
      inappropriate: 'Ongepast',
      incorrect: 'Niet juist',
      other: 'Anders',
    })
  })
})

describe('submitReportForm', () => {
  const cms = (result: () => Promise<CreateReportResult>) => ({ createReport: vi.fn(result) })

  it('sends the report with the parent’s token and goes to the thank-you', async () => {
    const client = cms(async () => ({ ok: true, id: 'r1' }))
    const limiter = allowingLimiter()
    expect(
      await submitReportForm({ ...input, media: 'm1' }, { cms: client, parent, limiter }),
    ).toEqual({
      ok: true,
      redirectTo: '/berichten/post-1/melden?verstuurd=1',
    })
    expect(client.createReport).toHaveBeenCalledWith('tok', { ...input, media: 'm1' })
    expect(limiter.consume).toHaveBeenCalledWith('p1')
  })

  it('rate-limited per parent: nothing is sent', async () => {
    const client = cms(async () => ({ ok: true, id: 'r1' }))
    const result = await submitReportForm(input, {
      cms: client,
      parent,
      limiter: refusingLimiter(600),
    })
    expect(result).toEqual({
      ok: false,
      code: 'rate-limited',
      message: 'Te veel pogingen. Probeer het over 10 minuten opnieuw.',
      fields: {},
      retryAfterSeconds: 600,
    })
    expect(client.createReport).not.toHaveBeenCalled()
  })

  it('the CMS refuses the values: its messages per field', async () => {
    const client = cms(async () => ({
      ok: false,
      code: 'invalid-input',
      message: 'Ongeldig',
      fields: { text: 'Te lang.' },
    }))
    expect(
      await submitReportForm(input, { cms: client, parent, limiter: allowingLimiter() }),
    ).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Ongeldig',
      fields: { text: 'Te lang.' },
    })
  })

  it('the CMS says the post or item is not theirs to report: its reason as the message', async () => {
    const client = cms(async () => ({
      ok: false,
      code: 'invalid-input',
      message: 'Het volgende veld is ongeldig: media',
      fields: { media: 'Deze foto hoort niet bij dit bericht.' },
    }))
    expect(
      await submitReportForm(input, { cms: client, parent, limiter: allowingLimiter() }),
    ).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Deze foto hoort niet bij dit bericht.',
      fields: {},
    })
  })

  it('forbidden, signed out, unavailable', async () => {
    const limiter = allowingLimiter()
    expect(
      await submitReportForm(input, {
        cms: cms(async () => ({ ok: false, code: 'forbidden', message: '' })),
        parent,
        limiter,
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' })
    expect(
      await submitReportForm(input, {
        cms: cms(async () => {
          throw new CmsUnauthorizedError(401, '/api/reports')
        }),
        parent,
        limiter,
      }),
    ).toEqual({ ok: false, code: 'signed-out' })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(
      await submitReportForm(input, {
        cms: cms(async () => {
          throw new CmsUnavailableError('network', 'down')
        }),
        parent,
        limiter,
      }),
    ).toMatchObject({ ok: false, code: 'unavailable' })
    spy.mockRestore()
  })
})

describe('reportSubject', () => {
  it('the post, a photo or a video of it; null for an item the parent does not see', () => {
    expect(reportSubject(post, null)).toEqual({
      mediaId: null,
      label: 'het bericht „Schoolreisje naar Artis”',
    })
    expect(reportSubject(post, 'm1')?.label).toBe(
      'een foto bij het bericht „Schoolreisje naar Artis”',
    )
    expect(reportSubject(post, 'v1')?.label).toBe(
      'een video bij het bericht „Schoolreisje naar Artis”',
    )
    expect(reportSubject(post, 'm-hidden')).toBeNull()
  })
})

describe('reportPageView', () => {
  const subject = reportSubject(post, 'm1')!
  const view = (
    outcome: Parameters<typeof reportPageView>[0]['outcome'],
    path = '/berichten/post-1/melden?media=m1',
    form?: { category?: unknown; text?: unknown },
  ) => reportPageView({ url: url(path), post, subject, outcome, form })

  it('the empty form, posting back to the same item', () => {
    expect(view({ kind: 'none' })).toMatchObject({
      status: 200,
      sent: false,
      values: { category: '', text: '' },
      backHref: '/berichten/post-1',
      formPath: '/berichten/post-1/melden?media=m1',
    })
    expect(actionUrl('/berichten/post-1/melden?media=m1', '?_action=reportPost')).toBe(
      '/berichten/post-1/melden?media=m1&_action=reportPost',
    )
    expect(actionUrl('/berichten/post-1/melden', '?_action=reportPost')).toBe(
      '/berichten/post-1/melden?_action=reportPost',
    )
  })

  it('the thank-you after sending', () => {
    expect(view({ kind: 'none' }, sentPath('post-1')).sent).toBe(true)
  })

  it('input errors: 400, messages per field, what was typed kept', () => {
    const result = view(
      { kind: 'input-error', fields: { category: ['Kies waar je melding over gaat.'] } },
      undefined,
      { category: 'nope', text: 'Tekst' },
    )
    expect(result).toMatchObject({
      status: 400,
      fieldErrors: { category: 'Kies waar je melding over gaat.' },
      values: { category: '', text: 'Tekst' },
    })
    expect(result.notice?.kind).toBe('error')
  })

  it.each([
    [{ code: 'invalid-input', message: 'm', fields: { text: 't' } }, 400, {}],
    [{ code: 'forbidden', message: 'm', fields: {} }, 403, {}],
    [
      { code: 'rate-limited', message: 'm', fields: {}, retryAfterSeconds: 90 },
      429,
      { 'Retry-After': '90' },
    ],
    [{ code: 'unavailable', message: 'm', fields: {} }, 503, { 'Retry-After': '30' }],
  ] as const)('%j → %i', (result, status, headers) => {
    const outcome = { kind: 'result', result: { ok: false, ...result } as ReportFailure } as const
    const page = view(outcome, undefined, { category: 'privacy', text: 'x' })
    expect(page.status).toBe(status)
    expect(page.headers).toEqual(headers)
    expect(page.values).toEqual({ category: 'privacy', text: 'x' })
    expect(page.sent).toBe(false)
  })
})
