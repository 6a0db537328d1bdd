import type {
  CollectionBeforeOperationHook,
  Field,
  FieldAccess,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { Refusal } from '../../lib/refusal'
import type { Staff } from '../../payload-types'
import { staffUser } from './users'

/** Who writes, as the lists below name them. */
export type Writer = 'parent' | Staff['role']
export type WriteOperation = 'create' | 'update'
export type FieldLists = Partial<Record<Writer, Partial<Record<WriteOperation, readonly string[]>>>>

/**
 * The only fields a role may write, per collection and operation (a dotted path names a field in
 * a group). A parent writes nothing that is not listed here, in every collection that uses
 * `writableFields` — a collection that later lets parents write has to list what. A staff role is
 * limited only where it has a list; otherwise the collection's access and the field's own rule
 * decide.
 *
 * Unlisted fields are ignored (Payload's field access drops them), not refused: the admin sends
 * the whole document on every save, so a refusal would stop staff from saving at all. Parents get
 * the same, so that one rule holds on every channel; the portal never sends an unlisted field, so
 * only a hand-made request ever loses one.
 */
/** What the staff who ask for help write on a volunteer request (create and update alike). */
const VOLUNTEER_REQUEST_FIELDS = [
  'title',
  'description',
  'audience',
  'groups',
  'slots',
  'opensAt',
  'closesAt',
  'waitlist',
  'status',
] as const

/** What staff write on a calendar item (whose calendar: check-event.ts). */
const EVENT_FIELDS = [
  'title',
  'description',
  'location',
  'audience',
  'groups',
  'allDay',
  'date',
  'endDate',
  'from',
  'to',
  'volunteerRequest',
  'status',
] as const

export const WRITABLE_FIELDS = {
  // A parent's own account: the rest (login address, children, status) is the school's.
  parents: {
    parent: {
      update: [
        'name',
        'phone',
        'preferredLanguage',
        'notifications.news',
        'notifications.group',
        'notifications.messages',
      ],
    },
  },
  // "Meld dit bericht": the parent says what and why. Staff only handle it afterwards; what was
  // reported, and by whom, stays as the parent filed it.
  reports: {
    parent: { create: ['post', 'media', 'message', 'category', 'text'] },
    director: { update: ['status', 'staffNote'] },
    teacher: { update: ['status', 'staffNote'] },
  },
  // Absences (S9, S10): what a report says is written once, by the parent or the office (a phone
  // call); afterwards only the status moves (collections/Absences/hooks/check-absence-change.ts).
  absences: {
    parent: {
      create: ['pupil', 'kind', 'date', 'fromTime', 'toTime', 'reason', 'note'],
      update: ['status'],
    },
    office: {
      create: ['pupil', 'kind', 'date', 'fromTime', 'toTime', 'reason', 'note'],
      update: ['status'],
    },
    director: {
      create: ['pupil', 'kind', 'date', 'fromTime', 'toTime', 'reason', 'note'],
      update: ['status'],
    },
    teacher: { create: [], update: ['status'] },
  },
  // Leave: the parent asks (and may withdraw), the director decides with a message.
  'leave-requests': {
    parent: { create: ['pupil', 'from', 'to', 'reason', 'note'], update: ['status'] },
    director: { create: [], update: ['status', 'decisionMessage'] },
    office: { create: [], update: [] },
    teacher: { create: [], update: [] },
  },
  // Conversations (S6, S7): the starter names the pupil and the subject, nothing changes after.
  conversations: {
    parent: { create: ['pupil', 'subject'], update: [] },
    teacher: { create: ['pupil', 'subject'], update: [] },
    director: { create: ['pupil', 'subject'], update: [] },
    office: { create: [], update: [] },
  },
  // A message: the writer its text (a parent may correct it, check-message-change.ts), staff
  // photos with it; after sending staff change only its status (hide, show again).
  messages: {
    parent: { create: ['conversation', 'body'], update: ['body'] },
    teacher: { create: ['conversation', 'body', 'attachments'], update: ['status'] },
    director: { create: ['conversation', 'body', 'attachments'], update: ['status'] },
    office: { create: [], update: [] },
  },
  // A director opening a conversation says which and why; the rest is the login's.
  'conversation-openings': {
    director: { create: ['conversation', 'reason'], update: [] },
    teacher: { create: [], update: [] },
    office: { create: [], update: [] },
  },
  // A volunteer request: its staff writes it (which groups: check-volunteer-request.ts). Sign-ups
  // and places are written by the sign-up endpoints only.
  'volunteer-requests': {
    director: { create: VOLUNTEER_REQUEST_FIELDS, update: VOLUNTEER_REQUEST_FIELDS },
    teacher: { create: VOLUNTEER_REQUEST_FIELDS, update: VOLUNTEER_REQUEST_FIELDS },
    office: { create: [], update: [] },
  },
  // Feedback (S20): the parent says what about and whether teachers may see the name; directors
  // answer and move the status. Who sent it is the hook's.
  feedback: {
    parent: { create: ['topic', 'message', 'anonymous'] },
    director: { update: ['status', 'answer'] },
    teacher: { create: [], update: [] },
    office: { create: [], update: [] },
  },
  // A calendar item: like a volunteer request, its staff writes it.
  events: {
    director: { create: EVENT_FIELDS, update: EVENT_FIELDS },
    teacher: { create: EVENT_FIELDS, update: EVENT_FIELDS },
    office: { create: [], update: [] },
  },
  // Teachers and office update only their own record (`staffUpdate`), and there only their
  // name: the login address and the role are the director's, the password goes through
  // change-password.
  staff: {
    teacher: { update: ['name'] },
    office: { update: ['name'] },
  },
} satisfies Record<string, FieldLists>

/**
 * Fields only the collection's own hooks write (who created it, when it went live, derived
 * labels): nobody sets them through the API, staff included. The Local API with overrideAccess
 * (seed, import, our endpoints) is trusted and still may.
 */
export const SET_BY_HOOKS = {
  absences: [
    'title',
    'channel',
    'group',
    'reporterName',
    'reportedBy',
    'recordedBy',
    'acknowledgedBy',
    'acknowledgedAt',
    'cancelledAt',
    'activeKey',
  ],
  'leave-requests': [
    'title',
    'late',
    'schoolDays',
    'beyondDirector',
    'group',
    'requesterName',
    'requestedBy',
    'decidedBy',
    'decidedAt',
  ],
  conversations: ['kind', 'starterName', 'startedByParent', 'startedByStaff', 'lastMessageAt'],
  messages: [
    'heldRule',
    'authorName',
    'authorParent',
    'authorStaff',
    'sentAt',
    'editedAt',
    'hiddenBy',
    'hiddenAt',
    'pupil',
    'kind',
    'starterParent',
    'withPhotos',
  ],
  'conversation-reads': [
    'conversation',
    'readerName',
    'readAt',
    'readerParent',
    'readerStaff',
    'readKey',
    'pupil',
    'kind',
    'starterParent',
  ],
  'conversation-openings': ['director', 'directorName'],
  // Written only through the database adapter (AuditEvents/record.ts).
  'audit-events': [
    'type',
    'actorType',
    'actorId',
    'actorName',
    'subjectType',
    'subjectId',
    'subjectName',
    'summary',
    'address',
    'key',
  ],
  feedback: ['parent', 'parentName', 'answeredAt', 'answeredBy'],
  // Written only by the accept endpoint (Parents/endpoints/house-rules.ts).
  'house-rules-acceptances': ['parent', 'parentName', 'version', 'acceptedAt', 'key'],
  'volunteer-requests': ['createdBy'],
  events: ['createdBy'],
  media: ['uploadedBy'],
  posts: ['author', 'publishedAt', 'notifyRound'],
  pupils: ['fullName', 'tagLabel'],
  reports: ['reporter', 'heldRule'],
} satisfies Record<string, readonly string[]>

export function writerOf(req: PayloadRequest): Writer | null {
  if ((req.user as { collection?: string } | null)?.collection === 'parents') return 'parent'
  return staffUser(req)?.role ?? null
}

/** A field path is allowed when it, an enclosing group or a field inside it is listed. */
function listed(path: string, list: readonly string[]): boolean {
  return list.some((l) => l === path || l.startsWith(`${path}.`) || path.startsWith(`${l}.`))
}

export function mayWriteField(
  lists: FieldLists,
  hookSet: readonly string[],
  writer: Writer | null,
  operation: WriteOperation,
  path: string,
): boolean {
  if (hookSet.some((h) => h === path || path.startsWith(`${h}.`))) return false
  // Without a user the collection's own access already refuses every write.
  if (!writer) return true
  const list = lists[writer]?.[operation]
  if (list) return listed(path, list)
  return writer !== 'parent'
}

/**
 * Payload's own timestamps, declared exactly as Payload adds them (same columns, same index) only
 * to close them: otherwise any writer could date a report back or forward and so bury it in, or
 * pin it to the top of, the school's list.
 */
export const SET_BY_PAYLOAD = ['updatedAt', 'createdAt'] as const

const timestampFields: Field[] = SET_BY_PAYLOAD.map((name) => ({
  name,
  type: 'date',
  index: true,
  admin: { disableBulkEdit: true, hidden: true },
  label: ({ t }) => t(`general:${name}`),
}))

/** Every field access function `writableFields` made: how a built config shows it was used. */
const GUARDS = new WeakSet<FieldAccess>()

/**
 * Puts the lists above on a collection's fields as field-level access (`create`/`update`), next
 * to whatever rule a field already has (both must allow), and adds the closed timestamps.
 */
export function writableFields(slug: string, fields: Field[]): Field[] {
  const lists = (WRITABLE_FIELDS as Record<string, FieldLists>)[slug] ?? {}
  const hookSet = [
    ...((SET_BY_HOOKS as Record<string, readonly string[]>)[slug] ?? []),
    ...SET_BY_PAYLOAD,
  ]
  return guardFields([...fields, ...timestampFields], lists, hookSet, '')
}

/** Rows, collapsibles and unnamed tabs are walked through; a group's fields carry its path. */
function guardFields(
  fields: Field[],
  lists: FieldLists,
  hookSet: readonly string[],
  prefix: string,
): Field[] {
  const walk = (inner: Field[], at: string) => guardFields(inner, lists, hookSet, at)
  const mark = (fn: FieldAccess): FieldAccess => {
    GUARDS.add(fn)
    return fn
  }
  return fields.map((field): Field => {
    if (field.type === 'ui' || field.type === 'join') return field
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) =>
          'name' in tab && tab.name
            ? { ...tab, fields: walk(tab.fields, `${prefix}${tab.name}.`) }
            : { ...tab, fields: walk(tab.fields, prefix) },
        ),
      }
    }
    if (!('name' in field) || !field.name) {
      return 'fields' in field ? ({ ...field, fields: walk(field.fields, prefix) } as Field) : field
    }
    const path = `${prefix}${field.name}`
    const own = (field.access ?? {}) as { create?: FieldAccess; update?: FieldAccess }
    const guard = (operation: WriteOperation): FieldAccess =>
      mark(
        async (args) =>
          mayWriteField(lists, hookSet, writerOf(args.req), operation, path) &&
          (own[operation] ? await own[operation](args) : true),
      )
    const guarded = {
      ...field,
      access: { ...field.access, create: guard('create'), update: guard('update') },
    }
    if (field.type === 'group') {
      return { ...guarded, fields: walk(field.fields, `${path}.`) } as Field
    }
    return guarded as Field
  })
}

/**
 * The fields Payload adds to an upload collection (`getBaseUploadFields`) and fills from the file
 * itself before any hook runs: they describe the stored file, so only the upload pipeline sets
 * them. Field access cannot close them (it would also drop what the pipeline just computed), so
 * `closeUploadFields` removes them from the caller's data before the pipeline runs.
 */
export const SET_BY_UPLOAD = [
  'filename',
  'mimeType',
  'filesize',
  'width',
  'height',
  'focalX',
  'focalY',
  'url',
  'thumbnailURL',
  'sizes',
  // Where @payloadcms/storage-s3 puts the object (collections/Media/storage/media-storage.ts).
  'prefix',
  '_objectKey',
] as const

/**
 * Without this a teacher could `PATCH /api/media/:id` a photo's width, size or MIME type (a photo
 * then counts as a "video" everywhere), and a create with `url` made the server fetch that address
 * and store it past `check-upload`. The trusted Local API (overrideAccess) is left alone.
 */
export const closeUploadFields: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
}) => {
  if (overrideAccess === true || (operation !== 'create' && operation !== 'update')) return args
  const data = (args as { data?: unknown }).data
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return args
  const record = data as Record<string, unknown>
  // Payload fetches `{ filename, url }` itself when no file comes with the create; it has taken
  // `url` out of `data` by now, so the request's own body tells.
  const sent = (args.req?.data ?? record) as Record<string, unknown>
  if (operation === 'create' && !args.req?.file && typeof sent.url === 'string') {
    throw new Refusal(
      'Kies het bestand zelf om te uploaden: een bestand van een internetadres halen kan niet.',
      400,
      { code: 'upload-from-url' },
    )
  }
  const closed = new Set<string>(SET_BY_UPLOAD)
  return {
    ...args,
    data: Object.fromEntries(Object.entries(record).filter(([key]) => !closed.has(key))),
  }
}

/**
 * The fields Payload adds to an auth collection (`getBaseAuthFields`): hidden and set only by
 * Payload's own auth operations, which never take them from a request (tests/int/auth-fields).
 */
const SET_BY_AUTH = new Set([
  'resetPasswordToken',
  'resetPasswordExpiration',
  'resetPasswordRequestedAt',
  'salt',
  'hash',
  'sessions',
  'username',
  '_verified',
  '_verificationToken',
  'enableAPIKey',
  'apiKey',
  'apiKeyIndex',
])

/**
 * The stored fields of a built collection that did not go through `writableFields` (Payload's own
 * upload and auth fields aside): a collection that forgets it would be open to every writer.
 */
export function unguardedFields(collection: SanitizedCollectionConfig): string[] {
  const out: string[] = []
  const walk = (fields: Field[], prefix: string) => {
    for (const field of fields) {
      if (field.type === 'ui' || field.type === 'join') continue
      if (field.type === 'tabs') {
        for (const tab of field.tabs)
          walk(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix)
        continue
      }
      if (!('name' in field) || !field.name) {
        if ('fields' in field) walk(field.fields, prefix)
        continue
      }
      if (!prefix && collection.upload && (SET_BY_UPLOAD as readonly string[]).includes(field.name))
        continue
      if (!prefix && collection.auth && SET_BY_AUTH.has(field.name)) continue
      const access = (field.access ?? {}) as { create?: FieldAccess; update?: FieldAccess }
      if (
        !access.create ||
        !GUARDS.has(access.create) ||
        !access.update ||
        !GUARDS.has(access.update)
      )
        out.push(`${prefix}${field.name}`)
      if (field.type === 'group') walk(field.fields, `${prefix}${field.name}.`)
    }
  }
  walk(collection.fields, '')
  return out
}
