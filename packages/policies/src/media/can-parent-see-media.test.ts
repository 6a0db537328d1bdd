import { describe, expect, it } from 'vitest'

import { canParentSeeMedia } from './can-parent-see-media'
import type { MediaVisibilityFacts } from './can-parent-see-media'
import type { PostVisibilityFacts } from './can-parent-see-post'

const now = new Date('2026-11-28T10:00:00Z')
const groupPost: PostVisibilityFacts = {
  status: 'published',
  audience: 'groups',
  groupIds: ['group-5'],
  hidden: false,
}
const schoolPost: PostVisibilityFacts = { ...groupPost, audience: 'school', groupIds: [] }
const classPhoto: MediaVisibilityFacts = {
  hidden: false,
  taggedPupilIds: ['anna', 'bram', 'cem'],
  noRecognisablePupils: false,
}

function see(overrides: Partial<Parameters<typeof canParentSeeMedia>[0]> = {}): boolean {
  return canParentSeeMedia({
    media: classPhoto,
    posts: [groupPost],
    parentGroupIds: ['group-5'],
    refusedPupilIds: [],
    minPupilsPerPhoto: 2,
    now,
    ...overrides,
  })
}

describe('canParentSeeMedia', () => {
  it('shows a tagged group photo in a visible post to a parent of the group', () => {
    expect(see()).toBe(true)
  })

  it('hides it from parents of other groups and from parents without children', () => {
    expect(see({ parentGroupIds: ['group-3'] })).toBe(false)
    expect(see({ parentGroupIds: [] })).toBe(false)
    expect(see({ posts: [schoolPost], parentGroupIds: [] })).toBe(false)
  })

  it('shows media in a school-wide post to every parent with children', () => {
    expect(see({ posts: [schoolPost], parentGroupIds: ['group-3'] })).toBe(true)
  })

  it('is visible through any one visible post, and through no post at all never', () => {
    const draft = { ...schoolPost, status: 'draft' as const }
    expect(see({ posts: [draft, groupPost] })).toBe(true)
    expect(see({ posts: [draft] })).toBe(false)
    expect(see({ posts: [] })).toBe(false)
  })

  it('follows the post: hidden, future-scheduled or past-scheduled', () => {
    expect(see({ posts: [{ ...groupPost, hidden: true }] })).toBe(false)
    const scheduled = { ...groupPost, status: 'scheduled' as const }
    expect(see({ posts: [{ ...scheduled, publishAt: '2026-11-29T07:00:00Z' }] })).toBe(false)
    expect(see({ posts: [{ ...scheduled, publishAt: '2026-11-27T07:00:00Z' }] })).toBe(true)
  })

  it('hides an item hidden by staff', () => {
    expect(see({ media: { ...classPhoto, hidden: true } })).toBe(false)
  })

  it('hides every image tagging a refused pupil, for every parent', () => {
    expect(see({ refusedPupilIds: ['bram'] })).toBe(false)
    expect(see({ refusedPupilIds: ['bram'], posts: [schoolPost] })).toBe(false)
    expect(see({ refusedPupilIds: ['someone-else'] })).toBe(true)
  })

  it('never shows portraits, untagged or contradictory items', () => {
    expect(see({ media: { ...classPhoto, taggedPupilIds: ['anna'] } })).toBe(false)
    expect(see({ media: { ...classPhoto, taggedPupilIds: ['anna', 'anna'] } })).toBe(false)
    expect(see({ media: { ...classPhoto, taggedPupilIds: ['anna', 'bram'] } })).toBe(true)
    expect(see({ minPupilsPerPhoto: 4 })).toBe(false)
    expect(see({ media: { ...classPhoto, taggedPupilIds: [] } })).toBe(false)
    expect(see({ media: { ...classPhoto, noRecognisablePupils: true } })).toBe(false)
    expect(see({ media: { ...classPhoto, taggedPupilIds: [], noRecognisablePupils: true } })).toBe(
      true,
    )
  })

  describe('attached to a conversation message (S6)', () => {
    const delivered = { status: 'delivered' as const, parentTakesPart: true }

    it('shows it to a parent who takes part, without any post', () => {
      expect(see({ posts: [], messages: [delivered], parentGroupIds: [] })).toBe(true)
    })

    it('shows nothing through a message the parent is not in, or one held or hidden', () => {
      expect(see({ posts: [], messages: [{ ...delivered, parentTakesPart: false }] })).toBe(false)
      expect(see({ posts: [], messages: [{ ...delivered, status: 'hidden' }] })).toBe(false)
      expect(see({ posts: [], messages: [{ ...delivered, status: 'held' }] })).toBe(false)
      expect(see({ posts: [], messages: [{ ...delivered, status: 'hidden' }, delivered] })).toBe(
        true,
      )
    })

    it('keeps every image rule: hidden items, refused pupils and portraits stay out', () => {
      const only = { posts: [], messages: [delivered] }
      expect(see({ ...only, media: { ...classPhoto, hidden: true } })).toBe(false)
      expect(see({ ...only, refusedPupilIds: ['cem'] })).toBe(false)
      expect(see({ ...only, media: { ...classPhoto, taggedPupilIds: ['anna'] } })).toBe(false)
    })

    it('never hides what a post already shows', () => {
      expect(see({ messages: [{ ...delivered, parentTakesPart: false }] })).toBe(true)
    })
  })
})
