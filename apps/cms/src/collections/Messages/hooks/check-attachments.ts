import { MESSAGE_PHOTOS_MAX } from '@schoolpost/contracts'
import { checkMediaAudience, mediaAudienceMessage, mediaPublishMessage } from '@schoolpost/policies'
import type { PayloadRequest } from 'payload'

import { currentImageRuleFacts, ruleFor } from '../../../access/lib/visibility-snapshot'
import { idOf, idsOf } from '../../../access/lib/users'
import { Refusal } from '../../../lib/refusal'

/**
 * The photos a staff member attaches to a message (S6), under exactly the image rules of posts
 * (S13, S16): each one readable by the sender with their own access (their uploads, the photos of
 * their posts), an image (a video belongs in a post), not hidden, passing the tagging rule and
 * every tagged pupil's consent now, and showing only pupils of the conversation's pupil's group
 * (`checkMediaAudience`: the family is reached as parents of that group). Returns the ids to
 * store; refuses in Dutch, naming the photo, before anything is written.
 */
export async function checkAttachments(
  req: PayloadRequest,
  value: unknown,
  { pupilId }: { pupilId: string | null },
): Promise<string[]> {
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
  const tagged = [...new Set(found.docs.flatMap((item) => idsOf(item.pupils)))]
  const pupils = await req.payload.find({
    collection: 'pupils',
    where: { id: { in: [...tagged, ...(pupilId ? [pupilId] : [])] } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { group: true },
  })
  const pupilGroupIds = new Map(pupils.docs.map((p) => [p.id, idOf(p.group)]))
  const audienceGroup = pupilId ? pupilGroupIds.get(pupilId) : null
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
    const audience = checkMediaAudience({
      taggedPupilIds: idsOf(item.pupils),
      pupilGroupIds,
      audienceGroupIds: audienceGroup ? [audienceGroup] : [],
    })
    if (!audience.ok) {
      const message = mediaAudienceMessage({ pupilCount: audience.pupilIds.length })
      throw new Refusal(`${name}: ${message}`, 422, { code: 'photo-rule', reason: audience.reason })
    }
  }
  return ids
}
