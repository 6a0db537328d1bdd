import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { ParentUser } from '../../access/lib/users'
import { now } from '../../lib/clock'

/**
 * A parent's own data (AVG, right of access and portability; issue #16), as one JSON document:
 * what the parent can read of each collection under the same access rules as every other read
 * (their account, their children, their consent choices and the history of them, reports,
 * conversations and messages, absences, leave requests, volunteer sign-ups, feedback and
 * house-rules acceptances). Read as the parent (`overrideAccess: false`), so field rules hide
 * what they hide anywhere else; only the two records that are about the parent but closed to
 * parents' reads (the history of their consent choices, their acceptances) are read by owner.
 *
 * Written as a stream, one page of each collection at a time: the memory it takes does not grow
 * with the family's history.
 */

export const EXPORT_PAGE_SIZE = 100

export type ExportSection = {
  key: string
  collection: CollectionSlug
  /** Read as the parent under the collection's access (true), or by owner (`where`). */
  asParent: boolean
  where?: (parent: ParentUser) => Where
  sort: string
}

export const EXPORT_SECTIONS: readonly ExportSection[] = [
  { key: 'children', collection: 'pupils', asParent: true, sort: 'firstName' },
  { key: 'imageConsents', collection: 'image-consents', asParent: true, sort: 'createdAt' },
  {
    key: 'imageConsentHistory',
    collection: 'image-consent-changes',
    asParent: false,
    where: (parent) => ({ guardian: { equals: parent.id } }),
    sort: 'createdAt',
  },
  { key: 'reports', collection: 'reports', asParent: true, sort: 'createdAt' },
  { key: 'conversations', collection: 'conversations', asParent: true, sort: 'createdAt' },
  { key: 'messages', collection: 'messages', asParent: true, sort: 'createdAt' },
  { key: 'absences', collection: 'absences', asParent: true, sort: 'createdAt' },
  { key: 'leaveRequests', collection: 'leave-requests', asParent: true, sort: 'createdAt' },
  { key: 'volunteerSignups', collection: 'volunteer-signups', asParent: true, sort: 'createdAt' },
  { key: 'feedback', collection: 'feedback', asParent: true, sort: 'createdAt' },
  {
    key: 'houseRulesAcceptances',
    collection: 'house-rules-acceptances',
    asParent: false,
    where: (parent) => ({ parent: { equals: parent.id } }),
    sort: 'acceptedAt',
  },
]

/** Every document of one section, page by page. */
export async function* sectionDocs(
  req: PayloadRequest,
  parent: ParentUser,
  section: ExportSection,
): AsyncGenerator<Record<string, unknown>> {
  for (let page = 1; ; page++) {
    const result = await req.payload.find({
      collection: section.collection,
      depth: 0,
      limit: EXPORT_PAGE_SIZE,
      page,
      sort: section.sort,
      ...(section.asParent
        ? { user: parent, overrideAccess: false }
        : { overrideAccess: true, where: section.where!(parent) }),
    })
    for (const doc of result.docs) yield doc as unknown as Record<string, unknown>
    if (!result.hasNextPage) return
  }
}

/** The whole export as JSON text chunks: a header, the account, then each section's array. */
export async function* exportChunks(
  req: PayloadRequest,
  parent: ParentUser,
  schoolName: string,
): AsyncGenerator<string> {
  // Payload's session list is the login's bookkeeping (ids and expiry), not the parent's data.
  const { sessions: _sessions, ...account } = await req.payload.findByID({
    collection: 'parents',
    id: parent.id,
    depth: 0,
    user: parent,
    overrideAccess: false,
  })
  const header = {
    format: 'schoolpost-export',
    version: 1,
    school: schoolName,
    exportedAt: now().toISOString(),
    about:
      'Alle gegevens die de school in Schoolpost over jou en je kinderen bewaart en die jij mag inzien. Foto’s en video’s staan niet in dit bestand.',
  }
  yield `{"export":${JSON.stringify(header)},"account":${JSON.stringify(account)}`
  for (const section of EXPORT_SECTIONS) {
    yield `,${JSON.stringify(section.key)}:[`
    let first = true
    for await (const doc of sectionDocs(req, parent, section)) {
      yield `${first ? '' : ','}${JSON.stringify(doc)}`
      first = false
    }
    yield ']'
  }
  yield '}\n'
}
