import { describe, expect, it } from 'vitest'

import { rawImage, rawVideo, rawVideoWithPoster, size } from '../../test/posts'
import { parseMedia } from './content'

const feed = {
  filename: 'v1-poster-1080x608.webp',
  width: 1080,
  height: 608,
  mimeType: 'image/webp',
}

describe('parseMedia: video posters', () => {
  it('reads the poster stills of a video like the sizes of an image', () => {
    expect(parseMedia(rawVideoWithPoster('v1'))).toEqual({
      kind: 'video',
      id: 'v1',
      alt: null,
      filename: 'v1.mp4',
      mimeType: 'video/mp4',
      width: 1920,
      height: 1080,
      poster: {
        thumbnail: {
          filename: 'v1-poster-400x225.webp',
          width: 400,
          height: 225,
          mimeType: 'image/webp',
        },
        feed,
        full: {
          filename: 'v1-poster-1920x1080.webp',
          width: 1920,
          height: 1080,
          mimeType: 'image/webp',
        },
      },
    })
  })

  it('a video without stills (Payload’s empty sizes, no sizes, rubbish) has no poster', () => {
    const { sizes: _sizes, ...withoutSizes } = rawVideo('v1')
    for (const video of [
      rawVideo('v1'),
      withoutSizes,
      { ...withoutSizes, sizes: null },
      { ...withoutSizes, sizes: [size('v1-poster-1080x608.webp', 1080, 608)] },
      { ...withoutSizes, sizes: 'v1-poster-1080x608.webp' },
    ]) {
      expect(parseMedia(video)).toMatchObject({ kind: 'video', filename: 'v1.mp4', poster: {} })
    }
  })

  it('drops stills without a usable file name or size, and keeps the valid ones', () => {
    const parsed = parseMedia({
      ...rawVideo('v1'),
      sizes: {
        thumbnail: { ...size('v1-poster-400x225.webp', 400, 225), width: undefined },
        feed: size('v1-poster-1080x608.webp', 1080, 608),
        full: size('../v1-poster-1920x1080.webp', 1920, 1080),
        poster: size('v1-other.webp', 640, 360),
      },
    })
    expect(parsed).toMatchObject({ kind: 'video', poster: { feed } })
    expect(parsed?.kind === 'video' && Object.keys(parsed.poster)).toEqual(['feed'])

    for (const bad of [
      { ...size('v1-poster-1080x608.webp', 1080, 608), height: 0 },
      { ...size('v1-poster-1080x608.webp', 1080, 608), width: '1080' },
      size('sub/v1-poster-1080x608.webp', 1080, 608),
      size('.v1-poster-1080x608.webp', 1080, 608),
      size('', 1080, 608),
      'v1-poster-1080x608.webp',
    ]) {
      expect(parseMedia({ ...rawVideo('v1'), sizes: { feed: bad } })).toMatchObject({
        kind: 'video',
        poster: {},
      })
    }
  })

  it('an image still needs a usable size; its sizes are read as before', () => {
    expect(parseMedia(rawImage('m1'))).toMatchObject({ kind: 'image', sizes: { feed: {} } })
    expect(parseMedia({ ...rawImage('m1'), sizes: {} })).toBeNull()
    expect(parseMedia(rawImage('m1'))).not.toHaveProperty('poster')
  })
})
