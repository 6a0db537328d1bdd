import { describe, expect, it, vi } from 'vitest'

import { rawPost, toPortalPost } from '../../test/posts'
import type { PortalSession } from '../auth/session'
import {
  CmsRequestError,
  CmsUnauthorizedError,
  CmsUnavailableError,
} from '../../lib/cms/cms-client'
import { loadPost, postPath } from './load-post'

const session: PortalSession = { token: 't', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const school = { name: 'De Regenboog', phone: '071 123 45 67', absenceCutoff: '08:15' }
const post = toPortalPost(rawPost())!

const cms = (getContract: () => Promise<unknown>) => ({ getContract: vi.fn(getContract) }) as never
const calls = (client: unknown) => (client as { getContract: ReturnType<typeof vi.fn> }).getContract

describe('loadPost', () => {
  it('one call: the post and the school’s phone', async () => {
    const client = cms(async () => ({ school, post }))
    const result = await loadPost(session, client, 'post-1')
    expect(result).toMatchObject({
      kind: 'ok',
      post: { id: 'post-1' },
      school: { phone: '071 123 45 67', phoneHref: 'tel:0711234567' },
    })
    expect(calls(client)).toHaveBeenCalledOnce()
    expect(calls(client)).toHaveBeenCalledWith(
      '/api/parents/post?id=post-1',
      't',
      expect.anything(),
    )
  })

  it('not found when the CMS says 404, and for an id that cannot be one (without asking)', async () => {
    const missing = cms(async () => {
      throw new CmsRequestError(404, postPath('post-9'))
    })
    expect(await loadPost(session, missing, 'post-9')).toEqual({ kind: 'not-found' })
    const client = cms(async () => ({ school, post }))
    for (const id of [undefined, '', '../etc', 'a'.repeat(65), 'x y']) {
      expect(await loadPost(session, client, id)).toEqual({ kind: 'not-found' })
    }
    expect(calls(client)).not.toHaveBeenCalled()
  })

  it('signed out when the CMS refuses the token', async () => {
    const refused = cms(async () => {
      throw new CmsUnauthorizedError(401, postPath('post-1'))
    })
    expect(await loadPost(session, refused, 'post-1')).toEqual({ kind: 'signed-out' })
  })

  it('unavailable when the CMS cannot be reached or answers outside the contract', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const error of [
      new CmsUnavailableError('network', 'down'),
      new CmsUnavailableError('invalid-response', 'not the contract'),
      new CmsRequestError(400, postPath('post-1')),
    ]) {
      const failing = cms(async () => {
        throw error
      })
      expect(await loadPost(session, failing, 'post-1')).toEqual({ kind: 'unavailable' })
    }
    spy.mockRestore()
  })
})
