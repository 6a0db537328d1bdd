import { describe, expect, it } from 'vitest'

import { canParentSeePost } from './can-parent-see-post'
import type { PostVisibilityFacts } from './can-parent-see-post'

const now = new Date('2026-11-28T10:00:00Z')
const groupPost: PostVisibilityFacts = {
  status: 'published',
  audience: 'groups',
  groupIds: ['group-5'],
  hidden: false,
}
const schoolPost: PostVisibilityFacts = { ...groupPost, audience: 'school', groupIds: [] }

describe('canParentSeePost', () => {
  it('shows a published group post to parents of that group only', () => {
    expect(canParentSeePost({ post: groupPost, parentGroupIds: ['group-5'], now })).toBe(true)
    expect(canParentSeePost({ post: groupPost, parentGroupIds: ['group-3', 'group-5'], now })).toBe(
      true,
    )
    expect(canParentSeePost({ post: groupPost, parentGroupIds: ['group-3'], now })).toBe(false)
    expect(
      canParentSeePost({ post: { ...groupPost, groupIds: [] }, parentGroupIds: ['group-5'], now }),
    ).toBe(false)
  })

  it('shows a school-wide post to every parent with children, whatever its group list', () => {
    expect(canParentSeePost({ post: schoolPost, parentGroupIds: ['group-3'], now })).toBe(true)
    expect(
      canParentSeePost({
        post: { ...schoolPost, groupIds: ['group-1'] },
        parentGroupIds: ['group-3'],
        now,
      }),
    ).toBe(true)
  })

  it('shows nothing to a parent without children, not even school-wide news', () => {
    expect(canParentSeePost({ post: schoolPost, parentGroupIds: [], now })).toBe(false)
    expect(canParentSeePost({ post: groupPost, parentGroupIds: [], now })).toBe(false)
  })

  it('never shows a draft or a hidden post', () => {
    expect(
      canParentSeePost({ post: { ...schoolPost, status: 'draft' }, parentGroupIds: ['g'], now }),
    ).toBe(false)
    expect(
      canParentSeePost({ post: { ...schoolPost, hidden: true }, parentGroupIds: ['g'], now }),
    ).toBe(false)
    expect(
      canParentSeePost({ post: { ...groupPost, hidden: true }, parentGroupIds: ['group-5'], now }),
    ).toBe(false)
  })

  it('shows a scheduled post from its publishAt on, not before', () => {
    const scheduled = (publishAt: PostVisibilityFacts['publishAt']): PostVisibilityFacts => ({
      ...groupPost,
      status: 'scheduled',
      publishAt,
    })
    const see = (publishAt: PostVisibilityFacts['publishAt']) =>
      canParentSeePost({ post: scheduled(publishAt), parentGroupIds: ['group-5'], now })
    expect(see('2026-11-28T09:00:00Z')).toBe(true)
    expect(see(new Date('2026-11-27T10:00:00Z'))).toBe(true)
    expect(see(now)).toBe(true)
    expect(see('2026-11-28T10:00:00.001Z')).toBe(false)
    expect(see(new Date('2026-12-01T08:00:00Z'))).toBe(false)
    expect(see(null)).toBe(false)
    expect(see(undefined)).toBe(false)
    expect(see('not a date')).toBe(false)
  })

  it('ignores publishAt for a published post', () => {
    expect(
      canParentSeePost({
        post: { ...groupPost, publishAt: '2027-01-01T00:00:00Z' },
        parentGroupIds: ['group-5'],
        now,
      }),
    ).toBe(true)
  })
})
