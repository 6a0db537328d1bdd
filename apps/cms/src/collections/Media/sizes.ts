/**
 * The derived WebP sizes parents get (S12): of every photo, and the poster stills of every video.
 * Never enlarged, so a small photo has smaller files than the nominal widths.
 */
export const MEDIA_SIZES = [
  { name: 'thumbnail', width: 400 },
  { name: 'feed', width: 1080 },
  { name: 'full', width: 2048 },
] as const

export const WEBP_QUALITY = 80
