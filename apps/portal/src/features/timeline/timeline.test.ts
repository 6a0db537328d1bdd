import { describe, expect, it } from 'vitest'

import { rawPost, toPortalPost } from '../../test/posts'
import type { PostPage } from '@schoolpost/contracts'
import type { ChildSummary } from '../home/load-home'
import { groupFilters, parseTimelineQuery, timelineHref, timelineView } from './timeline'

const children: ChildSummary[] = [
  { id: 'k1', name: 'Noor Yilmaz', firstName: 'Noor', groupId: 'g3', groupName: 'Groep 3' },
  { id: 'k2', name: 'Emir Yilmaz', firstName: 'Emir', groupId: 'g7', groupName: 'Groep 7' },
  { id: 'k3', name: 'Sara Yilmaz', firstName: 'Sara', groupId: 'g3', groupName: 'Groep 3' },
]
const url = (path: string) => new URL(path, 'http://localhost:4321')
const post = toPortalPost(rawPost())!
const page = (over: Partial<PostPage> = {}): PostPage => ({
  posts: [post],
  totalDocs: 1,
  page: 1,
  totalPages: 1,
  hasNextPage: false,
  hasPrevPage: false,
  ...over,
})

describe('parseTimelineQuery', () => {
  it.each([
    ['/', { groupId: null, page: 1 }],
    ['/?groep=g3&pagina=2', { groupId: 'g3', page: 2 }],
    ['/?pagina=0', { groupId: null, page: 1 }],
    ['/?pagina=-3', { groupId: null, page: 1 }],
    ['/?pagina=2.5', { groupId: null, page: 1 }],
    ['/?pagina=99999', { groupId: null, page: 1 }],
    ['/?pagina=5000', { groupId: null, page: 1000 }],
    ['/?groep=../x', { groupId: null, page: 1 }],
    ['/?groep=', { groupId: null, page: 1 }],
  ])('%s', (path, query) => {
    expect(parseTimelineQuery(url(path))).toEqual(query)
  })
})

describe('timelineHref', () => {
  it('leaves out the defaults', () => {
    expect(timelineHref({ groupId: null, page: 1 })).toBe('/')
    expect(timelineHref({ groupId: 'g3', page: 1 })).toBe('/?groep=g3')
    expect(timelineHref({ groupId: 'g3', page: 3 })).toBe('/?groep=g3&pagina=3')
    expect(timelineHref({ groupId: null, page: 2 })).toBe('/?pagina=2')
  })
})

describe('groupFilters', () => {
  it('"Alles" and one filter per group of the children, naming them', () => {
    expect(groupFilters(children, 'g7')).toEqual([
      { label: 'Alles', href: '/', current: false },
      { label: 'Groep 3 (Noor en Sara)', href: '/?groep=g3', current: false },
      { label: 'Groep 7 (Emir)', href: '/?groep=g7', current: true },
    ])
    expect(groupFilters([], null)).toEqual([{ label: 'Alles', href: '/', current: true }])
  })
})

describe('timelineView', () => {
  it('links to older and newer pages, keeping the filter', () => {
    const view = timelineView(
      page({ page: 2, totalPages: 3, hasNextPage: true, hasPrevPage: true }),
      { groupId: 'g3', page: 2 },
      children,
    )
    expect(view.olderHref).toBe('/?groep=g3&pagina=3')
    expect(view.newerHref).toBe('/?groep=g3')
    expect(view.pageLabel).toBe('Pagina 2 van 3')
    expect(view.posts.map((p) => p.href)).toEqual(['/berichten/post-1'])
    expect(view.empty).toBeNull()
  })

  it('one page: no page links', () => {
    const view = timelineView(page(), { groupId: null, page: 1 }, children)
    expect([view.olderHref, view.newerHref, view.pageLabel]).toEqual([null, null, null])
  })

  it('no posts yet, or a page past the end', () => {
    expect(
      timelineView(page({ posts: [], totalPages: 0 }), { groupId: null, page: 1 }, children).empty,
    ).toEqual({
      message: 'Er zijn nog geen berichten.',
      firstPageHref: null,
    })
    expect(
      timelineView(page({ posts: [], totalPages: 0 }), { groupId: 'g3', page: 1 }, children).empty
        ?.message,
    ).toBe('Er zijn nog geen berichten voor deze groep.')
    const past = timelineView(
      page({ posts: [], page: 9, totalPages: 2, hasPrevPage: true }),
      { groupId: null, page: 9 },
      children,
    )
    expect(past.empty).toEqual({
      message: 'Op deze pagina staan geen berichten.',
      firstPageHref: '/',
    })
    expect(past.newerHref).toBe('/?pagina=2')
    expect(past.pageLabel).toBeNull()
  })
})
