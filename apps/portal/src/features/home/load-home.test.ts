import { describe, expect, it, vi } from 'vitest'

import type { PortalSession } from '../auth/session'
import type { Parent, Pupil, SchoolSetting } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import { loadHome, telHref } from './load-home'

const session: PortalSession = { token: 't', exp: 0, parentId: 'p1', parentName: 'Oude Naam' }
const parent = { id: 'p1', name: 'Fatima Yilmaz' } as Parent
const pupils = [
  { id: 'k1', firstName: 'Noor', lastName: 'Yilmaz', group: { id: 'g3', name: 'Groep 3' } },
  { id: 'k2', firstName: 'Emir', lastName: 'Yilmaz', fullName: 'Emir Yilmaz', group: 'g7' },
] as Pupil[]
const settings = {
  schoolName: 'Basisschool De Regenboog',
  phone: '071 123 45 67',
  absenceCutoff: '08:15',
} as SchoolSetting

const cms = (
  overrides: Partial<
    Record<'me' | 'listPupils' | 'getSchoolSettings', () => Promise<unknown>>
  > = {},
) =>
  ({
    me: vi.fn(overrides.me ?? (async () => ({ user: parent }))),
    listPupils: vi.fn(overrides.listPupils ?? (async () => pupils)),
    getSchoolSettings: vi.fn(overrides.getSchoolSettings ?? (async () => settings)),
  }) as never

describe('loadHome', () => {
  it('greets with the current name, lists the children and the school phone', async () => {
    expect(await loadHome(session, cms())).toEqual({
      kind: 'ok',
      data: {
        parentName: 'Fatima Yilmaz',
        children: [
          {
            id: 'k1',
            name: 'Noor Yilmaz',
            firstName: 'Noor',
            groupId: 'g3',
            groupName: 'Groep 3',
          },
          { id: 'k2', name: 'Emir Yilmaz', firstName: 'Emir', groupId: 'g7', groupName: null },
        ],
        school: {
          name: 'Basisschool De Regenboog',
          phone: '071 123 45 67',
          phoneHref: 'tel:0711234567',
          absenceCutoff: '08:15',
        },
      },
    })
  })

  it('signed out when me says the token is gone', async () => {
    expect(await loadHome(session, cms({ me: async () => ({ user: null }) }))).toEqual({
      kind: 'signed-out',
    })
  })

  it('signed out when a data call is refused', async () => {
    const refused = async () => {
      throw new CmsUnauthorizedError(403, '/api/pupils')
    }
    expect(await loadHome(session, cms({ listPupils: refused }))).toEqual({ kind: 'signed-out' })
  })

  it('signed out when the token belongs to another parent', async () => {
    const other = async () => ({ user: { id: 'p2', name: 'X' } })
    expect(await loadHome(session, cms({ me: other }))).toEqual({ kind: 'signed-out' })
  })

  it('unavailable when the CMS cannot be reached', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = async () => {
      throw new CmsUnavailableError('network', 'down')
    }
    expect(await loadHome(session, cms({ getSchoolSettings: down }))).toEqual({
      kind: 'unavailable',
    })
    spy.mockRestore()
  })
})

describe('telHref', () => {
  it.each([
    ['071 123 45 67', 'tel:0711234567'],
    ['+31 (0)71-123 45 67', 'tel:+310711234567'],
    ['+31 71 123 45 67', 'tel:+31711234567'],
  ])('%s → %s', (phone, href) => {
    expect(telHref(phone)).toBe(href)
  })
})
