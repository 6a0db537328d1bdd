import { checkConduct } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { parentVisibleMediaIds } from '../../../access/lib/parent-visibility'
import { idOf, type ParentUser, parentUser } from '../../../access/lib/users'
import { conductTermsOf } from '../../Messages/hooks/conduct'

const invalid = (path: string, message: string) =>
  new ValidationError({ collection: 'reports', errors: [{ path, message }] })

/**
 * A message in a conversation: one the parent can read (the same access rules, with their own
 * user: delivered, in a conversation they take part in) and did not write themselves.
 */
async function checkReportedMessage(req: PayloadRequest, parent: ParentUser, messageId: string) {
  const message = await req.payload.findByID({
    collection: 'messages',
    id: messageId,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
    disableErrors: true,
    select: { status: true, authorParent: true },
  })
  if (!message || message.status !== 'delivered') {
    throw invalid('message', 'Dit bericht bestaat niet of is niet voor u.')
  }
  if (idOf(message.authorParent) === parent.id) {
    throw invalid('message', 'U kunt uw eigen bericht niet melden; u kunt het wel aanpassen.')
  }
}

/**
 * A parent reports only what they can see: the post (and the photo, if given) or the message
 * must be readable for them — checked through the same access rules, with their own user. The
 * text passes the conduct check (S19); a flagged one is kept for the directors with the reason.
 */
export const checkReport: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const parent = parentUser(req)
  if (!parent) return data
  const conduct = checkConduct({
    text: typeof data.text === 'string' ? data.text : '',
    extraTerms: await conductTermsOf(req),
  })
  const heldRule = conduct.ok ? null : conduct.rule
  const messageId = idOf(data.message as string | { id: string } | null | undefined)
  if (messageId) {
    if (data.post || data.media) {
      throw invalid('message', 'Meld een bericht in een gesprek, of een bericht op de tijdlijn.')
    }
    await checkReportedMessage(req, parent, messageId)
    return { ...data, message: messageId, reporter: parent.id, status: 'open', heldRule }
  }
  const postId = typeof data.post === 'string' ? data.post : data.post?.id
  const post = postId
    ? await req.payload.findByID({
        collection: 'posts',
        id: postId,
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
        disableErrors: true,
      })
    : null
  if (!post) throw invalid('post', 'Dit bericht bestaat niet of is niet voor u.')
  const mediaId = typeof data.media === 'string' ? data.media : data.media?.id
  if (mediaId) {
    // The raw gallery, and the item must be one they can see. Without the parent's req: the
    // posts' afterRead hook trims a parent's gallery (at depth 0 to nothing at all).
    const raw = await req.payload.findByID({
      collection: 'posts',
      id: post.id,
      depth: 0,
      overrideAccess: true,
      select: { gallery: true },
    })
    const inPost = (raw.gallery ?? []).some((m) => (typeof m === 'string' ? m : m.id) === mediaId)
    if (!inPost || !(await parentVisibleMediaIds(req)).includes(mediaId))
      throw invalid('media', 'Deze foto hoort niet bij dit bericht.')
  }
  return { ...data, message: null, reporter: parent.id, status: 'open', heldRule }
}
