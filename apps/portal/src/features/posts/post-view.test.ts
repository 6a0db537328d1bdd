import { describe, expect, it } from 'vitest'

import {
  posterSizes,
  rawImage,
  rawPost,
  rawVideo,
  rawVideoWithPoster,
  toPortalPost,
} from '../../test/posts'
import type { PortalImage, PortalPost } from '@schoolpost/contracts'
import {
  audienceLabel,
  excerpt,
  formatDutchDate,
  imageAlt,
  postCardView,
  postMediaHref,
  postPageView,
  reportHref,
  responsiveImage,
  tileSizes,
  videoAlt,
  viewerView,
} from './post-view'

const post = (over: Record<string, unknown> = {}): PortalPost => {
  const parsed = toPortalPost(rawPost(over))
  if (!parsed) throw new Error('test post does not parse')
  return parsed
}

const images = (count: number) => Array.from({ length: count }, (_, i) => rawImage(`m${i + 1}`))

describe('formatDutchDate', () => {
  it('writes the calendar day in Dutch', () => {
    expect(formatDutchDate('2026-11-28T09:30:00.000Z')).toBe('28 november 2026')
  })

  it('uses the day in Europe/Amsterdam, not UTC (winter time, UTC+1)', () => {
    expect(formatDutchDate('2026-11-28T23:30:00.000Z')).toBe('29 november 2026')
    expect(formatDutchDate('2026-11-28T22:59:59.000Z')).toBe('28 november 2026')
  })

  it('uses the day in Europe/Amsterdam in summer time (UTC+2)', () => {
    expect(formatDutchDate('2026-06-30T22:30:00.000Z')).toBe('1 juli 2026')
    expect(formatDutchDate('2026-06-30T21:59:00.000Z')).toBe('30 juni 2026')
  })

  it('is right around the DST changes (29 March and 25 October 2026)', () => {
    // 29 March 2026 01:00 UTC: clocks go from 02:00 CET to 03:00 CEST.
    expect(formatDutchDate('2026-03-28T23:30:00.000Z')).toBe('29 maart 2026')
    expect(formatDutchDate('2026-03-29T21:30:00.000Z')).toBe('29 maart 2026')
    expect(formatDutchDate('2026-03-29T22:30:00.000Z')).toBe('30 maart 2026')
    // 25 October 2026 01:00 UTC: clocks go from 03:00 CEST back to 02:00 CET.
    expect(formatDutchDate('2026-10-24T22:30:00.000Z')).toBe('25 oktober 2026')
    expect(formatDutchDate('2026-10-25T22:30:00.000Z')).toBe('25 oktober 2026')
    expect(formatDutchDate('2026-10-25T23:30:00.000Z')).toBe('26 oktober 2026')
  })

  it('no date for nothing or rubbish', () => {
    expect(formatDutchDate(null)).toBeNull()
    expect(formatDutchDate('gisteren')).toBeNull()
  })
})

describe('excerpt', () => {
  it('keeps a short body, on one line', () => {
    expect(excerpt('Wat een dag!\n\nDe kinderen   zagen\tde olifanten.')).toBe(
      'Wat een dag! De kinderen zagen de olifanten.',
    )
  })

  it('cuts a long body at a word and ends with …', () => {
    const body = 'Morgen gaan we met de hele groep naar de kinderboerderij in het park. '.repeat(5)
    const result = excerpt(body, 60)
    expect(result).toBe('Morgen gaan we met de hele groep naar de kinderboerderij in…')
    expect(Array.from(result).length).toBeLessThanOrEqual(61)
  })

  it('does not end with punctuation before the …', () => {
    expect(excerpt('Een, twee, drie, vier, vijf, zes, zeven', 20)).toBe('Een, twee, drie…')
  })

  it('never cuts an emoji in half', () => {
    const result = excerpt('🎉'.repeat(30), 10)
    expect(result).toBe(`${'🎉'.repeat(10)}…`)
  })

  it('cuts a single very long word where it must', () => {
    expect(excerpt('a'.repeat(300), 10)).toBe(`${'a'.repeat(10)}…`)
  })
})

describe('audienceLabel', () => {
  it('says "Hele school" or names the groups', () => {
    expect(audienceLabel({ audience: 'school', groups: [] })).toBe('Hele school')
    expect(audienceLabel({ audience: 'groups', groups: [{ id: 'g3', name: 'Groep 3' }] })).toBe(
      'Groep 3',
    )
    expect(
      audienceLabel({
        audience: 'groups',
        groups: [
          { id: 'g3', name: 'Groep 3' },
          { id: 'g4', name: 'Groep 4' },
          { id: 'g5', name: 'Groep 5' },
        ],
      }),
    ).toBe('Groep 3, Groep 4 en Groep 5')
  })
})

describe('responsiveImage', () => {
  const image = post().gallery[0] as PortalImage

  it('builds srcset from the chosen derived sizes, src and dimensions of the largest', () => {
    expect(responsiveImage(image, ['thumbnail', 'feed'], tileSizes(2), 'Olifanten')).toEqual({
      src: '/bestanden/m1-1080x810.webp',
      srcset: '/bestanden/m1-400x300.webp 400w, /bestanden/m1-1080x810.webp 1080w',
      sizes: '(min-width: 42rem) 19rem, calc(50vw - 3rem)',
      width: 1080,
      height: 810,
      alt: 'Olifanten',
    })
  })

  it('never uses the original', () => {
    const view = responsiveImage(image, ['feed', 'full'], '100vw', 'x')
    expect(view?.srcset).toBe(
      '/bestanden/m1-1080x810.webp 1080w, /bestanden/m1-2048x1536.webp 2048w',
    )
    expect(JSON.stringify(view)).not.toContain('m1.jpg')
  })

  it('falls back to whatever size exists (a small image has no larger sizes)', () => {
    const small: PortalImage = {
      ...image,
      sizes: { thumbnail: { filename: 's-400x300.webp', width: 400, height: 300, mimeType: null } },
    }
    expect(responsiveImage(small, ['feed', 'full'], '100vw', 'x')).toMatchObject({
      src: '/bestanden/s-400x300.webp',
      srcset: '/bestanden/s-400x300.webp 400w',
      width: 400,
      height: 300,
    })
  })
})

describe('imageAlt', () => {
  it('the image’s own alt, or "Foto bij: <title>"', () => {
    expect(imageAlt({ alt: 'Kinderen bij de olifanten' }, 'Artis')).toBe(
      'Kinderen bij de olifanten',
    )
    expect(imageAlt({ alt: null }, 'Schoolreisje naar Artis')).toBe(
      'Foto bij: Schoolreisje naar Artis',
    )
    expect(imageAlt({ alt: '  ' }, 'Artis')).toBe('Foto bij: Artis')
  })
})

describe('videoAlt', () => {
  it('"Video: <its alt>", or "Video bij: <title>"', () => {
    expect(videoAlt({ alt: 'De olifanten in het water' }, 'Artis')).toBe(
      'Video: De olifanten in het water',
    )
    expect(videoAlt({ alt: null }, ' Schoolreisje naar Artis ')).toBe(
      'Video bij: Schoolreisje naar Artis',
    )
    expect(videoAlt({ alt: '  ' }, 'Artis')).toBe('Video bij: Artis')
  })
})

describe('postCardView', () => {
  it('shows the details, an excerpt and the images with their viewer links', () => {
    const card = postCardView(post())
    expect(card).toMatchObject({
      id: 'post-1',
      href: '/berichten/post-1',
      title: 'Schoolreisje naar Artis',
      dateTime: '2026-11-28T09:30:00.000Z',
      dateLabel: '28 november 2026',
      audienceLabel: 'Groep 3',
      authorName: 'Juf Anne',
      pinned: false,
      excerpt: 'Wat een dag! De kinderen zagen de olifanten. En de pinguïns.',
      moreCount: 0,
      mediaNotice:
        "Foto's en video's zijn alleen voor ouders van deze groep. Deel ze niet buiten Schoolpost.",
    })
    expect(postCardView(post({ audience: 'school', groups: [] })).mediaNotice).toBe(
      "Foto's en video's zijn alleen voor ouders van onze school. Deel ze niet buiten Schoolpost.",
    )
    expect(card.tiles.map((t) => [t.kind, t.href, t.alt])).toEqual([
      ['image', '/berichten/post-1/foto/m1', 'Kinderen bij de olifanten'],
      ['image', '/berichten/post-1/foto/m2', 'Foto bij: Schoolreisje naar Artis'],
    ])
    expect(card.tiles[0]).toEqual({
      kind: 'image',
      href: '/berichten/post-1/foto/m1',
      src: '/bestanden/m1-1080x810.webp',
      srcset: '/bestanden/m1-400x300.webp 400w, /bestanden/m1-1080x810.webp 1080w',
      sizes: tileSizes(2),
      width: 1080,
      height: 810,
      alt: 'Kinderen bij de olifanten',
    })
  })

  it('takes the excerpt from the plain text (bodyText), never from the HTML', () => {
    const card = postCardView(
      post({
        bodyHtml: '<h2>Kop</h2><p>Tekst met <em>nadruk</em></p>',
        bodyText: 'Kop Tekst met nadruk',
      }),
    )
    expect(card.excerpt).toBe('Kop Tekst met nadruk')
    expect(card).not.toHaveProperty('bodyHtml')
  })

  it('a post without a body (or an old plain-text body) has no excerpt and no body HTML', () => {
    for (const over of [
      { body: null, bodyHtml: undefined, bodyText: undefined },
      { body: 'Oude tekst', bodyHtml: 42, bodyText: null },
    ]) {
      const parsed = post(over)
      expect(parsed).toMatchObject({ bodyHtml: '', bodyText: '' })
      expect(postCardView(parsed).excerpt).toBe('')
      expect(postPageView(parsed).bodyHtml).toBe('')
    }
  })

  it('shows at most 4 images and counts the rest, videos included, as "+N"', () => {
    const card = postCardView(post({ gallery: [...images(6), rawVideo('v1')] }))
    expect(card.tiles.map((t) => t.href.split('/').at(-1))).toEqual(['m1', 'm2', 'm3', 'm4'])
    expect(card.moreCount).toBe(3)
  })

  it('no "+N" with exactly 4 images; videos without a poster: no tiles and "+N"', () => {
    expect(postCardView(post({ gallery: images(4) })).moreCount).toBe(0)
    const videos = postCardView(post({ gallery: [rawVideo('v1'), rawVideo('v2')] }))
    expect(videos.tiles).toEqual([])
    expect(videos.moreCount).toBe(2)
  })

  it('a single image is shown at the full card width, unless "+N" is next to it', () => {
    const [only] = postCardView(post({ gallery: images(1) })).tiles
    expect(only?.sizes).toBe(tileSizes(1))
    const [beside] = postCardView(post({ gallery: [rawImage('m1'), rawVideo('v1')] })).tiles
    expect(beside?.sizes).toBe(tileSizes(2))
  })

  it('a school-wide, pinned post without a date', () => {
    const card = postCardView(
      post({ audience: 'school', groups: [], pinned: true, publishedAt: null }),
    )
    expect(card).toMatchObject({
      audienceLabel: 'Hele school',
      pinned: true,
      dateLabel: null,
      dateTime: null,
    })
  })
})

describe('postPageView', () => {
  it('the body as the CMS sanitized it and the whole gallery, videos from their file', () => {
    const view = postPageView(post({ gallery: [...images(5), rawVideo('v1')] }))
    expect(view.bodyHtml).toBe(
      '<p>Wat een <strong>dag</strong>!</p><ul><li>De kinderen zagen de olifanten.</li><li>En de pinguïns.</li></ul>',
    )
    expect(view.gallery).toHaveLength(6)
    expect(view.gallery.at(-1)).toEqual({
      kind: 'video',
      id: 'v1',
      src: '/bestanden/v1.mp4',
      mimeType: 'video/mp4',
      width: 1920,
      height: 1080,
      poster: null,
      anchor: 'media-v1',
      label: 'Video 1 bij: Schoolreisje naar Artis',
      reportHref: '/berichten/post-1/melden?media=v1',
    })
    expect(view.gallery[0]).toMatchObject({ kind: 'image', href: '/berichten/post-1/foto/m1' })
    expect(view.reportHref).toBe('/berichten/post-1/melden')
  })
})

describe('postPageView: video posters', () => {
  const videoItem = (video: Record<string, unknown>) => {
    const item = postPageView(post({ gallery: [rawImage('m1'), video] })).gallery[1]
    if (item?.kind !== 'video') throw new Error('the video is not in the gallery')
    return item
  }

  it('the feed still of the video, through the portal’s file route', () => {
    expect(videoItem(rawVideoWithPoster('v1'))).toEqual({
      kind: 'video',
      id: 'v1',
      src: '/bestanden/v1.mp4',
      mimeType: 'video/mp4',
      width: 1920,
      height: 1080,
      poster: '/bestanden/v1-poster-1080x608.webp',
      anchor: 'media-v1',
      label: 'Video 1 bij: Schoolreisje naar Artis',
      reportHref: '/berichten/post-1/melden?media=v1',
    })
  })

  it('without a feed still: the full one, else the thumbnail', () => {
    const { thumbnail, full } = posterSizes('v1')
    expect(videoItem({ ...rawVideo('v1'), sizes: { thumbnail, full } }).poster).toBe(
      '/bestanden/v1-poster-1920x1080.webp',
    )
    expect(videoItem({ ...rawVideo('v1'), sizes: { thumbnail } }).poster).toBe(
      '/bestanden/v1-poster-400x225.webp',
    )
  })

  it('a video without stills is still shown, without a poster', () => {
    for (const video of [rawVideo('v1'), { ...rawVideo('v1'), sizes: undefined }]) {
      expect(videoItem(video)).toMatchObject({
        src: '/bestanden/v1.mp4',
        width: 1920,
        height: 1080,
        poster: null,
      })
    }
  })

  it('ignores stills without a usable file name or width', () => {
    const { feed, full } = posterSizes('v1')
    const item = videoItem({
      ...rawVideo('v1'),
      sizes: { feed: { ...feed, filename: '../../api/users' }, full: { ...full, width: null } },
    })
    expect(item.poster).toBeNull()
    expect(JSON.stringify(item)).not.toContain('api/users')
  })

  it('the size of the still reserves the space when the video’s own size is unknown', () => {
    const unsized = { ...rawVideoWithPoster('v1'), width: null, height: undefined }
    expect(videoItem(unsized)).toMatchObject({ width: 1080, height: 608 })
    // Half a size is no size: the still's width and height belong together.
    expect(videoItem({ ...rawVideoWithPoster('v1'), height: 0 })).toMatchObject({
      width: 1080,
      height: 608,
    })
    // The video's own size wins when it has one (the still may be scaled down).
    expect(videoItem({ ...rawVideoWithPoster('v1'), width: 1280, height: 720 })).toMatchObject({
      width: 1280,
      height: 720,
    })
  })

  it('an unsized video without stills stays unsized, as before', () => {
    expect(videoItem({ ...rawVideo('v1'), width: null, height: null })).toMatchObject({
      width: null,
      height: null,
      poster: null,
    })
    expect(videoItem({ ...rawVideo('v1'), height: null })).toMatchObject({
      width: 1920,
      height: null,
    })
  })

  it('gives every item an anchor, the target of a card’s video tile', () => {
    const view = postPageView(post({ gallery: [rawImage('m1'), rawVideoWithPoster('v1')] }))
    expect(view.gallery.map((item) => item.anchor)).toEqual(['media-m1', 'media-v1'])
    expect(postMediaHref('post-1', 'v1')).toBe('/berichten/post-1#media-v1')
    expect(postMediaHref('post 1', 'v 1')).toBe('/berichten/post%201#media-v%201')
  })
})

describe('postCardView: videos', () => {
  const card = (gallery: unknown[]) => postCardView(post({ gallery }))
  const ids = (view: ReturnType<typeof postCardView>) =>
    view.tiles.map((tile) => `${tile.kind}:${tile.href.split(/[/#]/).at(-1)}`)

  it('a video-only post shows the poster still, linked to the video on the post page', () => {
    const view = card([rawVideoWithPoster('v1')])
    expect(view.tiles).toEqual([
      {
        kind: 'video',
        href: '/berichten/post-1#media-v1',
        src: '/bestanden/v1-poster-1080x608.webp',
        srcset: '/bestanden/v1-poster-400x225.webp 400w, /bestanden/v1-poster-1080x608.webp 1080w',
        sizes: tileSizes(1),
        width: 1080,
        height: 608,
        alt: 'Video bij: Schoolreisje naar Artis',
      },
    ])
    expect(view.moreCount).toBe(0)
    // Never the video file itself, nor the full-size still, on the timeline.
    expect(JSON.stringify(view.tiles)).not.toMatch(/v1\.mp4|1920x1080/)
  })

  it('the video’s own alt text, marked as a video', () => {
    const [tile] = card([{ ...rawVideoWithPoster('v1'), alt: 'Olifanten in het water' }]).tiles
    expect(tile?.alt).toBe('Video: Olifanten in het water')
  })

  it('a poster with only a full-size still still makes a tile (as an image would)', () => {
    const [tile] = card([{ ...rawVideo('v1'), sizes: { full: posterSizes('v1').full } }]).tiles
    expect(tile).toMatchObject({ kind: 'video', src: '/bestanden/v1-poster-1920x1080.webp' })
  })

  it('keeps the gallery order, images and videos mixed, at most 4 tiles', () => {
    const view = card([
      rawVideoWithPoster('v1'),
      rawImage('m1'),
      rawImage('m2'),
      rawVideoWithPoster('v2'),
      rawImage('m3'),
      rawVideoWithPoster('v3'),
    ])
    expect(ids(view)).toEqual(['video:media-v1', 'image:m1', 'image:m2', 'video:media-v2'])
    expect(view.moreCount).toBe(2)
    expect(view.tiles.every((tile) => tile.sizes === tileSizes(2))).toBe(true)
  })

  it('a video without a poster makes no tile and is counted in "+N"', () => {
    const view = card([rawImage('m1'), rawVideo('v1'), rawVideoWithPoster('v2'), rawImage('m2')])
    expect(ids(view)).toEqual(['image:m1', 'video:media-v2', 'image:m2'])
    expect(view.moreCount).toBe(1)
  })

  it('a video without a poster does not take one of the 4 tiles', () => {
    const view = card([rawVideo('v1'), ...images(4)])
    expect(ids(view)).toEqual(['image:m1', 'image:m2', 'image:m3', 'image:m4'])
    expect(view.moreCount).toBe(1)
  })
})

describe('viewerView', () => {
  const gallery = post({
    gallery: [rawImage('m1'), rawVideo('v1'), rawImage('m2'), rawImage('m3')],
  })

  it('the full size of one image with previous and next (images only)', () => {
    expect(viewerView(gallery, 'm2')).toMatchObject({
      position: 'Foto 2 van 3',
      previousHref: '/berichten/post-1/foto/m1',
      nextHref: '/berichten/post-1/foto/m3',
      postHref: '/berichten/post-1',
      reportHref: '/berichten/post-1/melden?media=m2',
      image: {
        src: '/bestanden/m2-2048x1536.webp',
        width: 2048,
        height: 1536,
        alt: 'Foto bij: Schoolreisje naar Artis',
      },
    })
  })

  it('no previous on the first, no next on the last', () => {
    expect(viewerView(gallery, 'm1')).toMatchObject({
      previousHref: null,
      position: 'Foto 1 van 3',
    })
    expect(viewerView(gallery, 'm3')).toMatchObject({ nextHref: null })
  })

  it('null for a video, or an item not in the gallery the parent sees', () => {
    expect(viewerView(gallery, 'v1')).toBeNull()
    expect(viewerView(gallery, 'hidden-for-consent')).toBeNull()
  })
})

describe('reportHref', () => {
  it('encodes the ids', () => {
    expect(reportHref('post-1', 'm 1')).toBe('/berichten/post-1/melden?media=m%201')
  })
})
