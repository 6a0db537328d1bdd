import { describe, expect, it, vi } from 'vitest'

import { rawPost } from '../../test/posts'
import type { PortalSession } from '../auth/session'
import type { SchoolSetting } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import { parsePost } from '../../lib/cms/content'
import { loadPost } from './load-post'

const session: PortalSession = { token: 't', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const settings = { schoolName: 'De Regenboog', phone: '071 123 45 67' } as SchoolSetting
const post = parsePost(rawPost())

const cms = (getPost: () => Promise<unknown>, getSchoolSettings = async () => settings) =>
  ({ getPost: vi.fn(getPost), getSchoolSettings: vi.fn(getSchoolSettings) }) as never

describe('loadPost', () => {
  it('the post and the school’s phone', async () => {
    const result = await loadPost(
      session,
      cms(async () => post),
      'post-1',
    )
    expect(result).toMatchObject({
      kind: 'ok',
      post: { id: 'post-1' },
      school: { phone: '071 123 45 67', phoneHref: 'tel:0711234567' },
    })
  })

  it('not found when the CMS says so, and for an id that cannot be one (without asking)', async () => {
    expect(
      await loadPost(
        session,
        cms(async () => null),
        'post-9',
      ),
    ).toEqual({ kind: 'not-found' })
    const client = cms(async () => post)
    for (const id of [undefined, '', '../etc', 'a'.repeat(65), 'x y']) {
      expect(await loadPost(session, client, id)).toEqual({ kind: 'not-found' })
    }
    expect((client as { getPost: ReturnType<typeof vi.fn> }).getPost).not.toHaveBeenCalled()
  })

  it('signed out when a call refuses the token', async () => {
    const refused = async () => {
      throw new CmsUnauthorizedError(403, '/api/globals/school-settings')
    }
    expect(
      await loadPost(
        session,
        cms(async () => post, refused),
        'post-1',
      ),
    ).toEqual({
      kind: 'signed-out',
    })
  })

  it('unavailable when the CMS cannot be reached', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = async () => {
      throw new CmsUnavailableError('network', 'down')
    }
    expect(await loadPost(session, cms(down), 'post-1')).toEqual({ kind: 'unavailable' })
    spy.mockRestore()
  })
})
