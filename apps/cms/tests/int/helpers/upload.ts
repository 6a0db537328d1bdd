import sharp from 'sharp'

import type { Media, Post } from '../../../src/payload-types'
import { rest } from './payload'

/** A JPEG as a phone makes it: camera make, GPS position and a "rotate 90°" orientation tag. */
export async function phoneJpeg({ width = 4000, height = 3000 } = {}): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#6a9' } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect x="0" y="0" width="${width / 4}" height="${height / 4}" fill="#c33"/></svg>`,
        ),
        top: 0,
        left: 0,
      },
    ])
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneCam', Model: 'P1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 12/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 24/1 0/1',
      },
    })
    .toBuffer()
}

/** POST /api/media as multipart, the way the admin uploads. */
export function uploadMedia(
  token: string | undefined,
  file: Buffer,
  name: string,
  data: Record<string, unknown> = {},
) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)]), name)
  form.append('_payload', JSON.stringify(data))
  return rest('POST', '/media', { token, form })
}

/**
 * A teacher's group post with one plain photo tagged with `pupils`, published through REST as the
 * admin does it: the photo and the post as Payload answered them.
 */
export async function publishPhotoPost(
  token: string,
  { title, groupId, pupils }: { title: string; groupId: string; pupils: string[] },
): Promise<{ photo: Media; post: Post }> {
  const png = await sharp({
    create: { width: 640, height: 480, channels: 3, background: '#48c' },
  })
    .png()
    .toBuffer()
  const uploaded = await uploadMedia(
    token,
    png,
    `${title.toLowerCase().replace(/\W+/g, '-')}.png`,
    {
      pupils,
    },
  )
  if (uploaded.status !== 201)
    throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`)
  const photo = ((await uploaded.json()) as { doc: Media }).doc
  const res = await rest('POST', '/posts', {
    token,
    body: {
      title,
      audience: 'groups',
      groups: [groupId],
      status: 'published',
      gallery: [photo.id],
    },
  })
  if (res.status !== 201) throw new Error(`post: ${res.status} ${await res.text()}`)
  return { photo, post: ((await res.json()) as { doc: Post }).doc }
}
