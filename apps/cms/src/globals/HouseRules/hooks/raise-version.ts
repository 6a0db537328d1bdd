import type { GlobalBeforeChangeHook } from 'payload'

import { postBodyHtml } from '../../../collections/Posts/hooks/body-output'
import { now } from '../../../lib/clock'
import { Refusal } from '../../../lib/refusal'
import { bodyOf, versionOf } from '../current'

/**
 * Every saved change of the text is a new version that every parent accepts again (S18); a save
 * that leaves the text as parents read it (the same HTML) keeps the number, so fixing the change
 * note or saving twice asks nothing of parents. The number and date are the server's: whatever a
 * request sends for them is overwritten here.
 */
export const raiseHouseRulesVersion: GlobalBeforeChangeHook = ({ data, originalDoc }) => {
  const html = postBodyHtml(data.body)
  if (!html.replace(/<[^>]*>/g, '').trim())
    throw new Refusal('De huisregels mogen niet leeg zijn.', 400)
  const previousVersion = versionOf(originalDoc)
  const changed = html !== postBodyHtml(bodyOf(originalDoc))
  return {
    ...data,
    version: changed ? previousVersion + 1 : previousVersion,
    publishedAt: changed ? now().toISOString() : (originalDoc?.publishedAt ?? null),
    // A note belongs to one version: an old note left standing does not describe the new text.
    changeNote:
      changed && (data.changeNote ?? null) === (originalDoc?.changeNote ?? null)
        ? null
        : (data.changeNote ?? null),
  }
}
