import { describe, expect, it } from 'vitest'

import type { Media } from '../../../payload-types'
import { portalMediaOf } from './portal-posts'

/** How the database adapter gives a media document (Payload's shape: sizes with nulls). */
const size = (filename: string | null, width: unknown, height: unknown) =>
  ({ filename, width, height, mimeType: 'image/webp', filesize: 1000 }) as never
const empty = { filename: null, width: null, height: null } as never

const video = (over: Partial<Media> = {}) =>
  ({
    id: 'v1',
    alt: null,
    mimeType: 'video/mp4',
    filename: 'v1.mp4',
    width: 1920,
    height: 1080,
    sizes: { thumbnail: empty, feed: empty, full: empty },
    ...over,
  }) as Media

const image = (over: Partial<Media> = {}) =>
  ({
    id: 'm1',
    alt: '  Kinderen bij de olifanten ',
    mimeType: 'image/jpeg',
    filename: 'm1.jpg',
    width: 4000,
    height: 3000,
    sizes: {
      thumbnail: size('m1-400x300.webp', 400, 300),
      feed: size('m1-1080x810.webp', 1080, 810),
      full: size('m1-2048x1536.webp', 2048, 1536),
    },
    ...over,
  }) as Media

const feed = {
  filename: 'v1-poster-1080x608.webp',
  width: 1080,
  height: 608,
  mimeType: 'image/webp',
}

describe('portalMediaOf (what the portal pages get of a media item)', () => {
  it('a video: its own file and its poster stills as sizes', () => {
    const shown = portalMediaOf(
      video({
        sizes: {
          thumbnail: size('v1-poster-400x225.webp', 400, 225),
          feed: size('v1-poster-1080x608.webp', 1080, 608),
          full: size('v1-poster-1920x1080.webp', 1920, 1080),
        },
      }),
    )
    expect(shown).toEqual({
      kind: 'video',
      id: 'v1',
      alt: null,
      filename: 'v1.mp4',
      mimeType: 'video/mp4',
      width: 1920,
      height: 1080,
      poster: {
        thumbnail: { ...feed, filename: 'v1-poster-400x225.webp', width: 400, height: 225 },
        feed,
        full: { ...feed, filename: 'v1-poster-1920x1080.webp', width: 1920, height: 1080 },
      },
    })
  })

  it('a video without stills (Payload’s empty sizes, no sizes) has no poster', () => {
    for (const sizes of [undefined, null, { thumbnail: empty, feed: empty, full: empty }]) {
      expect(portalMediaOf(video({ sizes: sizes as never }))).toMatchObject({ poster: {} })
    }
  })

  it('drops stills without a usable file name or size, and keeps the valid ones', () => {
    for (const bad of [
      size('v1-poster-1080x608.webp', 1080, 0),
      size('v1-poster-1080x608.webp', '1080', 608),
      size('sub/v1-poster-1080x608.webp', 1080, 608),
      size('../v1-poster-1080x608.webp', 1080, 608),
      size('.v1-poster-1080x608.webp', 1080, 608),
      size('', 1080, 608),
    ]) {
      const shown = portalMediaOf(
        video({ sizes: { thumbnail: bad, feed: size(feed.filename, 1080, 608), full: empty } }),
      )
      expect(shown?.kind === 'video' && shown.poster).toEqual({ feed })
    }
  })

  it('an image: only its derived sizes, never the original; nothing to show is null', () => {
    const shown = portalMediaOf(image())
    expect(shown).toMatchObject({ kind: 'image', alt: 'Kinderen bij de olifanten' })
    expect(JSON.stringify(shown)).not.toContain('m1.jpg')
    expect(portalMediaOf(image({ sizes: {} as never }))).toBeNull()
    expect(portalMediaOf(image({ mimeType: 'application/pdf' }))).toBeNull()
    expect(portalMediaOf(video({ filename: '../v1.mp4' }))).toBeNull()
  })
})
