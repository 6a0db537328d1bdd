import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { idsOf } from '../../../access/lib/users'
import { mediaRuleNow } from '../../../access/lib/parent-visibility'
import { bumpVisibilityVersion } from '../../../access/lib/visibility-version'
import { recordAuditEvent } from '../../AuditEvents/record'
import { mediaInUse } from '../../Media/media-in-use'
import type { Family } from './find-family'

/** What an erasure does, one line per kind of record, in the order the admin shows them. */
export type ErasureEffect = { key: string; label: string; count: number }

export type ErasureReport = {
  dryRun: boolean
  parents: Family['parents']
  pupils: Family['pupils']
  effects: ErasureEffect[]
}

/** The name left where a record of someone else's stays (a message in another child's chat). */
export const ERASED_NAME = 'Gewist'
const ERASED_TEXT = 'Gewist op verzoek van de school (AVG).'
/** Hooks that would log or mail about a single record stay quiet during an erasure. */
export const ERASURE_CONTEXT = { erasure: true } as const

const PAGE = 100

/**
 * Erases a departed family (issue #16, AVG art. 17), or — `dryRun` — says what that would do,
 * with the same queries. In this order, so a run stopped halfway can be run again from anyone
 * who remains:
 *
 * 1. photos and videos lose the children's tags (through Payload: the visibility version moves);
 *    one that keeps fewer tagged pupils than the school's minimum can no longer be shared;
 * 2. photos sent in the children's conversations that nothing else shows are deleted (files too);
 * 3. what stays but names the parents loses the name and text: their reports, their messages,
 *    read marks and reports in conversations of children outside the family;
 * 4. the consent history stays as proof, without the pupil and the guardian;
 * 5. queued emails and the email log of their addresses go;
 * 6. the pupils are deleted, and with them (db/delete-rules.ts) their consents, absences, leave
 *    requests and conversations with messages, read marks and openings;
 * 7. the parents are deleted, and with them their sessions, password hash, reset token and iCal
 *    secret (fields of the account), invitations, house-rules acceptances, feedback, sign-ups and
 *    notification rows;
 * 8. the security log keeps its rows without their names and addresses, and gets one row for
 *    the erasure itself (counts, no names).
 */
export async function eraseFamily(
  req: PayloadRequest,
  family: Family,
  { dryRun }: { dryRun: boolean },
): Promise<ErasureReport> {
  const payload = req.payload
  const parentIds = family.parents.map((p) => p.id)
  const pupilIds = family.pupils.map((p) => p.id)
  const emails = family.parents.map((p) => p.email.toLowerCase())
  const pupilSet = new Set(pupilIds)
  const effects: ErasureEffect[] = []
  const effect = (key: string, label: string, count: number) => effects.push({ key, label, count })
  const none = { id: { in: [] as string[] } }
  const inList = (field: string, ids: string[]): Where =>
    ids.length ? { [field]: { in: ids } } : none
  const count = async (collection: CollectionSlug, where: Where) =>
    (await payload.count({ collection, where, overrideAccess: true })).totalDocs
  const allIds = async (collection: CollectionSlug, where: Where) =>
    (
      await payload.find({
        collection,
        where,
        depth: 0,
        pagination: false,
        select: {},
        overrideAccess: true,
      })
    ).docs.map((doc) => String(doc.id))

  const conversationIds = await allIds('conversations', inList('pupil', pupilIds))

  // 1. Photos sent in the children's conversations that nothing else shows (deleted below).
  const messagePhotos = new Set<string>()
  if (conversationIds.length) {
    const messages = await payload.find({
      collection: 'messages',
      where: inList('conversation', conversationIds),
      depth: 0,
      pagination: false,
      select: { attachments: true },
      overrideAccess: true,
    })
    for (const message of messages.docs)
      for (const id of idsOf(message.attachments)) messagePhotos.add(id)
  }
  const shownElsewhere = await mediaInUse(payload, [...messagePhotos], {
    exceptConversations: conversationIds,
  })
  for (const id of shownElsewhere) messagePhotos.delete(id)
  // 2. Tags on photos and videos (the conversation photos are deleted instead).
  const retag: { id: string; pupils: string[] }[] = []
  let unpublishable = 0
  for (let page = 1; pupilIds.length; page++) {
    const found = await payload.find({
      collection: 'media',
      where: { pupils: { in: pupilIds } },
      depth: 0,
      limit: PAGE,
      page,
      select: { pupils: true, noRecognisablePupils: true },
      overrideAccess: true,
      sort: 'createdAt',
    })
    for (const media of found.docs) {
      // Deleted below with its conversation: not counted as untagged.
      if (messagePhotos.has(media.id)) continue
      const remaining = idsOf(media.pupils).filter((id) => !pupilSet.has(id))
      const before = await mediaRuleNow(req, media, { withConsent: false })
      const after = await mediaRuleNow(req, { ...media, pupils: remaining }, { withConsent: false })
      retag.push({ id: media.id, pupils: remaining })
      if (before.ok && !after.ok) unpublishable++
    }
    if (!found.hasNextPage) break
  }
  // Read first, written after: an update changes what the query matches (and so its pages).
  if (!dryRun)
    for (const { id, pupils } of retag)
      await payload.update({
        collection: 'media',
        id,
        data: { pupils },
        overrideAccess: true,
        context: ERASURE_CONTEXT,
        req,
      })
  const untagged = retag.length
  effect('media-tags', "Foto's en video's waarop de kinderen niet meer getagd zijn", untagged)
  effect(
    'media-unpublishable',
    'Daarvan niet meer te delen: te weinig getagde leerlingen over',
    unpublishable,
  )

  effect('message-photos', "Foto's uit hun gesprekken (met de bestanden)", messagePhotos.size)
  if (!dryRun)
    for (const id of messagePhotos)
      await payload.delete({
        collection: 'media',
        id,
        overrideAccess: true,
        context: ERASURE_CONTEXT,
        req,
      })

  // 3. What stays but names them: their reports, and their part in other children's chats.
  const reportWhere = inList('reporter', parentIds)
  effect(
    'reports',
    'Meldingen van de ouders: naam en tekst gewist',
    await count('reports', reportWhere),
  )
  const otherChats = (field: string): Where => ({
    and: [inList(field, parentIds), { conversation: { not_in: conversationIds } }],
  })
  const elsewhere: [CollectionSlug, Where, Record<string, unknown>][] = [
    [
      'messages',
      otherChats('authorParent'),
      { authorParent: null, authorName: ERASED_NAME, body: ERASED_TEXT, starterParent: null },
    ],
    [
      'conversations',
      { and: [inList('startedByParent', parentIds), { id: { not_in: conversationIds } }] },
      { startedByParent: null, starterName: ERASED_NAME },
    ],
    [
      'conversation-reads',
      otherChats('readerParent'),
      { readerParent: null, readerName: ERASED_NAME },
    ],
    [
      'absences',
      { and: [inList('reportedBy', parentIds), { pupil: { not_in: pupilIds } }] },
      { reportedBy: null, reporterName: ERASED_NAME },
    ],
    [
      'leave-requests',
      { and: [inList('requestedBy', parentIds), { pupil: { not_in: pupilIds } }] },
      { requestedBy: null, requesterName: ERASED_NAME },
    ],
  ]
  let elsewhereCount = 0
  for (const [collection, where] of elsewhere) elsewhereCount += await count(collection, where)
  effect(
    'elsewhere',
    'Berichten, gesprekken en meldingen over andere kinderen: naam (en tekst) van de ouders gewist',
    elsewhereCount,
  )
  if (!dryRun) {
    if (parentIds.length)
      await payload.db.updateMany({
        collection: 'reports',
        where: reportWhere,
        data: { reporter: null, text: ERASED_TEXT },
        req,
      })
    for (const [collection, where, data] of elsewhere)
      if (parentIds.length) await payload.db.updateMany({ collection, where, data, req })
  }

  // 4. The consent history, kept as proof without the persons.
  const historyWhere: Where = {
    or: [inList('pupil', pupilIds), inList('guardian', parentIds)],
  }
  effect(
    'consent-history',
    'Wijzigingen van privacyvoorkeuren: blijven als bewijs, zonder leerling en ouder',
    await count('image-consent-changes', historyWhere),
  )
  if (!dryRun) {
    if (pupilIds.length)
      await payload.db.updateMany({
        collection: 'image-consent-changes',
        where: inList('pupil', pupilIds),
        data: { pupil: null },
        req,
      })
    if (parentIds.length)
      await payload.db.updateMany({
        collection: 'image-consent-changes',
        where: inList('guardian', parentIds),
        data: { guardian: null },
        req,
      })
  }

  // 5. Emails: queued (a job's input names the address) and logged.
  const jobIds: string[] = []
  const needles = [...emails, ...parentIds, ...pupilIds]
  for (let page = 1; needles.length; page++) {
    const jobs = await payload.find({
      collection: 'payload-jobs',
      depth: 0,
      limit: PAGE,
      page,
      select: { input: true },
      overrideAccess: true,
      sort: 'createdAt',
    })
    for (const job of jobs.docs) {
      const input = JSON.stringify(job.input ?? '').toLowerCase()
      if (needles.some((needle) => input.includes(needle))) jobIds.push(String(job.id))
    }
    if (!jobs.hasNextPage) break
  }
  const mailWhere = inList('to', emails)
  effect(
    'emails',
    'E-mails aan de ouders: wachtrij en e-maillog',
    jobIds.length + (await count('email-log', mailWhere)),
  )
  if (!dryRun) {
    if (jobIds.length)
      await payload.db.deleteMany({
        collection: 'payload-jobs',
        where: { id: { in: jobIds } },
        req,
      })
    if (emails.length)
      await payload.db.deleteMany({ collection: 'email-log', where: mailWhere, req })
  }

  // 6. The pupils, and what is theirs alone.
  effect('pupils', 'Leerlingen', pupilIds.length)
  effect(
    'consents',
    'Privacyvoorkeuren',
    await count('image-consents', {
      or: [inList('pupil', pupilIds), inList('guardian', parentIds)],
    }),
  )
  effect(
    'absences',
    'Ziekmeldingen en afwezigheden',
    await count('absences', inList('pupil', pupilIds)),
  )
  effect(
    'leave-requests',
    'Verlofaanvragen',
    await count('leave-requests', inList('pupil', pupilIds)),
  )
  effect('conversations', 'Gesprekken over de kinderen', conversationIds.length)
  effect(
    'messages',
    'Berichten in die gesprekken',
    await count('messages', inList('conversation', conversationIds)),
  )
  if (!dryRun)
    for (const id of pupilIds)
      await payload.delete({
        collection: 'pupils',
        id,
        overrideAccess: true,
        context: ERASURE_CONTEXT,
        req,
      })

  // 7. The parents' accounts, and what is theirs alone.
  effect(
    'parents',
    'Ouderaccounts, met sessies, wachtwoord, uitnodigingen en agendalink',
    parentIds.length,
  )
  effect(
    'house-rules',
    'Akkoorden met de huisregels',
    await count('house-rules-acceptances', inList('parent', parentIds)),
  )
  effect('feedback', 'Feedback', await count('feedback', inList('parent', parentIds)))
  effect(
    'signups',
    'Aanmeldingen voor hulpvragen',
    await count('volunteer-signups', inList('parent', parentIds)),
  )
  effect(
    'notifications',
    'Verzendregels van nieuwsmeldingen',
    await count('post-notifications', inList('parent', parentIds)),
  )
  if (!dryRun)
    for (const id of parentIds)
      await payload.delete({
        collection: 'parents',
        id,
        overrideAccess: true,
        context: ERASURE_CONTEXT,
        req,
      })

  // 8. The security log: rows stay, names and addresses go.
  const everyone = [...parentIds, ...pupilIds]
  const asActor = inList('actorId', everyone)
  const asSubject = inList('subjectId', [...everyone, ...conversationIds])
  effect(
    'audit',
    'Regels in het beveiligingslog: zonder naam en IP-adres',
    await count('audit-events', { or: [asActor, asSubject] }),
  )
  if (!dryRun) {
    if (everyone.length) {
      await payload.db.updateMany({
        collection: 'audit-events',
        where: asActor,
        data: { actorId: null, actorName: ERASED_NAME, address: null },
        req,
      })
    }
    if (conversationIds.length)
      await payload.db.updateMany({
        collection: 'audit-events',
        where: inList('subjectId', conversationIds),
        // The director's reason may name the child.
        data: { subjectId: null, subjectName: ERASED_NAME, summary: 'Gesprek geopend (gewist).' },
        req,
      })
    if (everyone.length)
      await payload.db.updateMany({
        collection: 'audit-events',
        where: inList('subjectId', everyone),
        data: { subjectId: null, subjectName: ERASED_NAME },
        req,
      })
    await recordAuditEvent(req, {
      type: 'erasure',
      summary: `Gezin gewist: ${describeFamily(family)}. ${untagged} ${untagged === 1 ? 'foto of video' : "foto's en video's"} zonder hun tags, ${messagePhotos.size} ${messagePhotos.size === 1 ? 'foto' : "foto's"} uit gesprekken verwijderd.`,
    })
    await bumpVisibilityVersion(req)
  }
  return { dryRun, parents: family.parents, pupils: family.pupils, effects }
}

/** "2 ouders en 1 leerling" — counts, never names (this line stays in the log). */
export function describeFamily(family: Family): string {
  const parents = family.parents.length
  const pupils = family.pupils.length
  return `${parents} ${parents === 1 ? 'ouder' : 'ouders'} en ${pupils} ${pupils === 1 ? 'leerling' : 'leerlingen'}`
}
