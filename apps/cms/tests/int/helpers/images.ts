import sharp from 'sharp'

/** A plain one-colour PNG of the given size, made by sharp. */
export function plainPng(width: number, height: number, background = '#fff'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer()
}
