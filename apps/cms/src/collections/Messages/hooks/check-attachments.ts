import { MESSAGE_PHOTOS_MAX } from '@schoolpost/contracts'
import { mediaPublishMessage } from '@schoolpost/policies'
import type { PayloadRequest } from 'payload'

import { currentImageRuleFacts, ruleFor } from '../../../access/lib/visibility-snapshot'
import { idsOf } from '../../../access/lib/users'
import { Refusal } from '../../../lib/refusal'

/**
 * The photos a staff member attaches to a message (S6), under exactly the image rules of posts
 * (S13, S16): each one readable by the sender with their own access (their uploads, the photos of
 * their posts), an image (a video belongs in a post), not hidden, and passing the tagging rule
 * and every tagged pupil's consent now. Returns the ids to store; refuses in Dutch, naming the
 * photo, before anything is written.
 */
export async function checkAttachments(req: PayloadRequest, value: unknown): Promise<string[]> {
  const ids = [...new Set(idsOf(value))]
  if (ids.length === 0) return []
  if (ids.length > MESSAGE_PHOTOS_MAX) {
    throw new Refusal(`Stuur ten hoogste ${MESSAGE_PHOTOS_MAX} foto's per bericht.`, 400, {
      code: 'too-many-photos',
    })
  }
  const [found, facts] = await Promise.all([
    req.payload.find({
      collection: 'media',
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: false,
      user: req.user,
      req,
      select: {
        alt: true,
        mimeType: true,
        hidden: true,
        pupils: true,
        noRecognisablePupils: true,
      },
    }),
    currentImageRuleFacts(req),
  ])
  if (found.docs.length !== ids.length) {
    throw new Refusal('Een van de foto’s bestaat niet of is niet van u.', 404, {
      code: 'photo-not-found',
    })
  }
  // Stored names are random: a photo is named by its description or its place in the choice.
  const position = new Map(ids.map((id, i) => [id, i + 1]))
  for (const item of found.docs) {
    const name = item.alt?.trim() ? `"${item.alt.trim()}"` : `Foto ${position.get(item.id)}`
    if (!item.mimeType?.startsWith('image/')) {
      throw new Refusal(
        `${name}: bij een gespreksbericht horen alleen foto’s. Plaats een video in een bericht aan de groep.`,
        422,
        { code: 'not-a-photo' },
      )
    }
    if (item.hidden) {
      throw new Refusal(`${name}: deze foto is verborgen voor ouders.`, 422, {
        code: 'photo-hidden',
      })
    }
    const result = ruleFor(facts, item, true)
    if (!result.ok) {
      const message = mediaPublishMessage({ result, minPupilsPerPhoto: facts.minPupilsPerPhoto })
      throw new Refusal(`${name}: ${message}`, 422, { code: 'photo-rule', reason: result.reason })
    }
  }
  return ids
}
