import sharp from 'sharp'

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
