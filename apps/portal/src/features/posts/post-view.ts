import type {
  ImageSizeName,
  MediaFile,
  PortalImage,
  PortalMedia,
  PortalPost,
  PortalVideo,
} from '@schoolpost/contracts'

import { getMediaNotice } from '@schoolpost/policies'

import { mediaFileUrl } from '../files/filename'

/**
 * What the timeline, the post page and the image viewer show of a post: plain data, built here
 * and tested here; the pages only render it (Astro escapes every text). The one exception is the
 * post body on the post page: HTML the CMS has already sanitized (`bodyHtml`).
 */

export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam'

/** Tiles on a timeline card (images, and videos with a poster still); the rest is "+N". */
export const CARD_IMAGE_COUNT = 4
export const EXCERPT_LENGTH = 200

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

/** The alt text of a video's poster on a card: "Video: <its alt>", or "Video bij: <title>". */
export function videoAlt(video: Pick<PortalVideo, 'alt'>, postTitle: string): string {
  const alt = video.alt?.trim()
  return alt ? `Video: ${alt}` : `Video bij: ${postTitle.trim()}`
}

/**
 * A responsive <img> of the derived sizes in `use` (every available size when none of those
 * exists): `srcset` by width, `src` the largest of them, width/height of that file. Also for the
 * poster stills of a video (`{ sizes: video.poster }`): the CMS makes them in the same sizes.
 */
export function responsiveImage(
  image: Pick<PortalImage, 'sizes'>,
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

/** The `id` of a gallery item on the post page, so a link can point at it. */
export const mediaAnchor = (mediaId: string) => `media-${mediaId}`

/** The post page, scrolled to one item of its gallery. */
export const postMediaHref = (postId: string, mediaId: string) =>
  `${postHref(postId)}#${encodeURIComponent(mediaAnchor(mediaId))}`

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
  /** The S18 notice under the post's pictures, on the card, the post page and the viewer. */
  mediaNotice: string
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
    mediaNotice: getMediaNotice({ audience: post.audience }),
  }
}

/**
 * A picture on a timeline card: an image links to the image viewer; a video shows its poster
 * still (with a play marker) and links to the video on the post page, where it plays.
 */
export type CardTile = ImageView & { kind: PortalMedia['kind']; href: string }

export type PostCardView = PostMeta & {
  excerpt: string
  tiles: CardTile[]
  /** Items of the gallery not shown on the card (images and videos), 0 for none. */
  moreCount: number
}

const isImage = (media: PortalMedia): media is PortalImage => media.kind === 'image'

/** The tile of one gallery item on a card; `null` when there is no picture of it to show. */
function cardTile(post: PortalPost, media: PortalMedia, sizes: string): CardTile | null {
  const use = ['thumbnail', 'feed'] as const
  if (media.kind === 'image') {
    const view = responsiveImage(media, use, sizes, imageAlt(media, post.title))
    return view && { ...view, kind: 'image', href: viewerHref(post.id, media.id) }
  }
  // A video made before the CMS made stills has no picture: it is only counted in "+N".
  const view = responsiveImage({ sizes: media.poster }, use, sizes, videoAlt(media, post.title))
  return view && { ...view, kind: 'video', href: postMediaHref(post.id, media.id) }
}

/**
 * A timeline card: the first gallery items with a picture to show (images, videos by their
 * poster), in gallery order, and "+N" for the rest of the gallery.
 */
export function postCardView(post: PortalPost): PostCardView {
  const tiles: CardTile[] = []
  for (const media of post.gallery) {
    if (tiles.length === CARD_IMAGE_COUNT) break
    // `sizes` depends on how many tiles there are: set below, once that is known.
    const tile = cardTile(post, media, '')
    if (tile) tiles.push(tile)
  }
  const moreCount = post.gallery.length - tiles.length
  // "+N" takes a cell of the grid too (PostCard): a tile is card-wide only when it is alone.
  const sizes = tileSizes(tiles.length + (moreCount > 0 ? 1 : 0))
  return {
    ...postMeta(post),
    excerpt: excerpt(post.bodyText),
    tiles: tiles.map((tile) => ({ ...tile, sizes })),
    moreCount,
  }
}

export type GalleryItemView =
  | ({ kind: 'image'; id: string; anchor: string; href: string } & ImageView)
  | {
      kind: 'video'
      id: string
      /** The `id` of the item on the page (see `postMediaHref`). */
      anchor: string
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
        anchor: mediaAnchor(media.id),
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
      gallery.push({
        kind: 'image',
        id: media.id,
        anchor: mediaAnchor(media.id),
        href: viewerHref(post.id, media.id),
        ...view,
      })
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
  mediaNotice: string
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
    mediaNotice: getMediaNotice({ audience: post.audience }),
  }
}
