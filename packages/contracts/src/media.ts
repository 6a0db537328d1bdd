import { z } from 'zod'

/**
 * Media as the portal shows them: only what a page needs, never the original file of an image
 * (staff only), never tags or consent facts. The CMS builds these from its documents after its
 * access rules chose the items; the portal parses them with the same schemas.
 */

/** A CMS file name as pages may use it: letters, digits, dot, underscore, hyphen; never "..". */
export const mediaFilename = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,200}$/)
  .refine((value) => !value.startsWith('.') && !value.includes('..'))

export const IMAGE_SIZE_NAMES = ['thumbnail', 'feed', 'full'] as const
export type ImageSizeName = (typeof IMAGE_SIZE_NAMES)[number]

/** One derived file of an image or video (WebP, metadata stripped by the CMS). */
export const mediaFile = z.object({
  filename: mediaFilename,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mimeType: z.string().nullable(),
})
export type MediaFile = z.infer<typeof mediaFile>

export const mediaSizes = z.object({
  thumbnail: mediaFile.optional(),
  feed: mediaFile.optional(),
  full: mediaFile.optional(),
})
export type MediaSizes = z.infer<typeof mediaSizes>

export const portalImage = z.object({
  kind: z.literal('image'),
  id: z.string().min(1),
  alt: z.string().nullable(),
  /** Only the derived sizes: the original of an image is for staff only. */
  sizes: mediaSizes,
})
export type PortalImage = z.infer<typeof portalImage>

export const portalVideo = z.object({
  kind: z.literal('video'),
  id: z.string().min(1),
  alt: z.string().nullable(),
  /** Videos are played from their original file (stored without metadata). */
  filename: mediaFilename,
  mimeType: z.string(),
  /** The video's display size; `null` when the CMS does not know it. */
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** WebP stills in the sizes of an image, for `<video poster>`; `{}` without posters. */
  poster: mediaSizes,
})
export type PortalVideo = z.infer<typeof portalVideo>

export const portalMedia = z.discriminatedUnion('kind', [portalImage, portalVideo])
export type PortalMedia = z.infer<typeof portalMedia>
