import { afterEach, describe, expect, it } from 'vitest'

import { closeAllCms, json, startCms } from '../../test/cms-stub'
import {
  ABSENCE_MAX_PAGES,
  CmsRequestError,
  CmsUnauthorizedError,
  CmsUnavailableError,
  createCmsClient,
} from './cms-client'

afterEach(closeAllCms)

const token = 'parent.jwt.token'

const rawAbsence = (overrides: Record<string, unknown> = {}) => ({
  id: 'a1',
  title: 'Ziek · Noor · 2026-12-07',
  pupil: 'pupil-1',
  kind: 'sick',
  date: '2026-12-07',
  fromTime: null,
  toTime: null,
  reason: 'ziek',
  note: null,
  status: 'reported',
  channel: 'portal',
  group: 'group-1',
  reporterName: 'Fatima Yilmaz',
  acknowledgedAt: null,
  cancelledAt: null,
  createdAt: '2026-12-07T06:59:00.000Z',
  updatedAt: '2026-12-07T06:59:00.000Z',
  ...overrides,
})

const rawLeave = (overrides: Record<string, unknown> = {}) => ({
  id: 'l1',
  pupil: 'pupil-1',
  from: '2027-03-01',
  to: '2027-03-05',
  reason: 'familie',
  note: 'Bruiloft.',
  status: 'requested',
  decisionMessage: null,
  late: false,
  schoolDays: 5,
  beyondDirector: false,
  requesterName: 'Fatima Yilmaz',
  decidedAt: null,
  createdAt: '2026-12-07T19:00:00.000Z',
  ...overrides,
})

const refusal = (message: string, data?: Record<string, unknown>) => ({
  errors: [{ name: 'Refusal', message, ...(data ? { data } : {}) }],
})

describe('listAbsences', () => {
  it('asks with the JWT for depth 0, no filter or sort (parents may not name them), and keeps the days from `since`', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, {
        docs: [
          rawAbsence({ id: 'a3', date: '2026-12-09' }),
          rawAbsence({ id: 'a2', date: '2026-08-01' }),
          rawAbsence({ id: 'a1', date: '2026-07-10' }),
        ],
        hasNextPage: true,
      }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    const absences = await client.listAbsences(token, { since: '2026-08-01' })
    expect(absences.map((a) => a.id)).toEqual(['a3', 'a2'])
    // The page reached before `since`: the next page (older days, `-date`) is not asked for.
    expect(cms.requests.map((r) => r.url)).toEqual(['/api/absences?depth=0&limit=100&page=1'])
    expect(cms.requests[0]?.headers.authorization).toBe(`JWT ${token}`)
    expect(cms.requests[0]?.headers.cookie).toBeUndefined()
  })

  it('reads on while every report of a page is within the school year, and stops after the last page', async () => {
    const cms = await startCms((req, res) => {
      const page = new URL(req.url ?? '/', 'http://x').searchParams.get('page')
      json(res, 200, {
        docs: [rawAbsence({ id: `a${page}`, date: page === '1' ? '2026-12-09' : '2026-11-02' })],
        hasNextPage: page === '1',
      })
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect((await client.listAbsences(token, { since: '2026-08-01' })).map((a) => a.id)).toEqual([
      'a1',
      'a2',
    ])
    expect(cms.requests).toHaveLength(2)
  })

  it('reads at most a bounded number of pages', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { docs: [rawAbsence({ date: '2026-12-09' })], hasNextPage: true }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await client.listAbsences(token, { since: '2026-08-01' })
    expect(cms.requests).toHaveLength(ABSENCE_MAX_PAGES)
  })

  it('an answer outside the contract is not trusted; 401 ends the session', async () => {
    const bad = await startCms((_req, res) =>
      json(res, 200, { docs: [rawAbsence({ status: 'weg' })], hasNextPage: false }),
    )
    await expect(
      createCmsClient({ baseUrl: bad.baseUrl }).listAbsences(token, { since: '2026-08-01' }),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'invalid-response' })
    const refused = await startCms((_req, res) => json(res, 401, refusal('Log in.')))
    await expect(
      createCmsClient({ baseUrl: refused.baseUrl }).listAbsences(token, { since: '2026-08-01' }),
    ).rejects.toBeInstanceOf(CmsUnauthorizedError)
  })
})

describe('createAbsence', () => {
  const sick = { pupil: 'pupil-1', kind: 'sick', date: '2026-12-07' } as const

  it('201: the report as the CMS stored it; posts the report as JSON with the JWT', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 201, { doc: rawAbsence(), message: 'Gemaakt.' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.createAbsence(token, { ...sick, note: 'Koorts' })).toMatchObject({
      ok: true,
      absence: { id: 'a1', status: 'reported', reporterName: 'Fatima Yilmaz' },
    })
    const [seen] = cms.requests
    expect(seen?.method).toBe('POST')
    expect(seen?.url).toBe('/api/absences?depth=0')
    expect(seen?.headers.authorization).toBe(`JWT ${token}`)
    expect(JSON.parse(seen?.body ?? '')).toEqual({ ...sick, note: 'Koorts' })
  })

  it('422 after the cutoff: the Dutch message, the code and the phone number', async () => {
    const message =
      'Ziekmelden voor vandaag kan via Schoolpost alleen vóór de ochtendgrens. Bel de school. Telefoon: 020-1234567.'
    const cms = await startCms((_req, res) =>
      json(res, 422, refusal(message, { code: 'after-cutoff', phone: '020-1234567' })),
    )
    expect(await createCmsClient({ baseUrl: cms.baseUrl }).createAbsence(token, sick)).toEqual({
      ok: false,
      code: 'after-cutoff',
      message,
      phone: '020-1234567',
      existing: null,
      fields: {},
    })
  })

  it('409 duplicate: points at the existing report', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 409, refusal('Voor Noor is … al gemeld.', { code: 'duplicate', existing: 'a0' })),
    )
    expect(
      await createCmsClient({ baseUrl: cms.baseUrl }).createAbsence(token, sick),
    ).toMatchObject({ ok: false, code: 'duplicate', existing: 'a0' })
  })

  it('403 not your child is a refusal; a 403 without our code ends the session', async () => {
    const mine = await startCms((_req, res) =>
      json(
        res,
        403,
        refusal('U kunt alleen uw eigen kinderen afmelden.', { code: 'not-your-child' }),
      ),
    )
    expect(
      await createCmsClient({ baseUrl: mine.baseUrl }).createAbsence(token, sick),
    ).toMatchObject({ ok: false, code: 'not-your-child' })
    const payloadForbidden = await startCms((_req, res) =>
      json(res, 403, { errors: [{ message: 'U heeft geen toegang.' }] }),
    )
    await expect(
      createCmsClient({ baseUrl: payloadForbidden.baseUrl }).createAbsence(token, sick),
    ).rejects.toBeInstanceOf(CmsUnauthorizedError)
  })

  it('400: Payload’s messages per field; a refusal without a code keeps its message', async () => {
    const invalid = await startCms((_req, res) =>
      json(res, 400, {
        errors: [
          {
            name: 'ValidationError',
            message: 'Het volgende veld is ongeldig: Toelichting',
            data: { errors: [{ path: 'note', message: 'Hoogstens 500 tekens.' }] },
          },
        ],
      }),
    )
    expect(await createCmsClient({ baseUrl: invalid.baseUrl }).createAbsence(token, sick)).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Het volgende veld is ongeldig: Toelichting',
      phone: null,
      existing: null,
      fields: { note: 'Hoogstens 500 tekens.' },
    })
    const plain = await startCms((_req, res) =>
      json(res, 400, refusal('Kies voor welk kind u de melding doet.')),
    )
    expect(
      await createCmsClient({ baseUrl: plain.baseUrl }).createAbsence(token, sick),
    ).toMatchObject({ code: 'invalid-input', message: 'Kies voor welk kind u de melding doet.' })
  })

  it('429: rate-limited with Retry-After', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 429, refusal('Te veel.', { code: 'rate-limited' }), { 'Retry-After': '60' }),
    )
    expect(await createCmsClient({ baseUrl: cms.baseUrl }).createAbsence(token, sick)).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 60,
    })
  })

  it('anything else is not trusted: a refusal without a message, a 404, a 500, a broken doc', async () => {
    const answers: [number, unknown, string][] = [
      [422, { message: 'x' }, 'CmsUnavailableError'],
      [404, { errors: [{ message: 'Niet gevonden.' }] }, 'CmsRequestError'],
      [500, { errors: [{ message: 'x' }] }, 'CmsUnavailableError'],
      [201, { doc: rawAbsence({ kind: 'vakantie' }) }, 'CmsUnavailableError'],
    ]
    for (const [status, body, name] of answers) {
      const cms = await startCms((_req, res) => json(res, status, body))
      const error = await createCmsClient({ baseUrl: cms.baseUrl })
        .createAbsence(token, sick)
        .catch((e: unknown) => e)
      expect(error, `${status}`).toMatchObject({ name })
      expect(error instanceof CmsUnavailableError || error instanceof CmsRequestError).toBe(true)
    }
  })
})

describe('cancelAbsence', () => {
  it('200: PATCHes only the status with the JWT, the id as one path segment', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { doc: rawAbsence({ status: 'cancelled' }), message: 'Bijgewerkt.' }),
    )
    expect(
      await createCmsClient({ baseUrl: cms.baseUrl }).cancelAbsence(token, 'a/1'),
    ).toMatchObject({ ok: true, absence: { status: 'cancelled' } })
    const [seen] = cms.requests
    expect(seen?.method).toBe('PATCH')
    expect(seen?.url).toBe('/api/absences/a%2F1?depth=0')
    expect(JSON.parse(seen?.body ?? '')).toEqual({ status: 'cancelled' })
  })

  it('409 too late, with the CMS’s Dutch message; 404 is a report the parent cannot see', async () => {
    const late = await startCms((_req, res) =>
      json(
        res,
        409,
        refusal('Intrekken kan tot de ochtendgrens van die dag.', { code: 'too-late-to-cancel' }),
      ),
    )
    expect(
      await createCmsClient({ baseUrl: late.baseUrl }).cancelAbsence(token, 'a1'),
    ).toMatchObject({
      ok: false,
      code: 'too-late-to-cancel',
      message: 'Intrekken kan tot de ochtendgrens van die dag.',
    })
    const gone = await startCms((_req, res) => json(res, 404, { errors: [{ message: 'x' }] }))
    expect(
      await createCmsClient({ baseUrl: gone.baseUrl }).cancelAbsence(token, 'a1'),
    ).toMatchObject({ ok: false, code: 'not-found' })
  })
})

describe('leave requests', () => {
  it('lists every page and keeps the requests that end from `since` on', async () => {
    const cms = await startCms((req, res) => {
      const page = new URL(req.url ?? '/', 'http://x').searchParams.get('page')
      json(res, 200, {
        docs:
          page === '1'
            ? [rawLeave({ id: 'l2' }), rawLeave({ id: 'l1', from: '2026-06-01', to: '2026-06-03' })]
            : [rawLeave({ id: 'l0', from: '2026-07-30', to: '2026-08-04' })],
        hasNextPage: page === '1',
      })
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(
      (await client.listLeaveRequests(token, { since: '2026-08-01' })).map((l) => l.id),
    ).toEqual(['l2', 'l0'])
    expect(cms.requests.map((r) => r.url)).toEqual([
      '/api/leave-requests?depth=0&limit=100&page=1',
      '/api/leave-requests?depth=0&limit=100&page=2',
    ])
  })

  it('creates: 201 the request (late marked by the CMS), 422 the rule’s refusal', async () => {
    const request = {
      pupil: 'pupil-1',
      from: '2027-03-01',
      to: '2027-03-05',
      reason: 'familie',
      note: 'Bruiloft.',
    } as const
    const ok = await startCms((_req, res) => json(res, 201, { doc: rawLeave({ late: true }) }))
    expect(
      await createCmsClient({ baseUrl: ok.baseUrl }).createLeaveRequest(token, request),
    ).toMatchObject({ ok: true, leaveRequest: { id: 'l1', late: true } })
    expect(JSON.parse(ok.requests[0]?.body ?? '')).toEqual(request)
    expect(ok.requests[0]?.url).toBe('/api/leave-requests?depth=0')
    const refused = await startCms((_req, res) =>
      json(
        res,
        422,
        refusal('De laatste dag ligt vóór de eerste dag.', { code: 'end-before-start' }),
      ),
    )
    expect(
      await createCmsClient({ baseUrl: refused.baseUrl }).createLeaveRequest(token, request),
    ).toMatchObject({ ok: false, code: 'end-before-start' })
  })

  it('withdraws: PATCH to withdrawn; 409 when already decided', async () => {
    const ok = await startCms((_req, res) =>
      json(res, 200, { doc: rawLeave({ status: 'withdrawn' }) }),
    )
    expect(
      await createCmsClient({ baseUrl: ok.baseUrl }).withdrawLeaveRequest(token, 'l1'),
    ).toMatchObject({ ok: true, leaveRequest: { status: 'withdrawn' } })
    expect(ok.requests[0]?.method).toBe('PATCH')
    expect(ok.requests[0]?.url).toBe('/api/leave-requests/l1?depth=0')
    expect(JSON.parse(ok.requests[0]?.body ?? '')).toEqual({ status: 'withdrawn' })
    const decided = await startCms((_req, res) =>
      json(res, 409, refusal('Over deze aanvraag is al besloten.', { code: 'already-decided' })),
    )
    expect(
      await createCmsClient({ baseUrl: decided.baseUrl }).withdrawLeaveRequest(token, 'l1'),
    ).toMatchObject({ ok: false, code: 'already-decided' })
  })
})
