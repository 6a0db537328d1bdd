import {
  DEFAULT_SCHOOL_TIME_SETTINGS,
  getRetentionCutoffs,
  getSchoolNow,
  toRetentionSettings,
  type RetentionCutoffs,
} from '@schoolpost/policies'
import type { CollectionSlug, Payload, Where } from 'payload'
import { createLocalReq } from 'payload'

import { recordAuditEvent } from '../collections/AuditEvents/record'
import { mediaInUse } from '../collections/Media/media-in-use'
import { now as schoolNow } from '../lib/clock'

/** From this time on the school's clock, the night's run may start (after the day's work). */
export const RETENTION_FROM = '02:00'

/** Rows looked at per query: memory stays flat whatever the backlog. */
const BATCH = 50

export type RetentionKind =
  'posts' | 'media' | 'absences' | 'leaveRequests' | 'emailLog' | 'auditLog'

export type RetentionRun = {
  /** Everything older than the cutoffs is gone (false: the budget ran out, the next round goes on). */
  complete: boolean
  removed: Record<RetentionKind, number>
  /** Rows kept although old: a post with an open report (DELETE_RULES refuses it), media in use. */
  kept: number
}

const LABELS: Record<RetentionKind, [string, string]> = {
  posts: ['bericht', 'berichten'],
  media: ['foto of video', "foto's en video's"],
  absences: ['ziekmelding of afwezigheid', 'ziekmeldingen en afwezigheden'],
  leaveRequests: ['verlofaanvraag', 'verlofaanvragen'],
  emailLog: ['regel e-maillog', 'regels e-maillog'],
  auditLog: ['regel beveiligingslog', 'regels beveiligingslog'],
}

/** "3 berichten, 1 foto of video" — or "niets" when nothing was removed. */
export function describeRemoved(removed: Record<RetentionKind, number>): string {
  const parts = (Object.keys(LABELS) as RetentionKind[])
    .filter((kind) => removed[kind] > 0)
    .map((kind) => `${removed[kind]} ${LABELS[kind][removed[kind] === 1 ? 0 : 1]}`)
  return parts.length ? parts.join(', ') : 'niets'
}

/**
 * Removes what the school's retention settings no longer allow to keep (issue #16;
 * `getRetentionCutoffs` in the policies is the rule): posts, then the media no remaining post or
 * message uses, absences, leave requests, the email log and the security log. Documents go one by
 * one through Payload (their delete rules, stored files and caches go with them); the two logs,
 * which nothing points at, in one statement each. Works until `budgetMs` has passed, so a large
 * backlog (the first night of a school with years of photos) is spread over several rounds.
 */
export async function applyRetention({
  payload,
  now = schoolNow(),
  budgetMs = 10_000,
}: {
  payload: Payload
  now?: Date
  budgetMs?: number
}): Promise<RetentionRun & { cutoffs: RetentionCutoffs }> {
  const started = Date.now()
  const outOfTime = () => Date.now() - started > budgetMs
  const stored = await payload.findGlobal({ slug: 'school-settings', depth: 0 })
  const cutoffs = getRetentionCutoffs({
    now,
    timeZone: stored.timeZone || DEFAULT_SCHOOL_TIME_SETTINGS.timeZone,
    settings: toRetentionSettings(stored.retention),
  })
  const removed: Record<RetentionKind, number> = {
    posts: 0,
    media: 0,
    absences: 0,
    leaveRequests: 0,
    emailLog: 0,
    auditLog: 0,
  }
  let kept = 0
  const postsBefore = cutoffs.postsBefore.toISOString()

  /**
   * Deletes the documents matching `where`, oldest first, a batch at a time. A cursor on
   * `createdAt` moves past what is kept, so a kept row is not looked at again this round.
   */
  const sweep = async (
    kind: RetentionKind,
    collection: CollectionSlug,
    where: Where,
    keep: (ids: string[]) => Promise<Set<string>> = async () => new Set(),
  ): Promise<boolean> => {
    let after: string | null = null
    for (;;) {
      if (outOfTime()) return false
      const { docs }: { docs: { id: string; createdAt: string }[] } = (await payload.find({
        collection,
        where: after ? { and: [where, { createdAt: { greater_than: after } }] } : where,
        sort: 'createdAt',
        limit: BATCH,
        depth: 0,
        pagination: false,
        select: { createdAt: true },
        overrideAccess: true,
      })) as never
      if (docs.length === 0) return true
      const keepIds = await keep(docs.map((doc) => String(doc.id)))
      for (const doc of docs) {
        after = String(doc.createdAt)
        if (keepIds.has(String(doc.id))) {
          kept++
          continue
        }
        try {
          await payload.delete({
            collection,
            id: doc.id,
            overrideAccess: true,
            context: { retention: true },
          })
          removed[kind]++
        } catch (error) {
          // A delete rule keeps it (a post with an open report, 409) or a hook refuses it: it
          // stays, the run goes on. A failure of the server itself stops the run.
          const status = (error as { status?: number }).status ?? 500
          if (status >= 400 && status < 500) kept++
          else throw error
        }
        if (outOfTime()) return false
      }
    }
  }

  /** Media still in a post that stays, or in a message (conversations are not aged out). */
  const keepMedia = (ids: string[]) => mediaInUse(payload, ids)

  const complete =
    (await sweep('posts', 'posts', { publishedAt: { less_than: postsBefore } })) &&
    // Drafts that were never published: by their last change.
    (await sweep('posts', 'posts', {
      and: [{ status: { equals: 'draft' } }, { updatedAt: { less_than: postsBefore } }],
    })) &&
    (await sweep('media', 'media', { createdAt: { less_than: postsBefore } }, keepMedia)) &&
    (await sweep('absences', 'absences', { date: { less_than: cutoffs.absencesBefore } })) &&
    (await sweep('leaveRequests', 'leave-requests', { to: { less_than: cutoffs.absencesBefore } }))

  if (complete) {
    removed.emailLog = await deleteOlder(payload, 'email-log', cutoffs.emailLogBefore)
    removed.auditLog = await deleteOlder(payload, 'audit-events', cutoffs.auditLogBefore)
  }
  return { complete, removed, kept, cutoffs }
}

/** Log rows (nothing points at them, no hooks): counted, then deleted in one statement. */
async function deleteOlder(
  payload: Payload,
  collection: 'email-log' | 'audit-events',
  before: Date,
): Promise<number> {
  const where: Where = { createdAt: { less_than: before.toISOString() } }
  const { totalDocs } = await payload.db.count({ collection, where })
  if (totalDocs > 0) await payload.db.deleteMany({ collection, where })
  return totalDocs
}

/** Per process: the school date whose run is complete (later rounds that day cost no query). */
const doneFor = new WeakMap<Payload, string>()

/**
 * Called by the outbox runner every round (it holds the jobs lease, so one process runs it):
 * from 02:00 school time, once a day, until the day's run is complete. Each round that removed
 * something, and each day's completion, is a row in the security log.
 */
export async function runRetentionIfDue({
  payload,
  now = schoolNow(),
  budgetMs,
}: {
  payload: Payload
  now?: Date
  budgetMs?: number
}): Promise<RetentionRun | null> {
  const stored = await cachedTimeZone(payload)
  const school = getSchoolNow({ now, timeZone: stored })
  if (school.time < RETENTION_FROM || doneFor.get(payload) === school.date) return null
  const once = `retention:${school.date}`
  const seen = await payload.db.findOne({
    collection: 'audit-events',
    where: { key: { equals: once } },
  })
  if (seen) {
    doneFor.set(payload, school.date)
    return null
  }
  const run = await applyRetention({ payload, now, ...(budgetMs ? { budgetMs } : {}) })
  const req = await createLocalReq({}, payload)
  const kept = run.kept ? ` ${run.kept} bewaard (open melding of nog in gebruik).` : ''
  if (run.complete) {
    await recordAuditEvent(req, {
      type: 'retention',
      actor: { type: 'system', name: 'Schoolpost' },
      summary: `Bewaartermijnen toegepast: ${describeRemoved(run.removed)} verwijderd.${kept}`,
      address: null,
      once,
    })
    doneFor.set(payload, school.date)
  } else {
    await recordAuditEvent(req, {
      type: 'retention',
      actor: { type: 'system', name: 'Schoolpost' },
      summary: `Bewaartermijnen, deel van de nacht: ${describeRemoved(run.removed)} verwijderd; de volgende ronde gaat verder.${kept}`,
      address: null,
    })
  }
  return run
}

let zoneMemo: { payload: Payload; zone: string; at: number } | null = null

/** The school's zone, read at most once a minute (the runner asks every few seconds). */
async function cachedTimeZone(payload: Payload): Promise<string> {
  if (zoneMemo && zoneMemo.payload === payload && Date.now() - zoneMemo.at < 60_000)
    return zoneMemo.zone
  const stored = await payload.findGlobal({ slug: 'school-settings', depth: 0 })
  const zone = stored.timeZone || DEFAULT_SCHOOL_TIME_SETTINGS.timeZone
  zoneMemo = { payload, zone, at: Date.now() }
  return zone
}
