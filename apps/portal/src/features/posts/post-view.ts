import type {
  ImageSizeName,
  MediaFile,
  PortalImage,
  PortalMedia,
  PortalPost,
  PortalVideo,
} from '../cms/content'
import { mediaFileUrl } from '../files/filename'

/**
 * What the timeline, the post page and the image viewer show of a post: plain data, built here
 * and tested here; the pages only render it (Astro escapes every text). The one exception is the
 * post body on the post page: HTML the CMS has already sanitized (`bodyHtml`).
 */

export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam'

/** Images shown on a timeline card; the rest is "+N". */
export const CARD_IMAGE_COUNT = 4
export const EXCERPT_LENGTH = 200

/** The S18 notice under every gallery and image view. */
export const MEDIA_NOTICE =
  "Deze foto's en video's zijn alleen voor ouders van onze school. Deel ze niet buiten Schoolpost, ook niet op sociale media."

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: SCHOOL_TIME_ZONE,
})

const listFormat = new Intl.ListFormat('nl-NL', { style: 'long', type: 'conjunction' })

/** "28 november 2026": the calendar day in Europe/Amsterdam; `null` for no or a broken date. */
export function formatDutchDate(iso: string | null): string | null {
  if (!iso) return null
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return dateFormat.format(date)
}

/** "Hele school", or the post's groups: "Groep 3", "Groep 3 en Groep 4". */
export function audienceLabel(post: Pick<PortalPost, 'audience' | 'groups'>): string {
  if (post.audience === 'school') return 'Hele school'
  const names = post.groups.map((group) => group.name.trim()).filter(Boolean)
  return names.length > 0 ? listFormat.format(names) : 'Groep'
}

/** The start of the body's text on one line, cut at a word and ended with "…" when longer. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  // Count characters, not UTF-16 units: an emoji is never cut in half.
  const chars = Array.from(flat)
  if (chars.length <= max) return flat
  const cut = chars.slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  const words = space > max * 0.6 ? cut.slice(0, space) : cut
  return `${words.replace(/[\s.,;:!?–-]+$/u, '')}…`
}

export type ImageView = {
  src: string
  srcset: string
  sizes: string
  width: number
  height: number
  alt: string
}

/** The alt text of an image: its own, or "Foto bij: <title>". */
export function imageAlt(image: Pick<PortalImage, 'alt'>, postTitle: string): string {
  return image.alt?.trim() || `Foto bij: ${postTitle.trim()}`
}

/**
 * A responsive <img> of the derived sizes in `use` (every available size when none of those
 * exists): `srcset` by width, `src` the largest of them, width/height of that file.
 */
export function responsiveImage(
  image: PortalImage,
  use: readonly ImageSizeName[],
  sizes: string,
  alt: string,
): ImageView | null {
  const pick = (names: readonly ImageSizeName[]) =>
    names.flatMap((name) => (image.sizes[name] ? [image.sizes[name]] : []))
  let files = pick(use)
  if (files.length === 0) files = pick(['thumbnail', 'feed', 'full'])
  const byWidth = [...new Map(files.map((file) => [file.width, file])).values()].sort(
    (a, b) => a.width - b.width,
  )
  const largest = byWidth.at(-1)
  if (!largest) return null
  return {
    src: mediaFileUrl(largest.filename),
    srcset: byWidth.map((file) => `${mediaFileUrl(file.filename)} ${file.width}w`).join(', '),
    sizes,
    width: largest.width,
    height: largest.height,
    alt,
  }
}

/** `sizes` of a gallery tile: the whole card width alone, else half of it. */
export function tileSizes(count: number): string {
  return count === 1
    ? '(min-width: 42rem) 38rem, calc(100vw - 5rem)'
    : '(min-width: 42rem) 19rem, calc(50vw - 3rem)'
}

export const VIEWER_SIZES = '(min-width: 42rem) 42rem, 100vw'

export const postHref = (postId: string) => `/berichten/${encodeURIComponent(postId)}`

export const viewerHref = (postId: string, mediaId: string) =>
  `${postHref(postId)}/foto/${encodeURIComponent(mediaId)}`

export const reportHref = (postId: string, mediaId?: string) =>
  `${postHref(postId)}/melden${mediaId ? `?media=${encodeURIComponent(mediaId)}` : ''}`

/** The common heading data of a post. */
export type PostMeta = {
  id: string
  href: string
  title: string
  /** ISO date for <time datetime>, and its Dutch rendering; `null` without a date. */
  dateTime: string | null
  dateLabel: string | null
  audienceLabel: string
  authorName: string
  pinned: boolean
}

export function postMeta(post: PortalPost): PostMeta {
  const dateLabel = formatDutchDate(post.publishedAt)
  return {
    id: post.id,
    href: postHref(post.id),
    title: post.title,
    dateTime: dateLabel ? post.publishedAt : null,
    dateLabel,
    audienceLabel: audienceLabel(post),
    authorName: post.authorName,
    pinned: post.pinned,
  }
}

export type CardImage = ImageView & { href: string }

export type PostCardView = PostMeta & {
  excerpt: string
  images: CardImage[]
  /** Items of the gallery not shown on the card (images and videos), 0 for none. */
  moreCount: number
}

const isImage = (media: PortalMedia): media is PortalImage => media.kind === 'image'

/** A timeline card: the first images (thumbnail/feed), "+N" for the rest of the gallery. */
export function postCardView(post: PortalPost): PostCardView {
  const images = post.gallery.filter(isImage)
  const shown: CardImage[] = []
  const sizes = tileSizes(Math.min(images.length, CARD_IMAGE_COUNT))
  for (const image of images) {
    if (shown.length === CARD_IMAGE_COUNT) break
    const view = responsiveImage(image, ['thumbnail', 'feed'], sizes, imageAlt(image, post.title))
    if (view) shown.push({ ...view, href: viewerHref(post.id, image.id) })
  }
  return {
    ...postMeta(post),
    excerpt: excerpt(post.bodyText),
    images: shown,
    moreCount: post.gallery.length - shown.length,
  }
}

export type GalleryItemView =
  | ({ kind: 'image'; id: string; href: string } & ImageView)
  | {
      kind: 'video'
      id: string
      src: string
      mimeType: string
      width: number | null
      height: number | null
      /** The portal URL of a still for `<video poster>`; `null` for a video without one. */
      poster: string | null
      label: string
      reportHref: string
    }

/**
 * The still of a video to show as its poster: the feed size (the gallery shows a video at most a
 * card wide), else full, else thumbnail; `null` for older videos the CMS made no stills of.
 */
export function videoPoster(video: Pick<PortalVideo, 'poster'>): MediaFile | null {
  return video.poster.feed ?? video.poster.full ?? video.poster.thumbnail ?? null
}

export type PostPageView = PostMeta & {
  /** Sanitized by the CMS; the only HTML the portal inserts as is (see PostBody.astro). */
  bodyHtml: string
  gallery: GalleryItemView[]
  reportHref: string
}

/** The post page: the whole body and the whole gallery (images link to the viewer). */
export function postPageView(post: PortalPost): PostPageView {
  const imageCount = post.gallery.filter(isImage).length
  const sizes = tileSizes(Math.min(imageCount, 2))
  const gallery: GalleryItemView[] = []
  let videoNumber = 0
  for (const media of post.gallery) {
    if (media.kind === 'video') {
      videoNumber += 1
      const poster = videoPoster(media)
      // Without the video's own size, the poster (a still of it, same aspect ratio) lets the page
      // reserve the right space before the video's metadata is loaded.
      const sized = poster && !(media.width && media.height) ? poster : media
      gallery.push({
        kind: 'video',
        id: media.id,
        src: mediaFileUrl(media.filename),
        mimeType: media.mimeType,
        width: sized.width,
        height: sized.height,
        poster: poster ? mediaFileUrl(poster.filename) : null,
        label: media.alt?.trim() || `Video ${videoNumber} bij: ${post.title.trim()}`,
        reportHref: reportHref(post.id, media.id),
      })
      continue
    }
    const view = responsiveImage(media, ['thumbnail', 'feed'], sizes, imageAlt(media, post.title))
    if (view)
      gallery.push({ kind: 'image', id: media.id, href: viewerHref(post.id, media.id), ...view })
  }
  return {
    ...postMeta(post),
    bodyHtml: post.bodyHtml,
    gallery,
    reportHref: reportHref(post.id),
  }
}

export type ViewerView = {
  postTitle: string
  postHref: string
  image: ImageView
  /** "Foto 2 van 5". */
  position: string
  previousHref: string | null
  nextHref: string | null
  reportHref: string
}

/** The full-size view of one image of a post, with links to the previous and next image. */
export function viewerView(post: PortalPost, mediaId: string): ViewerView | null {
  const images = post.gallery.filter(isImage)
  const index = images.findIndex((image) => image.id === mediaId)
  const current = images[index]
  if (!current) return null
  const image = responsiveImage(
    current,
    ['feed', 'full'],
    VIEWER_SIZES,
    imageAlt(current, post.title),
  )
  if (!image) return null
  const previous = images[index - 1]
  const next = images[index + 1]
  return {
    postTitle: post.title,
    postHref: postHref(post.id),
    image,
    position: `Foto ${index + 1} van ${images.length}`,
    previousHref: previous ? viewerHref(post.id, previous.id) : null,
    nextHref: next ? viewerHref(post.id, next.id) : null,
    reportHref: reportHref(post.id, current.id),
  }
}
