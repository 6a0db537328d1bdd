import { exampleHomeAnswer } from '@schoolpost/contracts/testing'
import { describe, expect, it, vi } from 'vitest'

import type { PortalSession } from '../auth/session'
import {
  CmsRequestError,
  CmsUnauthorizedError,
  CmsUnavailableError,
} from '../../lib/cms/cms-client'
import { homePath, loadHome, telHref, volunteerCards } from './load-home'

const session: PortalSession = { token: 't', exp: 0, parentId: 'p1', parentName: 'Oude Naam' }
const url = (path: string) => new URL(path, 'http://localhost:4321')

const answer = exampleHomeAnswer

const cms = (result: () => Promise<unknown>) => ({ getContract: vi.fn(result) }) as never

describe('loadHome', () => {
  it('one call: greets with the current name, lists the children, the school phone and posts', async () => {
    const client = cms(async () => answer())
    const result = await loadHome(session, client, url('/'))
    expect((client as { getContract: ReturnType<typeof vi.fn> }).getContract).toHaveBeenCalledOnce()
    expect(result.kind).toBe('ok')
    if (result.kind !== 'ok') return
    expect(result.data.parentName).toBe('Fatima Yilmaz')
    expect(result.data.children.map((c) => c.firstName)).toEqual(['Noor', 'Emir'])
    expect(result.data.school).toEqual({
      name: 'Basisschool De Regenboog',
      phone: '071 123 45 67',
      phoneHref: 'tel:0711234567',
      absenceCutoff: '08:15',
    })
    expect(result.data.timeline.empty?.message).toBe('Er zijn nog geen berichten.')
    expect(result.data.timeline.filters.map((f) => f.label)).toEqual([
      'Alles',
      'Groep 3 (Noor)',
      'Groep 7 (Emir)',
    ])
  })

  it('asks the CMS for the page and group of the address, and shows the filter it applied', async () => {
    const client = cms(async () => answer({ groupId: 'g7' }))
    const result = await loadHome(session, client, url('/?groep=g7&pagina=2'))
    expect((client as { getContract: ReturnType<typeof vi.fn> }).getContract).toHaveBeenCalledWith(
      '/api/parents/home?pagina=2&groep=g7',
      't',
      expect.anything(),
    )
    expect(result.kind === 'ok' && result.data.timeline.filters.find((f) => f.current)?.label).toBe(
      'Groep 7 (Emir)',
    )
    // The CMS ignored a group that is not one of the children's: "Alles" is the current filter.
    const ignored = await loadHome(
      session,
      cms(async () => answer()),
      url('/?groep=g8'),
    )
    expect(ignored.kind === 'ok' && ignored.data.timeline.filters[0]?.current).toBe(true)
  })

  it('signed out when the token is refused or belongs to another parent', async () => {
    const refused = cms(async () => {
      throw new CmsUnauthorizedError(401, '/api/parents/home')
    })
    expect(await loadHome(session, refused, url('/'))).toEqual({ kind: 'signed-out' })
    const other = cms(async () => answer({ parent: { id: 'p2', name: 'X' } }))
    expect(await loadHome(session, other, url('/'))).toEqual({ kind: 'signed-out' })
  })

  it('unavailable when the CMS cannot be reached or answers outside the contract', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const error of [
      new CmsUnavailableError('network', 'down'),
      new CmsUnavailableError('invalid-response', 'not the contract'),
      new CmsRequestError(400, '/api/parents/home'),
    ]) {
      const failing = cms(async () => {
        throw error
      })
      expect(await loadHome(session, failing, url('/'))).toEqual({ kind: 'unavailable' })
    }
    spy.mockRestore()
  })
})

describe('homePath', () => {
  it('always names the page; the group only when filtered', () => {
    expect(homePath({ groupId: null, page: 1 })).toBe('/api/parents/home?pagina=1')
    expect(homePath({ groupId: 'g3', page: 4 })).toBe('/api/parents/home?pagina=4&groep=g3')
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

describe('volunteerCards', () => {
  it('names the audience and the first day, and links to the request on /hulpvragen', () => {
    expect(
      volunteerCards([
        {
          id: 'r1',
          title: 'Begeleiders gezocht: kinderboerderij',
          audienceLabel: 'Groep 5a',
          firstDate: '2026-12-23',
        },
      ]),
    ).toEqual([
      {
        title: 'Begeleiders gezocht: kinderboerderij',
        meta: 'Groep 5a · woensdag 23 december',
        href: '/hulpvragen#hulpvraag-r1',
      },
    ])
  })
})
