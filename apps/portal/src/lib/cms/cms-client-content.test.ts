import { portalHomeAnswer } from '@schoolpost/contracts'
import { exampleHomeAnswer } from '@schoolpost/contracts/testing'
import { afterEach, describe, expect, it } from 'vitest'

import { closeAllCms, json, startCms } from '../../test/cms-stub'
import { rawPost, toPortalPost } from '../../test/posts'
import { CmsUnauthorizedError, CmsUnavailableError, createCmsClient } from './cms-client'

afterEach(closeAllCms)

const token = 'parent.jwt.token'

const homeAnswer = exampleHomeAnswer

describe('getContract', () => {
  it('asks with the JWT and no cookie, and returns the answer as the contract parsed it', async () => {
    const cms = await startCms((_req, res) => json(res, 200, { ...homeAnswer(), extra: 'dropped' }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    const result = await client.getContract('/api/parents/home?pagina=2', token, portalHomeAnswer)
    expect(result).toEqual(homeAnswer())
    const [seen] = cms.requests
    expect(seen?.method).toBe('GET')
    expect(seen?.url).toBe('/api/parents/home?pagina=2')
    expect(seen?.headers.authorization).toBe(`JWT ${token}`)
    expect(seen?.headers.cookie).toBeUndefined()
  })

  it('an answer outside the contract is not trusted (a path as a file name, a missing field)', async () => {
    const badFile = homeAnswer({
      posts: {
        ...homeAnswer().posts,
        posts: [
          {
            ...toPortalPost(rawPost())!,
            gallery: [
              {
                kind: 'image',
                id: 'm1',
                alt: null,
                sizes: {
                  thumbnail: { filename: '../etc/passwd', width: 4, height: 3, mimeType: null },
                },
              },
            ],
          },
        ],
      },
    })
    for (const body of [badFile, { ...homeAnswer(), school: undefined }]) {
      const cms = await startCms((_req, res) => json(res, 200, body))
      const client = createCmsClient({ baseUrl: cms.baseUrl })
      await expect(
        client.getContract('/api/parents/home', token, portalHomeAnswer),
      ).rejects.toMatchObject({
        reason: 'invalid-response',
      })
    }
  })

  it('403 means the token is no longer accepted; a 500 is an outage', async () => {
    let status = 403
    const cms = await startCms((_req, res) => json(res, status, { errors: [] }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    const call = () => client.getContract('/api/parents/home', token, portalHomeAnswer)
    await expect(call()).rejects.toBeInstanceOf(CmsUnauthorizedError)
    status = 500
    await expect(call()).rejects.toBeInstanceOf(CmsUnavailableError)
  })
})

describe('image consents', () => {
  it('lists the parent’s own choices (populated or not)', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, {
        docs: [
          {
            id: 'c1',
            pupil: 'k1',
            guardian: 'p1',
            allowed: false,
            updatedAt: '2026-11-01T10:00:00Z',
          },
          { id: 'c2', pupil: { id: 'k2' }, guardian: { id: 'p1' }, allowed: true },
          { id: 'c3', pupil: 'k3' },
        ],
      }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.listImageConsents(token)).toEqual([
      { id: 'c1', pupil: 'k1', guardian: 'p1', allowed: false, updatedAt: '2026-11-01T10:00:00Z' },
      { id: 'c2', pupil: 'k2', guardian: 'p1', allowed: true, updatedAt: null },
    ])
    expect(cms.requests[0]?.url).toBe('/api/image-consents?depth=0&limit=100')
  })

  it('set 200: posts the choice and returns the child’s resulting status', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { ok: true, pupil: 'k1', allowed: true, effective: 'refused' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.setImageConsent(token, { pupil: 'k1', allowed: true })).toEqual({
      ok: true,
      pupil: 'k1',
      allowed: true,
      effective: 'refused',
    })
    const [seen] = cms.requests
    expect(`${seen?.method} ${seen?.url}`).toBe('POST /api/image-consents/set')
    expect(seen?.headers.authorization).toBe(`JWT ${token}`)
    expect(seen?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(seen?.body ?? '')).toEqual({ pupil: 'k1', allowed: true })
  })

  it('set 403: not their child; 400: invalid input; 401: signed out', async () => {
    let status = 403
    const cms = await startCms((_req, res) => json(res, status, { message: 'Nee.' }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.setImageConsent(token, { pupil: 'k9', allowed: false })).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'Nee.',
    })
    status = 400
    expect(await client.setImageConsent(token, { pupil: 'k9', allowed: false })).toMatchObject({
      ok: false,
      code: 'invalid-input',
    })
    status = 401
    await expect(
      client.setImageConsent(token, { pupil: 'k9', allowed: false }),
    ).rejects.toBeInstanceOf(CmsUnauthorizedError)
  })

  it('set 200 without a valid effective status is not trusted', async () => {
    const cms = await startCms((_req, res) => json(res, 200, { ok: true, allowed: true }))
    await expect(
      createCmsClient({ baseUrl: cms.baseUrl }).setImageConsent(token, {
        pupil: 'k1',
        allowed: true,
      }),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'invalid-response' })
  })
})

describe('reports', () => {
  const report = { post: 'post-1', category: 'privacy' as const, text: 'Mijn kind staat erop.' }

  it('create 201: posts the report as JSON (media only when given)', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 201, { doc: { id: 'r1', status: 'open' }, message: 'Created' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.createReport(token, report)).toEqual({ ok: true, id: 'r1' })
    expect(await client.createReport(token, { ...report, media: 'm2' })).toEqual({
      ok: true,
      id: 'r1',
    })
    const [first, second] = cms.requests
    expect(`${first?.method} ${first?.url}`).toBe('POST /api/reports?depth=0')
    expect(first?.headers.authorization).toBe(`JWT ${token}`)
    expect(JSON.parse(first?.body ?? '')).toEqual(report)
    expect(JSON.parse(second?.body ?? '')).toEqual({ ...report, media: 'm2' })
  })

  it('create 400: Payload’s validation messages per field', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 400, {
        errors: [
          {
            name: 'ValidationError',
            message: 'Het volgende veld is ongeldig: text',
            data: { errors: [{ path: 'text', message: 'Hoogstens 2000 tekens.' }] },
          },
        ],
      }),
    )
    expect(await createCmsClient({ baseUrl: cms.baseUrl }).createReport(token, report)).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Het volgende veld is ongeldig: text',
      fields: { text: 'Hoogstens 2000 tekens.' },
    })
  })

  it('create 403: forbidden; 401: signed out; 429: rate-limited', async () => {
    let status = 403
    const cms = await startCms((_req, res) =>
      json(res, status, { errors: [{ message: 'Forbidden' }] }, { 'Retry-After': '120' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.createReport(token, report)).toMatchObject({ ok: false, code: 'forbidden' })
    status = 429
    expect(await client.createReport(token, report)).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 120,
    })
    status = 401
    await expect(client.createReport(token, report)).rejects.toBeInstanceOf(CmsUnauthorizedError)
  })

  it('lists the parent’s own reports', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, {
        docs: [
          {
            id: 'r1',
            post: 'post-1',
            media: 'm2',
            category: 'privacy',
            status: 'in-behandeling',
            createdAt: '2026-11-28T10:00:00Z',
          },
          {
            id: 'r2',
            post: { id: 'post-2', title: 'Kerst' },
            media: null,
            category: '?',
            status: '?',
          },
          // A message in a conversation (issue #14): no post.
          {
            id: 'r3',
            post: null,
            message: 'msg-1',
            category: 'inappropriate',
            status: 'open',
            createdAt: '2026-12-07T09:00:00Z',
          },
        ],
      }),
    )
    expect(await createCmsClient({ baseUrl: cms.baseUrl }).listReports(token)).toEqual([
      {
        id: 'r1',
        post: 'post-1',
        postTitle: null,
        media: 'm2',
        message: null,
        category: 'privacy',
        status: 'in-behandeling',
        createdAt: '2026-11-28T10:00:00Z',
      },
      {
        id: 'r2',
        post: 'post-2',
        postTitle: 'Kerst',
        media: null,
        message: null,
        category: 'other',
        status: 'open',
        createdAt: null,
      },
      {
        id: 'r3',
        post: null,
        postTitle: null,
        media: null,
        message: 'msg-1',
        category: 'inappropriate',
        status: 'open',
        createdAt: '2026-12-07T09:00:00Z',
      },
    ])
    const url = new URL(cms.requests[0]?.url ?? '', cms.baseUrl)
    expect(url.pathname).toBe('/api/reports')
    expect(url.searchParams.get('depth')).toBe('0')
  })
})
