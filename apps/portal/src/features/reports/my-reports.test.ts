import { describe, expect, it, vi } from 'vitest'

import type { PortalSession } from '../auth/session'
import type { ParentReport } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { loadMyReports, myReportView } from './my-reports'

const session: PortalSession = { token: 't', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const report: ParentReport = {
  id: 'r1',
  post: 'post-1',
  postTitle: null,
  media: null,
  message: null,
  category: 'incorrect',
  status: 'in-behandeling',
  createdAt: '2026-11-28T23:15:00Z',
}

describe('myReportView', () => {
  it('date (Amsterdam), reason, status and a link to the post', () => {
    expect(myReportView(report)).toEqual({
      id: 'r1',
      dateTime: '2026-11-28T23:15:00Z',
      dateLabel: '29 november 2026',
      categoryLabel: 'Niet juist',
      status: 'in-behandeling',
      statusLabel: 'In behandeling',
      about: 'Het bericht',
      postHref: '/berichten/post-1',
    })
  })

  it.each([
    ['open', 'Open'],
    ['in-behandeling', 'In behandeling'],
    ['afgehandeld', 'Afgehandeld'],
  ] as const)('status %s → %s', (status, label) => {
    expect(myReportView({ ...report, status }).statusLabel).toBe(label)
  })

  it('an item of a post, with the title when known', () => {
    expect(myReportView({ ...report, media: 'm2', postTitle: 'Kerst' }).about).toBe(
      'Foto of video bij het bericht „Kerst”',
    )
  })

  it('a message in a conversation, without a post to link to', () => {
    expect(myReportView({ ...report, post: null, message: 'msg-1' })).toMatchObject({
      about: 'Een bericht in een gesprek',
      postHref: null,
    })
  })
})

describe('loadMyReports', () => {
  it('lists, or says signed out', async () => {
    expect(
      await loadMyReports(session, { listReports: vi.fn(async () => [report]) }),
    ).toMatchObject({
      kind: 'ok',
      reports: [{ id: 'r1' }],
    })
    const refused = vi.fn(async (): Promise<ParentReport[]> => {
      throw new CmsUnauthorizedError(401, '/api/reports')
    })
    expect(await loadMyReports(session, { listReports: refused })).toEqual({ kind: 'signed-out' })
  })
})
