import { describe, expect, it, vi } from 'vitest'

import { CmsUnavailableError } from '../../lib/cms/cms-client'
import { describeMediaExport, exportResponse } from './data-export'

const session = { token: 'tok', exp: 2_000_000_000, parentId: 'p1', parentName: 'Eva' }
const answering = (status: number, body: string | null, headers: Record<string, string> = {}) => ({
  openExport: vi.fn(async () => ({
    status,
    headers: new Headers(headers),
    body: body === null ? null : new Response(body).body,
  })),
})

describe('exportResponse', () => {
  it('passes the CMS’s stream on as a download named after the day', async () => {
    const cms = answering(200, '{"export":{"version":1}}')
    const res = await exportResponse({ session, cms, today: '2026-12-07' })
    expect(res).toBeInstanceOf(Response)
    const response = res as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="schoolpost-gegevens-2026-12-07.json"',
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.text()).toBe('{"export":{"version":1}}')
    expect(cms.openExport).toHaveBeenCalledWith('tok', undefined)
  })

  it('ends an ended session, says when to try again, and reports an unreachable CMS', async () => {
    expect(await exportResponse({ session, cms: answering(401, ''), today: 'x' })).toBe(
      'signed-out',
    )
    const limited = (await exportResponse({
      session,
      cms: answering(429, '', { 'retry-after': '1200' }),
      today: 'x',
    })) as Response
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1200'])
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = (await exportResponse({
      session,
      cms: {
        openExport: vi.fn(async () => Promise.reject(new CmsUnavailableError('network', 'x'))),
      },
      today: 'x',
    })) as Response
    const broken = (await exportResponse({
      session,
      cms: answering(500, 'oops'),
      today: 'x',
    })) as Response
    spy.mockRestore()
    expect([down.status, broken.status]).toEqual([503, 503])
    expect(await broken.text()).not.toContain('oops')
  })
})

describe('the photos and videos zip', () => {
  it('passes the zip on with its length, so the browser shows progress', async () => {
    const cms = {
      openMediaExport: vi.fn(async () => ({
        status: 200,
        headers: new Headers({ 'content-length': '5' }),
        body: new Response('PK...').body,
      })),
    }
    const res = (await exportResponse({
      session,
      cms,
      today: '2026-12-07',
      kind: 'zip',
    })) as Response
    expect([
      res.status,
      res.headers.get('content-type'),
      res.headers.get('content-length'),
      res.headers.get('content-disposition'),
    ]).toEqual([
      200,
      'application/zip',
      '5',
      'attachment; filename="schoolpost-fotos-2026-12-07.zip"',
    ])
    expect(await res.text()).toBe('PK...')
    expect(cms.openMediaExport).toHaveBeenCalledWith('tok', undefined)
  })

  it('says how many files and about how large, in Dutch', () => {
    expect(describeMediaExport({ files: 0, bytes: 0 })).toBe(
      'Er zijn nu geen foto’s of video’s die je kunt downloaden.',
    )
    expect(describeMediaExport({ files: 1, bytes: 200_000 })).toBe(
      '1 foto of video, samen ongeveer 1 MB.',
    )
    expect(describeMediaExport({ files: 1234, bytes: 2_345_000_000 })).toBe(
      '1.234 foto’s en video’s, samen ongeveer 2,3 GB.',
    )
    expect(describeMediaExport({ files: 12, bytes: 45_600_000 })).toBe(
      '12 foto’s en video’s, samen ongeveer 46 MB.',
    )
  })
})
