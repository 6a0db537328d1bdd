import { checkMediaPublishable, mediaPublishMessage } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { refusedPupilIds } from '../../../access/lib/parent-visibility'
import { teacherGroupIds } from '../../../access/lib/scope'
import { hasRole, staffUser } from '../../../access/lib/users'

const ids = (values: unknown): string[] =>
  ((values as (string | { id: string })[] | null | undefined) ?? []).map((v) =>
    typeof v === 'string' ? v : v.id,
  )

/**
 * Before a post is saved: a teacher posts only to their own groups; a group post names its groups;
 * and nothing is published (or scheduled) with a photo that breaks the image rules (S13, S16).
 */
export const checkPost: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const post = { ...originalDoc, ...data }
  const errors: { path: string; message: string }[] = []
  const groups = ids(post.groups)
  if (post.audience === 'groups' && groups.length === 0) {
    errors.push({
      path: 'groups',
      message: 'Kies minstens één groep, of maak het een bericht voor de hele school.',
    })
  }
  if (hasRole(req, 'teacher') && post.audience === 'groups') {
    const own = await teacherGroupIds(req)
    if (groups.some((g) => !own.includes(g))) {
      errors.push({
        path: 'groups',
        message: 'Je kunt alleen berichten plaatsen voor je eigen groepen.',
      })
    }
  }
  if (post.status === 'scheduled' && !post.publishAt) {
    errors.push({
      path: 'publishAt',
      message: 'Kies wanneer het bericht gepubliceerd moet worden.',
    })
  }
  // Hiding is always allowed: it is what staff do when a photo turns out to be a problem, e.g.
  // after a guardian withdrew consent (which would otherwise fail the photo check below).
  const hiding = !!data.hidden && !originalDoc?.hidden
  if ((post.status === 'published' || post.status === 'scheduled') && !hiding) {
    const gallery = ids(post.gallery)
    if (gallery.length) {
      const [settings, media, refused] = await Promise.all([
        req.payload.findGlobal({ slug: 'school-settings', depth: 0, req }),
        req.payload.find({
          collection: 'media',
          where: { id: { in: gallery } },
          depth: 0,
          limit: 0,
          pagination: false,
          overrideAccess: true,
          req,
        }),
        refusedPupilIds(req),
      ])
      for (const item of media.docs) {
        const result = checkMediaPublishable({
          taggedPupilIds: ids(item.pupils),
          noRecognisablePupils: !!item.noRecognisablePupils,
          minPupilsPerPhoto: settings.minPupilsPerPhoto,
          refusedPupilIds: [...refused],
        })
        if (!result.ok) {
          errors.push({
            path: 'gallery',
            message: `${item.filename}: ${mediaPublishMessage({ result, minPupilsPerPhoto: settings.minPupilsPerPhoto })}`,
          })
        }
      }
    }
  }
  if (errors.length) throw new ValidationError({ collection: 'posts', errors })

  const next = { ...data }
  if (operation === 'create') next.author = staffUser(req)?.id ?? null
  if (post.status === 'published' && originalDoc?.status !== 'published')
    next.publishedAt = new Date().toISOString()
  if (post.status === 'scheduled') next.publishedAt = post.publishAt
  return next
}
