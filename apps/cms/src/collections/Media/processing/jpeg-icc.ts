import sharp from 'sharp'

/**
 * A colour profile carried into a JPEG. The raw pixels handed from the HEIF decoder to sharp carry
 * none, so the container's profile is written into the JPEG here; sharp later converts the colours
 * to sRGB, as it does for every other photo.
 */

/** The ICC profile as APP2 "ICC_PROFILE" segments right after the JPEG's SOI marker. */
export function withIccProfile(jpeg: Buffer, icc: Buffer): Buffer {
  const chunk = 65_519
  const count = Math.ceil(icc.length / chunk)
  if (count > 255) return jpeg
  const segments: Buffer[] = []
  for (let i = 0; i < count; i++) {
    const part = icc.subarray(i * chunk, (i + 1) * chunk)
    const head = Buffer.alloc(18)
    head.writeUInt16BE(0xffe2, 0)
    head.writeUInt16BE(16 + part.length, 2)
    head.write('ICC_PROFILE\0', 4, 'latin1')
    head[16] = i + 1
    head[17] = count
    segments.push(head, part)
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)])
}

let p3Profile: Promise<Buffer | undefined> | undefined
/** sharp's built-in Display P3 profile, for phones that signal P3 as nclx instead of ICC. */
export function displayP3Profile(): Promise<Buffer | undefined> {
  p3Profile ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .withIccProfile('p3')
    .jpeg()
    .toBuffer()
    .then(async (probe) => (await sharp(probe).metadata()).icc)
  return p3Profile
}
