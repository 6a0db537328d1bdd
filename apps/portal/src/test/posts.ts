/** Posts and media as the CMS REST API sends them (depth 1), for tests. */

export const size = (filename: string, width: number, height: number) => ({
  filename,
  width,
  height,
  mimeType: 'image/webp',
  filesize: width * 10,
  url: `/api/media/file/${filename}`,
})

/** An image with the three derived sizes (4:3). */
export const rawImage = (id: string, alt: string | null = null) => ({
  id,
  alt,
  kind: 'image',
  mimeType: 'image/jpeg',
  filename: `${id}.jpg`,
  width: 4000,
  height: 3000,
  sizes: {
    thumbnail: size(`${id}-400x300.webp`, 400, 300),
    feed: size(`${id}-1080x810.webp`, 1080, 810),
    full: size(`${id}-2048x1536.webp`, 2048, 1536),
  },
})

/**
 * The WebP stills the CMS makes of a 1920×1080 video, as the sizes of an image (never enlarged,
 * so `full` is the video's own width).
 */
export const posterSizes = (id: string) => ({
  thumbnail: size(`${id}-poster-400x225.webp`, 400, 225),
  feed: size(`${id}-poster-1080x608.webp`, 1080, 608),
  full: size(`${id}-poster-1920x1080.webp`, 1920, 1080),
})

/** A video as uploaded before the CMS made posters: Payload's empty sizes. */
export const rawVideo = (id: string) => ({
  id,
  alt: null,
  kind: 'video',
  mimeType: 'video/mp4',
  filename: `${id}.mp4`,
  width: 1920,
  height: 1080,
  sizes: {
    thumbnail: { filename: null, width: null, height: null },
    feed: { filename: null, width: null, height: null },
    full: { filename: null, width: null, height: null },
  },
})

/** A video with poster stills. */
export const rawVideoWithPoster = (id: string) => ({ ...rawVideo(id), sizes: posterSizes(id) })

export const rawPost = (over: Record<string, unknown> = {}) => ({
  id: 'post-1',
  title: 'Schoolreisje naar Artis',
  // The CMS sends the Lexical JSON as `body` (the portal ignores it) and computes the other two.
  body: { root: { type: 'root', children: [] } },
  bodyHtml:
    '<p>Wat een <strong>dag</strong>!</p><ul><li>De kinderen zagen de olifanten.</li><li>En de pinguïns.</li></ul>',
  bodyText: 'Wat een dag! De kinderen zagen de olifanten. En de pinguïns.',
  audience: 'groups',
  groups: [{ id: 'g3', name: 'Groep 3' }],
  pinned: false,
  publishedAt: '2026-11-28T09:30:00.000Z',
  authorName: 'Juf Anne',
  gallery: [rawImage('m1', 'Kinderen bij de olifanten'), rawImage('m2')],
  status: 'published',
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:30:00.000Z',
  ...over,
})
