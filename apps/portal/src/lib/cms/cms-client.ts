import { isIP } from 'node:net'

import type {
  AcceptHouseRulesAnswer,
  Agenda,
  CalendarFeedStatus,
  HouseRulesAnswer,
  NewFeedback,
  ParentFeedback,
  NewAbsence,
  NewLeaveRequest,
  ParentAbsence,
  ParentLeaveRequest,
  PortalLoginResponse,
} from '@schoolpost/contracts'
import {
  ABSENCES_PATH,
  ACCEPT_HOUSE_RULES_PATH,
  acceptHouseRulesAnswer,
  FEEDBACK_PATH,
  HOUSE_RULES_PATH,
  parentFeedbackList,
  MEDIA_EXPORT_PATH,
  MEDIA_EXPORT_SUMMARY_PATH,
  mediaExportSummary,
  type MediaExportSummary,
  HOUSE_RULES_REFUSAL_CODE,
  houseRulesAnswer,
  absenceListPage,
  agenda,
  CALENDAR_FEED_PATH,
  CALENDAR_FEED_REVOKE_PATH,
  calendarFeedCreated,
  calendarFeedDataPath,
  calendarFeedStatus,
  absenceSaved,
  cmsRefusalAnswer,
  conversationReadPath,
  conversationSaved,
  CONVERSATIONS_PATH,
  LEAVE_REQUESTS_PATH,
  leaveRequestListPage,
  leaveRequestSaved,
  messageSaved,
  MESSAGES_PATH,
  cancelAnswer,
  signupAnswer,
  volunteerCancelPath,
  volunteerRefusal,
  volunteerSignUpPath,
} from '@schoolpost/contracts'
import type { Group, Parent, Pupil, SchoolSetting } from '@schoolpost/contracts/payload-types'
import type {
  AbsenceRefusalReason,
  LeaveRefusalReason,
  NotificationKind,
  NotificationPreference,
} from '@schoolpost/policies'
import { NOTIFICATION_PREFERENCES } from '@schoolpost/policies'

import type { ConsentStatus, ImageConsentChoice, ParentReport, ReportCategory } from './content'
import { parseImageConsent, parseReport } from './content'

/**
 * A small typed client for the CMS REST API, on behalf of one parent. Every authenticated call
 * sends `Authorization: JWT <token>`; no cookie is ever sent or forwarded. Network failures,
 * timeouts and broken or 5xx answers become a `CmsUnavailableError`.
 */

export type { Group, Parent, Pupil, SchoolSetting }
export type {
  ConsentStatus,
  ImageConsentChoice,
  ParentReport,
  ReportCategory,
  ReportStatus,
} from './content'

export const DEFAULT_TIMEOUT_MS = 5000
/**
 * A write (a form the parent sent) waits longer than a read: giving up does not undo it, so a
 * write cut off while the CMS works through a queue (everyone reporting sick at 08:10) would tell
 * the parent it failed while it is stored. Reads fail fast, so a page shows its error soon.
 */
export const WRITE_TIMEOUT_MS = 20_000

export type CmsUnavailableReason = 'network' | 'timeout' | 'server-error' | 'invalid-response'

/** The CMS could not be reached or gave no usable answer. */
export class CmsUnavailableError extends Error {
  override name = 'CmsUnavailableError'
  readonly reason: CmsUnavailableReason
  readonly status: number | undefined

  constructor(
    reason: CmsUnavailableReason,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.reason = reason
    this.status = options.status
  }
}

/** The CMS refused the parent's token (401/403): the portal session is over. */
export class CmsUnauthorizedError extends Error {
  override name = 'CmsUnauthorizedError'
  readonly status: number

  constructor(status: number, path: string) {
    super(`The CMS refused the token for ${path} (${status}).`)
    this.status = status
  }
}

/** Another unexpected 4xx answer (a bug on either side, not an outage). */
export class CmsRequestError extends Error {
  override name = 'CmsRequestError'
  readonly status: number

  constructor(status: number, path: string) {
    super(`The CMS answered ${status} for ${path}.`)
    this.status = status
  }
}

export type LoginFailure = Extract<PortalLoginResponse, { ok: false }>
export type LoginSuccess = Extract<PortalLoginResponse, { ok: true }>
export type RateLimited = { ok: false; code: 'rate-limited'; retryAfterSeconds: number | undefined }
export type PortalLoginResult = LoginSuccess | LoginFailure | RateLimited

export type MeResult = { user: Parent | null; exp?: number }

/** Why an invitation link cannot be used (404 for `invalid`, 410 for the others). */
export type InvitationProblem = 'invalid' | 'used' | 'expired' | 'revoked'

/** A refusal with the CMS's ready-to-show Dutch message. */
export type CmsRefusal<Code extends string> = { ok: false; code: Code; message: string }

export type CheckInvitationResult =
  | { ok: true; parentName: string; email: string; schoolName: string }
  | CmsRefusal<InvitationProblem | 'invalid-input'>
  | RateLimited

export type CmsUser = { id: string; name: string; email: string }

/** What a parent may change about themselves (the CMS allows only these fields). */
export type OwnAccountUpdate = {
  name: string
  phone: string
  preferredLanguage: NonNullable<Parent['preferredLanguage']>
}

export type UpdateOwnAccountResult =
  | { ok: true; parent: Parent }
  /** Payload refused the values: its messages per field path, and its first message. */
  | { ok: false; code: 'invalid-input'; message: string; fields: Record<string, string> }

export type AcceptInvitationResult =
  | { ok: true; token: string; exp: number; user: CmsUser }
  | CmsRefusal<InvitationProblem | 'weak-password' | 'invalid-input'>
  | RateLimited

export type ForgotPasswordResult =
  { ok: true; message: string } | CmsRefusal<'invalid-input'> | RateLimited

export type ResetPasswordResult =
  /** No `exp` here: it is in the token itself. */
  | { ok: true; token: string; user: CmsUser }
  | CmsRefusal<'weak-password' | 'invalid-input' | 'invalid-token'>
  | RateLimited

/** Why the CMS refused a password change (all 400). */
export type ChangePasswordProblem =
  'wrong-password' | 'same-password' | 'weak-password' | 'invalid-input'

export type ChangePasswordResult =
  /** The current session stays valid; the CMS ended the parent's other sessions. */
  { ok: true; message: string } | CmsRefusal<ChangePasswordProblem> | RateLimited

export type SetImageConsentResult =
  | { ok: true; pupil: string; allowed: boolean; effective: ConsentStatus }
  /** Not one of the parent's children (403). */
  | CmsRefusal<'forbidden'>
  | CmsRefusal<'invalid-input'>

export type NewReport = {
  /** A post (and one of its items), or a message in a conversation. */
  post?: string | undefined
  media?: string | undefined
  message?: string | undefined
  category: ReportCategory
  text: string
}

/** The data export's path at the CMS (Parents/endpoints/export.ts). */
export const EXPORT_PATH = '/api/parents/export'

export type SendFeedbackResult =
  | { ok: true; id: string }
  | { ok: false; code: 'invalid-input'; message: string; fields: Record<string, string> }
  | RateLimited

export type CreateReportResult =
  | { ok: true; id: string }
  | { ok: false; code: 'invalid-input'; message: string; fields: Record<string, string> }
  /** The CMS does not let this parent report this post or item (403). */
  | CmsRefusal<'forbidden'>
  | RateLimited

/**
 * A write in a conversation: the saved id (and, for a message, whether the conduct check held
 * it), or the CMS's Dutch refusal with its code (`conduct` with the rule, `not-found`, …).
 */
/**
 * A volunteer sign-up or cancellation (S4): done, or the CMS's Dutch refusal with its code
 * (`full`, `not-open-yet`, `closed`, `slot-started`, `already-signed-up`, `too-late`, `conduct`,
 * `not-found`, `invalid-input`).
 */
export type VolunteerWriteResult<Done> =
  Done | { ok: false; code: string; message: string } | RateLimited
export type SignUpResult = VolunteerWriteResult<{
  ok: true
  status: 'confirmed' | 'waitlist'
  signup: string
  message: string
}>
export type CancelSignupResult = VolunteerWriteResult<{ ok: true; promoted: boolean }>

/** A new private iCal feed link (issue #15): its secret, which the CMS answers only this once. */
export type CreateCalendarFeedResult = { ok: true; secret: string; createdAt: string } | RateLimited

/**
 * The data of a private iCal feed, or why not: unknown, revoked or its parent deactivated (404),
 * or its parent has not accepted the house rules in force (403 `house-rules`).
 */
export type CalendarFeedDataResult =
  { ok: true; agenda: Agenda } | { ok: false; code: 'not-found' | 'house-rules' } | RateLimited

export type AcceptHouseRulesResult =
  AcceptHouseRulesAnswer | { ok: false; code: 'outdated'; message: string }

export type ConversationWriteResult =
  | { ok: true; id: string; status: 'delivered' | 'held' | 'hidden'; heldRule: string | null }
  | {
      ok: false
      code: string
      message: string
      rule: string | null
      fields: Record<string, string>
    }
  | RateLimited

/**
 * Why the CMS refused an absence report: the rule (`checkAbsenceReport`'s reasons, 422) and the
 * CMS's own checks (the child, one report per child and day).
 */
export type AbsenceRefusalCode =
  | AbsenceRefusalReason
  | 'duplicate'
  | 'not-your-child'
  | 'no-pupil'
  | 'no-group'
  | 'invalid-kind'
  | 'invalid-reason'
  | 'invalid-input'

/** Why the CMS refused to withdraw a report or a leave request. */
export type WithdrawRefusalCode =
  | 'too-late-to-cancel'
  | 'already-cancelled'
  | 'already-decided'
  | 'status-not-allowed'
  | 'not-found'
  | 'invalid-input'

/** Why the CMS refused a leave request. */
export type LeaveRefusalCode = LeaveRefusalReason | 'not-your-child' | 'no-pupil' | 'invalid-input'

/**
 * A Dutch refusal of an absence or leave write, with what the CMS said beside its message. Codes
 * the portal does not know become `invalid-input` with the CMS's message.
 */
export type AbsenceWriteRefusal<Code extends string> = {
  ok: false
  code: Code
  message: string
  /** The school's phone number the CMS names after the cutoff (`after-cutoff`, `planned-too-late`). */
  phone: string | null
  /** The report a `duplicate` points at (every guardian of the child sees it in the list). */
  existing: string | null
  /** Payload's messages per field (a value the collection's validation refused). */
  fields: Record<string, string>
}

export type CreateAbsenceResult =
  { ok: true; absence: ParentAbsence } | AbsenceWriteRefusal<AbsenceRefusalCode> | RateLimited

export type CancelAbsenceResult =
  { ok: true; absence: ParentAbsence } | AbsenceWriteRefusal<WithdrawRefusalCode> | RateLimited

export type CreateLeaveRequestResult =
  | { ok: true; leaveRequest: ParentLeaveRequest }
  | AbsenceWriteRefusal<LeaveRefusalCode>
  | RateLimited

export type WithdrawLeaveRequestResult =
  | { ok: true; leaveRequest: ParentLeaveRequest }
  | AbsenceWriteRefusal<WithdrawRefusalCode>
  | RateLimited

const ABSENCE_REFUSAL_CODES = [
  'invalid-date',
  'in-the-past',
  'not-a-school-day',
  'school-closed',
  'after-cutoff',
  'sick-not-next-school-day',
  'planned-too-late',
  'planned-too-far-ahead',
  'invalid-times',
  'times-outside-school-hours',
  'times-only-for-planned',
  'duplicate',
  'not-your-child',
  'no-pupil',
  'no-group',
  'invalid-kind',
  'invalid-reason',
] as const satisfies readonly AbsenceRefusalCode[]

const WITHDRAW_REFUSAL_CODES = [
  'too-late-to-cancel',
  'already-cancelled',
  'already-decided',
  'status-not-allowed',
] as const satisfies readonly WithdrawRefusalCode[]

const LEAVE_REFUSAL_CODES = [
  'invalid-date',
  'end-before-start',
  'in-the-past',
  'too-long',
  'no-school-days',
  'not-your-child',
  'no-pupil',
] as const satisfies readonly LeaveRefusalCode[]

/** Records per page when the portal lists absences or leave requests. */
export const ABSENCE_PAGE_SIZE = 100
/** Pages read at most (a family's reports of many years stay bounded). */
export const ABSENCE_MAX_PAGES = 10

const NOT_FOUND_MESSAGE = 'Deze melding of aanvraag bestaat niet (meer). Laad de pagina opnieuw.'

/** The start of a file answer from the CMS; the body is not read yet. */
export type MediaFileAnswer = {
  status: number
  headers: Headers
  body: ReadableStream<Uint8Array> | null
}

export type OpenMediaFileOptions = {
  method?: 'GET' | 'HEAD'
  /** The browser's Range and If-Range headers, passed on as they are. */
  range?: string | null
  ifRange?: string | null
  /** Aborts the transfer (e.g. the browser went away). */
  signal?: AbortSignal
}

export type CmsClientOptions = {
  /** Base URL of the CMS, e.g. http://localhost:3000 (a trailing slash is ignored). */
  baseUrl: string
  /** For reads (GET). */
  timeoutMs?: number
  /** For writes (POST, PATCH). */
  writeTimeoutMs?: number
  fetch?: typeof globalThis.fetch
  /**
   * The parent's address (the portal's rate-limit key, never a header the browser sent): sent as
   * `X-Forwarded-For`, so the CMS's per-address limits count each parent, not the whole portal.
   * Anything that is not an IP address (the shared key "unknown") is not sent.
   */
  clientAddress?: string
}

export type CmsClient = ReturnType<typeof createCmsClient>

const LOGIN_FAILURE_STATUS: Record<LoginFailure['code'], number> = {
  'invalid-input': 400,
  'invalid-credentials': 401,
  deactivated: 403,
}

const INVITATION_PROBLEM_STATUS: Record<InvitationProblem, number> = {
  invalid: 404,
  used: 410,
  expired: 410,
  revoked: 410,
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isCmsUser = (value: unknown): value is CmsUser =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.name === 'string' &&
  typeof value.email === 'string'

/** Payload's validation errors: its messages per field path, and its first message. */
function validationErrors(errors: unknown[]): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {}
  let message = ''
  for (const error of errors) {
    if (!isRecord(error)) continue
    if (!message && typeof error.message === 'string') message = error.message
    const details = isRecord(error.data) ? error.data.errors : undefined
    if (!Array.isArray(details)) continue
    for (const detail of details) {
      if (isRecord(detail) && typeof detail.path === 'string') {
        fields[detail.path] ??= typeof detail.message === 'string' ? detail.message : ''
      }
    }
  }
  return { message, fields }
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date). */
export function parseRetryAfter(header: string | null, now = new Date()): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000))
}

/** The same client, on behalf of the parent at `clientAddress` (see CmsClientOptions). */
export function withClientAddress(client: CmsClient, clientAddress: string): CmsClient {
  return createCmsClient({ ...client.options, clientAddress })
}

export function createCmsClient(options: CmsClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const writeTimeoutMs = options.writeTimeoutMs ?? WRITE_TIMEOUT_MS
  const doFetch = options.fetch ?? globalThis.fetch
  const forwardedFor =
    options.clientAddress && isIP(options.clientAddress) !== 0 ? options.clientAddress : undefined

  type Sent = { status: number; headers: Headers; body: unknown }

  /** One request; the body is read within the same timeout. Never throws anything but CmsUnavailableError. */
  async function send(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    init: { token?: string; json?: unknown } = {},
  ): Promise<Sent> {
    const headers = new Headers({ Accept: 'application/json' })
    if (init.token) headers.set('Authorization', `JWT ${init.token}`)
    if (forwardedFor) headers.set('X-Forwarded-For', forwardedFor)
    if (init.json !== undefined) headers.set('Content-Type', 'application/json')
    let response: Response
    let text: string
    const waitMs = method === 'GET' ? timeoutMs : writeTimeoutMs
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
        credentials: 'omit',
        redirect: 'manual',
        cache: 'no-store',
        signal: AbortSignal.timeout(waitMs),
      })
      text = await response.text()
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      throw new CmsUnavailableError(
        timedOut ? 'timeout' : 'network',
        timedOut
          ? `The CMS did not answer ${method} ${path} within ${waitMs} ms.`
          : `The CMS could not be reached for ${method} ${path}.`,
        { cause: error },
      )
    }
    if (response.status >= 500) {
      throw new CmsUnavailableError(
        'server-error',
        `The CMS answered ${response.status} for ${method} ${path}.`,
        { status: response.status },
      )
    }
    let body: unknown = undefined
    if (text.length > 0) {
      try {
        body = JSON.parse(text)
      } catch (cause) {
        throw new CmsUnavailableError(
          'invalid-response',
          `The CMS answered ${method} ${path} with something other than JSON (${response.status}).`,
          { status: response.status, cause },
        )
      }
    }
    return { status: response.status, headers: response.headers, body }
  }

  function invalid(path: string, status: number, what: string): CmsUnavailableError {
    return new CmsUnavailableError(
      'invalid-response',
      `Unexpected answer from the CMS for ${path} (${status}): ${what}.`,
      { status },
    )
  }

  /** A 429 from the CMS, with its Retry-After. */
  function rateLimited(headers: Headers): RateLimited {
    return {
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: parseRetryAfter(headers.get('retry-after')),
    }
  }

  /**
   * A refusal whose code is one of `expected` and arrived with that code's status; anything else
   * is not trusted (a CmsUnavailableError).
   */
  function refusal<Code extends string>(
    path: string,
    status: number,
    body: Record<string, unknown>,
    expected: Record<Code, number>,
  ): CmsRefusal<Code> {
    const code = body.code
    if (
      body.ok === false &&
      typeof code === 'string' &&
      Object.hasOwn(expected, code) &&
      expected[code as Code] === status
    ) {
      return {
        ok: false,
        code: code as Code,
        message: typeof body.message === 'string' ? body.message : '',
      }
    }
    throw invalid(path, status, 'no known result')
  }

  /** An authenticated GET that must answer 200 with a JSON object. */
  /**
   * A request whose answer is streamed on (a media file, the data export): status, headers and
   * the unread body. The timeout covers only the wait for the headers (a long video or a big
   * export takes as long as it takes); `signal` aborts the transfer.
   */
  async function openStream(
    method: 'GET' | 'HEAD',
    path: string,
    headers: Headers,
    signal?: AbortSignal,
  ): Promise<MediaFileAnswer> {
    headers.set('Accept-Encoding', 'identity')
    const timeout = new AbortController()
    const timer = setTimeout(
      () => timeout.abort(new DOMException('The CMS did not answer in time.', 'TimeoutError')),
      timeoutMs,
    )
    try {
      const response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'omit',
        redirect: 'manual',
        cache: 'no-store',
        signal: signal ? AbortSignal.any([timeout.signal, signal]) : timeout.signal,
      })
      return { status: response.status, headers: response.headers, body: response.body }
    } catch (error) {
      const timedOut = timeout.signal.aborted
      throw new CmsUnavailableError(
        timedOut ? 'timeout' : 'network',
        timedOut
          ? `The CMS did not answer ${method} ${path} within ${timeoutMs} ms.`
          : `The CMS could not be reached for ${method} ${path}.`,
        { cause: error },
      )
    } finally {
      clearTimeout(timer)
    }
  }

  async function getAuthorized(path: string, token: string): Promise<Record<string, unknown>> {
    const { status, body } = await send('GET', path, { token })
    if (status === 401 || status === 403) throw new CmsUnauthorizedError(status, path)
    if (status !== 200) {
      if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
      throw new CmsRequestError(status, path)
    }
    if (!isRecord(body)) throw invalid(path, status, 'not a JSON object')
    return body
  }

  /** A report or request the parent cannot see (any more): Payload's 404 on an update. */
  const notFound = (): AbsenceWriteRefusal<'not-found'> => ({
    ok: false,
    code: 'not-found',
    message: NOT_FOUND_MESSAGE,
    phone: null,
    existing: null,
    fields: {},
  })

  /**
   * A refused absence or leave write, from Payload's error answer: a 401 (or a 403 without a code
   * of ours: Payload's "not allowed" for a token it no longer accepts) ends the session; a 429
   * is rate-limited; a 400, 403, 409 or 422 carries a Dutch message and a code. Anything else is
   * not trusted.
   */
  function writeRefusal<Code extends string>(
    path: string,
    status: number,
    headers: Headers,
    body: unknown,
    known: readonly Code[],
  ): AbsenceWriteRefusal<Code | 'invalid-input'> | RateLimited {
    if (status === 401) throw new CmsUnauthorizedError(status, path)
    if (status === 429) return rateLimited(headers)
    const base = { ok: false as const, phone: null, existing: null, fields: {} }
    if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
    if (![400, 403, 409, 422].includes(status)) throw new CmsRequestError(status, path)
    const parsed = cmsRefusalAnswer.safeParse(body)
    const error = parsed.success ? parsed.data.errors[0] : undefined
    const code = error?.data?.code
    const isKnown = (value: string | undefined): value is Code =>
      value !== undefined && (known as readonly string[]).includes(value)
    if (status === 403 && !isKnown(code)) throw new CmsUnauthorizedError(status, path)
    if (!error) throw invalid(path, status, 'no Dutch refusal')
    const fields: Record<string, string> = {}
    for (const detail of error.data?.errors ?? []) {
      if (detail.path) fields[detail.path] ??= detail.message ?? ''
    }
    return {
      ...base,
      code: isKnown(code) ? code : 'invalid-input',
      message: error.message,
      phone: error.data?.phone ?? null,
      existing: error.data?.existing ?? null,
      fields,
    }
  }

  /** A conversation write, and the CMS's Dutch refusal of it (400, 403, 404, 409, 422). */
  async function conversationWrite(
    method: 'POST' | 'PATCH',
    path: string,
    token: string,
    json: unknown,
  ): Promise<ConversationWriteResult> {
    const { status, headers, body } = await send(method, path, { token, json })
    if (status === 200 || status === 201) {
      const saved = messageSaved.safeParse(body)
      if (saved.success) {
        const { id, status: state, heldRule } = saved.data.doc
        return { ok: true, id, status: state, heldRule: heldRule ?? null }
      }
      const started = conversationSaved.safeParse(body)
      if (!started.success) throw invalid(path, status, 'no saved document')
      return { ok: true, id: started.data.doc.id, status: 'delivered', heldRule: null }
    }
    if (status === 401) throw new CmsUnauthorizedError(status, path)
    if (status === 429) return rateLimited(headers)
    if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
    if (![400, 403, 404, 409, 422].includes(status)) throw new CmsRequestError(status, path)
    const parsed = cmsRefusalAnswer.safeParse(body)
    const error = parsed.success ? parsed.data.errors[0] : undefined
    if (!error) throw invalid(path, status, 'no Dutch refusal')
    const code = error.data?.code ?? (status === 404 ? 'not-found' : 'invalid-input')
    // Payload's own "not allowed" (no code of ours) is a token it no longer accepts.
    if (status === 403 && !error.data?.code) throw new CmsUnauthorizedError(status, path)
    const fields: Record<string, string> = {}
    for (const detail of error.data?.errors ?? []) {
      if (detail.path) fields[detail.path] ??= detail.message ?? ''
    }
    const rule = (error.data as { rule?: unknown } | null | undefined)?.rule
    return {
      ok: false,
      code,
      message: error.message,
      rule: typeof rule === 'string' ? rule : null,
      fields,
    }
  }

  /**
   * The answer of a volunteer endpoint: `expected` parsed on 200/201, or the Dutch refusal of a
   * 400, 404, 409 or 422. A 401, or a 403 (staff or a token no longer a parent's), ends the session.
   */
  async function volunteerWrite<T>(
    path: string,
    token: string,
    json: unknown,
    expected: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  ): Promise<T | { ok: false; code: string; message: string } | RateLimited> {
    const { status, headers, body } = await send('POST', path, { token, json })
    if (status === 200 || status === 201) {
      const parsed = expected.safeParse(body)
      if (!parsed.success) throw invalid(path, status, 'not what the contract describes')
      return parsed.data
    }
    if (status === 401 || status === 403) throw new CmsUnauthorizedError(status, path)
    if (status === 429) return rateLimited(headers)
    if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
    if (![400, 404, 409, 422].includes(status)) throw new CmsRequestError(status, path)
    const refused = volunteerRefusal.safeParse(body)
    if (!refused.success) throw invalid(path, status, 'no Dutch refusal')
    return { ok: false, code: refused.data.code, message: refused.data.message }
  }

  return {
    baseUrl,
    options,

    /** POST /api/volunteer-requests/<id>/signups: a place for this slot, or the waitlist. */
    signUpForSlot(
      token: string,
      requestId: string,
      signup: { slot: string; comes?: string },
    ): Promise<SignUpResult> {
      return volunteerWrite(volunteerSignUpPath(requestId), token, signup, signupAnswer)
    },

    /** POST /api/volunteer-signups/<id>/cancel: the parent's sign-up (or waitlist place) ended. */
    async cancelSignup(token: string, signupId: string): Promise<CancelSignupResult> {
      const result = await volunteerWrite(volunteerCancelPath(signupId), token, {}, cancelAnswer)
      return result.ok ? { ok: true, promoted: result.promoted } : result
    },

    /** GET /api/parents/house-rules: the rules in force and what the parent accepted (S18). */
    async getHouseRules(token: string): Promise<HouseRulesAnswer> {
      const body = await getAuthorized(HOUSE_RULES_PATH, token)
      const parsed = houseRulesAnswer.safeParse(body)
      if (!parsed.success) throw invalid(HOUSE_RULES_PATH, 200, 'not the house rules')
      return parsed.data
    },

    /**
     * POST /api/parents/house-rules/accept: the parent accepts the version they read; `outdated`
     * when a newer version came in the meantime (409).
     */
    async acceptHouseRules(token: string, version: number): Promise<AcceptHouseRulesResult> {
      const path = ACCEPT_HOUSE_RULES_PATH
      const { status, body } = await send('POST', path, { token, json: { version } })
      if (status === 401 || status === 403) throw new CmsUnauthorizedError(status, path)
      if (status === 409) {
        const message = isRecord(body) && typeof body.message === 'string' ? body.message : ''
        return { ok: false, code: 'outdated', message }
      }
      if (status !== 200) {
        if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
        throw new CmsRequestError(status, path)
      }
      const parsed = acceptHouseRulesAnswer.safeParse(body)
      if (!parsed.success) throw invalid(path, status, 'not an acceptance')
      return parsed.data
    },

    /** GET /api/parents/calendar-feed: whether the parent has a feed link, and since when. */
    async getCalendarFeedStatus(token: string): Promise<CalendarFeedStatus> {
      const body = await getAuthorized(CALENDAR_FEED_PATH, token)
      const parsed = calendarFeedStatus.safeParse(body)
      if (!parsed.success) throw invalid(CALENDAR_FEED_PATH, 200, 'not a feed status')
      return parsed.data
    },

    /**
     * POST /api/parents/calendar-feed: a new feed link (any earlier one stops working). The secret
     * is in the answer only; it never appears in an error message (those are logged).
     */
    async createCalendarFeed(token: string): Promise<CreateCalendarFeedResult> {
      const path = CALENDAR_FEED_PATH
      const { status, headers, body } = await send('POST', path, { token, json: {} })
      if (status === 401 || status === 403) throw new CmsUnauthorizedError(status, path)
      if (status === 429) return rateLimited(headers)
      if (status !== 201) {
        if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
        throw new CmsRequestError(status, path)
      }
      const parsed = calendarFeedCreated.safeParse(body)
      if (!parsed.success) throw invalid(path, status, 'no feed secret')
      return { ok: true, secret: parsed.data.secret, createdAt: parsed.data.createdAt }
    },

    /** POST /api/parents/calendar-feed/revoke: the link stops working (also when there was none). */
    async revokeCalendarFeed(token: string): Promise<CalendarFeedStatus> {
      const path = CALENDAR_FEED_REVOKE_PATH
      const { status, body } = await send('POST', path, { token, json: {} })
      if (status === 401 || status === 403) throw new CmsUnauthorizedError(status, path)
      if (status !== 200) {
        if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
        throw new CmsRequestError(status, path)
      }
      const parsed = calendarFeedStatus.safeParse(body)
      if (!parsed.success) throw invalid(path, status, 'not a feed status')
      return parsed.data
    },

    /**
     * GET /api/events/feed/<secret>: the data of a private iCal feed, without any login (the secret
     * is the key). The secret never appears in an error message (those are logged).
     */
    async getCalendarFeedData(secret: string): Promise<CalendarFeedDataResult> {
      const label = calendarFeedDataPath('…')
      let sent: Sent
      try {
        sent = await send('GET', calendarFeedDataPath(secret))
      } catch (error) {
        throw withoutToken(error, secret)
      }
      const { status, headers, body } = sent
      if (status === 404) return { ok: false, code: 'not-found' }
      if (status === 403 && isRecord(body) && body.code === HOUSE_RULES_REFUSAL_CODE)
        return { ok: false, code: 'house-rules' }
      if (status === 429) return rateLimited(headers)
      if (status !== 200) {
        if (status >= 300 && status < 400) throw invalid(label, status, 'a redirect')
        throw new CmsRequestError(status, label)
      }
      const parsed = agenda.safeParse(body)
      if (!parsed.success) throw invalid(label, status, 'not what the contract describes')
      return { ok: true, agenda: parsed.data }
    },

    /**
     * An authenticated GET of an endpoint shaped for a portal page, parsed with its schema from
     * `@schoolpost/contracts` (the calls themselves live beside their features). 401/403 give
     * CmsUnauthorizedError; an answer that does not fit the contract, CmsUnavailableError.
     */
    async getContract<T>(
      path: string,
      token: string,
      schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
    ): Promise<T> {
      const body = await getAuthorized(path, token)
      const parsed = schema.safeParse(body)
      if (!parsed.success) throw invalid(path, 200, 'not what the contract describes')
      return parsed.data
    },

    /** POST /api/parents/portal-login: a token, or a machine-readable reason why not. */
    async portalLogin(credentials: {
      email: string
      password: string
    }): Promise<PortalLoginResult> {
      const path = '/api/parents/portal-login'
      const { status, headers, body } = await send('POST', path, { json: credentials })
      if (status === 429) {
        return {
          ok: false,
          code: 'rate-limited',
          retryAfterSeconds: parseRetryAfter(headers.get('retry-after')),
        }
      }
      if (!isRecord(body)) throw invalid(path, status, 'not a JSON object')
      if (status === 200 && body.ok === true) {
        const user = body.user
        if (
          typeof body.token !== 'string' ||
          body.token.length === 0 ||
          typeof body.exp !== 'number' ||
          !isRecord(user) ||
          typeof user.id !== 'string' ||
          typeof user.name !== 'string' ||
          typeof user.email !== 'string'
        ) {
          throw invalid(path, status, 'an incomplete login answer')
        }
        const accepted = body.houseRulesVersion
        return {
          ok: true,
          token: body.token,
          exp: body.exp,
          user: { id: user.id, name: user.name, email: user.email },
          houseRulesVersion:
            typeof accepted === 'number' && Number.isInteger(accepted) ? accepted : null,
        }
      }
      const code = body.code
      if (
        body.ok === false &&
        typeof code === 'string' &&
        code in LOGIN_FAILURE_STATUS &&
        LOGIN_FAILURE_STATUS[code as LoginFailure['code']] === status
      ) {
        return {
          ok: false,
          code: code as LoginFailure['code'],
          message: typeof body.message === 'string' ? body.message : '',
        }
      }
      throw invalid(path, status, 'no known login result')
    },

    /** POST /api/invitations/check: is this invitation link usable, and for whom? */
    async checkInvitation(token: string): Promise<CheckInvitationResult> {
      const path = '/api/invitations/check'
      const { status, headers, body } = await send('POST', path, { json: { token } })
      if (status === 429) return rateLimited(headers)
      if (!isRecord(body)) throw invalid(path, status, 'not a JSON object')
      if (status === 200 && body.ok === true) {
        if (
          typeof body.parentName !== 'string' ||
          typeof body.email !== 'string' ||
          typeof body.schoolName !== 'string'
        ) {
          throw invalid(path, status, 'an incomplete invitation')
        }
        return {
          ok: true,
          parentName: body.parentName,
          email: body.email,
          schoolName: body.schoolName,
        }
      }
      return refusal(path, status, body, { ...INVITATION_PROBLEM_STATUS, 'invalid-input': 400 })
    },

    /**
     * POST /api/invitations/accept: sets the password, activates the parent and logs them in
     * (a token like portalLogin's), or says why not.
     */
    async acceptInvitation(input: {
      token: string
      password: string
    }): Promise<AcceptInvitationResult> {
      const path = '/api/invitations/accept'
      const { status, headers, body } = await send('POST', path, { json: input })
      if (status === 429) return rateLimited(headers)
      if (!isRecord(body)) throw invalid(path, status, 'not a JSON object')
      if (status === 200 && body.ok === true) {
        if (
          typeof body.token !== 'string' ||
          body.token.length === 0 ||
          typeof body.exp !== 'number' ||
          !isCmsUser(body.user)
        ) {
          throw invalid(path, status, 'an incomplete login answer')
        }
        const { id, name, email } = body.user
        return { ok: true, token: body.token, exp: body.exp, user: { id, name, email } }
      }
      return refusal(path, status, body, {
        ...INVITATION_PROBLEM_STATUS,
        'weak-password': 400,
        'invalid-input': 400,
      })
    },

    /**
     * POST /api/parents/forgot-password: mails a reset link when the address belongs to an
     * active parent. The answer is the same either way.
     */
    async forgotPassword(email: string): Promise<ForgotPasswordResult> {
      const path = '/api/parents/forgot-password'
      const { status, headers, body } = await send('POST', path, { json: { email } })
      if (status === 429) return rateLimited(headers)
      if (!isRecord(body)) throw invalid(path, status, 'not a JSON object')
      if (status === 200 && body.ok === true) {
        return { ok: true, message: typeof body.message === 'string' ? body.message : '' }
      }
      return refusal(path, status, body, { 'invalid-input': 400 })
    },

    /** POST /api/parents/reset-password: a new password through a reset link, and a token. */
    async resetPassword(input: { token: string; password: string }): Promise<ResetPasswordResult> {
      const path = '/api/parents/reset-password'
      const { status, headers, body } = await send('POST', path, { json: input })
      if (status === 429) return rateLimited(headers)
      if (!isRecord(body)) throw invalid(path, status, 'not a JSON object')
      if (status === 200 && body.ok === true) {
        if (typeof body.token !== 'string' || body.token.length === 0 || !isCmsUser(body.user)) {
          throw invalid(path, status, 'an incomplete login answer')
        }
        const { id, name, email } = body.user
        return { ok: true, token: body.token, user: { id, name, email } }
      }
      return refusal(path, status, body, {
        'weak-password': 400,
        'invalid-input': 400,
        'invalid-token': 410,
      })
    },

    /** GET /api/parents/me: the parent behind the token, or `null` when it is no longer valid. */
    async me(token: string): Promise<MeResult> {
      const path = '/api/parents/me'
      let body: Record<string, unknown>
      try {
        body = await getAuthorized(path, token)
      } catch (error) {
        if (error instanceof CmsUnauthorizedError) return { user: null }
        throw error
      }
      const user = body.user
      if (user === null || user === undefined) return { user: null }
      if (!isRecord(user) || typeof user.id !== 'string' || typeof user.name !== 'string') {
        throw invalid(path, 200, 'no valid user')
      }
      // `me` answers for whichever auth collection the token belongs to.
      if (user.collection !== undefined && user.collection !== 'parents') return { user: null }
      return {
        user: user as unknown as Parent,
        ...(typeof body.exp === 'number' ? { exp: body.exp } : {}),
      }
    },

    /**
     * PATCH /api/parents/<id>: the parent changes their own name, phone and language. A token
     * that is no longer accepted (or another parent's id) gives CmsUnauthorizedError.
     */
    async updateOwnAccount(
      token: string,
      parentId: string,
      data: OwnAccountUpdate,
    ): Promise<UpdateOwnAccountResult> {
      const path = `/api/parents/${encodeURIComponent(parentId)}?depth=0`
      const { status, body } = await send('PATCH', path, { token, json: data })
      if (status === 401 || status === 403 || status === 404) {
        throw new CmsUnauthorizedError(status, path)
      }
      if (status === 400 && isRecord(body) && Array.isArray(body.errors)) {
        return { ok: false, code: 'invalid-input', ...validationErrors(body.errors) }
      }
      if (status !== 200) {
        if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
        throw new CmsRequestError(status, path)
      }
      if (!isRecord(body) || !isRecord(body.doc) || typeof body.doc.id !== 'string') {
        throw invalid(path, status, 'no updated parent')
      }
      return { ok: true, parent: body.doc as unknown as Parent }
    },

    /**
     * POST /api/parents/change-password: the parent's new password, proven by the current one.
     * A token that is no longer accepted gives CmsUnauthorizedError.
     */
    async changePassword(
      token: string,
      input: { currentPassword: string; newPassword: string },
    ): Promise<ChangePasswordResult> {
      const path = '/api/parents/change-password'
      const { status, headers, body } = await send('POST', path, { token, json: input })
      if (status === 401 || status === 403) throw new CmsUnauthorizedError(status, path)
      if (status === 429) return rateLimited(headers)
      if (!isRecord(body)) throw invalid(path, status, 'not a JSON object')
      if (status === 200 && body.ok === true) {
        return { ok: true, message: typeof body.message === 'string' ? body.message : '' }
      }
      return refusal(path, status, body, {
        'wrong-password': 400,
        'same-password': 400,
        'weak-password': 400,
        'invalid-input': 400,
      })
    },

    /** POST /api/parents/logout: ends the CMS session behind the token. */
    async logout(token: string): Promise<boolean> {
      const { status } = await send('POST', '/api/parents/logout', { token })
      return status >= 200 && status < 300
    },

    /** The parent's own children (the CMS scopes them), with their group populated. */
    async listPupils(token: string): Promise<Pupil[]> {
      const path = '/api/pupils?depth=1&limit=100&sort=firstName'
      const body = await getAuthorized(path, token)
      if (!Array.isArray(body.docs)) throw invalid(path, 200, 'no docs')
      return body.docs as Pupil[]
    },

    /** The school's settings (name, phone, absence cutoff, school hours). */
    async getSchoolSettings(token: string): Promise<SchoolSetting> {
      const path = '/api/globals/school-settings?depth=0'
      const body = await getAuthorized(path, token)
      if (typeof body.schoolName !== 'string' || typeof body.phone !== 'string') {
        throw invalid(path, 200, 'no school name or phone')
      }
      return body as unknown as SchoolSetting
    },
    /** The parent's own image-consent choices (S16), one per child they chose for. */
    async listImageConsents(token: string): Promise<ImageConsentChoice[]> {
      const path = '/api/image-consents?depth=0&limit=100'
      const body = await getAuthorized(path, token)
      if (!Array.isArray(body.docs)) throw invalid(path, 200, 'no docs')
      return body.docs
        .map(parseImageConsent)
        .filter((choice): choice is ImageConsentChoice => choice !== null)
    },

    /** POST /api/image-consents/set: the parent's choice for one child, and the child's result. */
    async setImageConsent(
      token: string,
      input: { pupil: string; allowed: boolean },
    ): Promise<SetImageConsentResult> {
      const path = '/api/image-consents/set'
      const { status, body } = await send('POST', path, { token, json: input })
      if (status === 401) throw new CmsUnauthorizedError(status, path)
      const message = isRecord(body) && typeof body.message === 'string' ? body.message : ''
      if (status === 403) return { ok: false, code: 'forbidden', message }
      if (status === 400) return { ok: false, code: 'invalid-input', message }
      if (status !== 200) {
        if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
        throw new CmsRequestError(status, path)
      }
      if (
        !isRecord(body) ||
        body.ok !== true ||
        typeof body.allowed !== 'boolean' ||
        (body.effective !== 'allowed' && body.effective !== 'refused')
      ) {
        throw invalid(path, status, 'no consent result')
      }
      return {
        ok: true,
        pupil: typeof body.pupil === 'string' ? body.pupil : input.pupil,
        allowed: body.allowed,
        effective: body.effective,
      }
    },

    /** POST /api/reports: "Meld dit bericht" (S15) on a post or one of its items. */
    async createReport(token: string, report: NewReport): Promise<CreateReportResult> {
      const path = '/api/reports?depth=0'
      const json = {
        ...(report.post ? { post: report.post } : {}),
        ...(report.media ? { media: report.media } : {}),
        ...(report.message ? { message: report.message } : {}),
        category: report.category,
        text: report.text,
      }
      const { status, headers, body } = await send('POST', path, { token, json })
      if (status === 401) throw new CmsUnauthorizedError(status, path)
      if (status === 429) return rateLimited(headers)
      if (status === 403) {
        const message = isRecord(body) && typeof body.message === 'string' ? body.message : ''
        return { ok: false, code: 'forbidden', message }
      }
      if (status === 400) {
        const errors = isRecord(body) && Array.isArray(body.errors) ? body.errors : []
        return { ok: false, code: 'invalid-input', ...validationErrors(errors) }
      }
      if (status !== 201 && status !== 200) {
        if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
        throw new CmsRequestError(status, path)
      }
      if (!isRecord(body) || !isRecord(body.doc) || typeof body.doc.id !== 'string') {
        throw invalid(path, status, 'no created report')
      }
      return { ok: true, id: body.doc.id }
    },

    /** GET /api/feedback: the parent's own feedback, newest first, with the school's answers. */
    async listOwnFeedback(token: string): Promise<ParentFeedback[]> {
      const path = `${FEEDBACK_PATH}?depth=0&sort=-createdAt&limit=50`
      const parsed = parentFeedbackList.safeParse(await getAuthorized(path, token))
      if (!parsed.success) throw invalid(path, 200, 'not a feedback list')
      return parsed.data.docs
    },

    /** POST /api/feedback: a tip or remark for the school (S20). */
    async sendFeedback(token: string, feedback: NewFeedback): Promise<SendFeedbackResult> {
      const path = `${FEEDBACK_PATH}?depth=0`
      const { status, headers, body } = await send('POST', path, { token, json: feedback })
      if (status === 401 || status === 403) throw new CmsUnauthorizedError(status, path)
      if (status === 429) return rateLimited(headers)
      if (status === 400) {
        const errors = isRecord(body) && Array.isArray(body.errors) ? body.errors : []
        return { ok: false, code: 'invalid-input', ...validationErrors(errors) }
      }
      if (status !== 201) {
        if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
        throw new CmsRequestError(status, path)
      }
      if (!isRecord(body) || !isRecord(body.doc) || typeof body.doc.id !== 'string')
        throw invalid(path, status, 'no created feedback')
      return { ok: true, id: body.doc.id }
    },

    /** POST /api/conversations: a question to the teachers about one of the parent's children. */
    async startConversation(
      token: string,
      conversation: { pupil: string; subject: string },
    ): Promise<ConversationWriteResult> {
      return conversationWrite('POST', `${CONVERSATIONS_PATH}?depth=0`, token, conversation)
    },

    /** POST /api/messages: a message in a conversation the parent takes part in. */
    async sendMessage(
      token: string,
      message: { conversation: string; body: string },
    ): Promise<ConversationWriteResult> {
      return conversationWrite('POST', `${MESSAGES_PATH}?depth=0`, token, message)
    },

    /** PATCH /api/messages/<id>: the parent's own message corrected (or a held one rephrased). */
    async editMessage(token: string, id: string, body: string): Promise<ConversationWriteResult> {
      const path = `${MESSAGES_PATH}/${encodeURIComponent(id)}?depth=0`
      return conversationWrite('PATCH', path, token, { body })
    },

    /** POST /api/conversations/<id>/read: read up to now. `false` when not (any more) theirs. */
    async markConversationRead(token: string, id: string): Promise<boolean> {
      const path = conversationReadPath(id)
      const { status } = await send('POST', path, { token })
      if (status === 401) throw new CmsUnauthorizedError(status, path)
      if (status === 200) return true
      if (status === 403 || status === 404) return false
      throw new CmsRequestError(status, path)
    },

    /** The parent's own reports, newest first. */
    async listReports(token: string): Promise<ParentReport[]> {
      const path = '/api/reports?depth=0&limit=100&sort=-createdAt'
      const body = await getAuthorized(path, token)
      if (!Array.isArray(body.docs)) throw invalid(path, 200, 'no docs')
      return body.docs.map(parseReport).filter((report): report is ParentReport => report !== null)
    },

    /**
     * The reports of the parent's children (every guardian's, as the CMS decides) for days from
     * `since` on, newest day first. Parents may not filter or sort on these fields through the
     * API, so the pages come in the collection's own order (`-date`) and reading stops at the
     * first page that reaches before `since`. Never kept in the portal's caches: the portal
     * version does not move with absence writes, and a report must show at once.
     */
    async listAbsences(token: string, options: { since: string }): Promise<ParentAbsence[]> {
      const found: ParentAbsence[] = []
      for (let page = 1; page <= ABSENCE_MAX_PAGES; page++) {
        const path = `${ABSENCES_PATH}?depth=0&limit=${ABSENCE_PAGE_SIZE}&page=${page}`
        const parsed = absenceListPage.safeParse(await getAuthorized(path, token))
        if (!parsed.success) throw invalid(path, 200, 'not a list of absences')
        found.push(...parsed.data.docs)
        const reachedBefore = parsed.data.docs.some((doc) => doc.date < options.since)
        if (!parsed.data.hasNextPage || reachedBefore) break
      }
      return found.filter((doc) => doc.date >= options.since)
    },

    /** POST /api/absences: a sick report or a planned absence, or the CMS's Dutch refusal. */
    async createAbsence(token: string, absence: NewAbsence): Promise<CreateAbsenceResult> {
      const path = `${ABSENCES_PATH}?depth=0`
      const { status, headers, body } = await send('POST', path, { token, json: absence })
      if (status === 201 || status === 200) {
        const parsed = absenceSaved.safeParse(body)
        if (!parsed.success) throw invalid(path, status, 'no created absence')
        return { ok: true, absence: parsed.data.doc }
      }
      return writeRefusal(path, status, headers, body, ABSENCE_REFUSAL_CODES)
    },

    /** PATCH /api/absences/<id> to "ingetrokken"; the CMS says when it is too late. */
    async cancelAbsence(token: string, id: string): Promise<CancelAbsenceResult> {
      const path = `${ABSENCES_PATH}/${encodeURIComponent(id)}?depth=0`
      const { status, headers, body } = await send('PATCH', path, {
        token,
        json: { status: 'cancelled' },
      })
      if (status === 200) {
        const parsed = absenceSaved.safeParse(body)
        if (!parsed.success) throw invalid(path, status, 'no updated absence')
        return { ok: true, absence: parsed.data.doc }
      }
      if (status === 404) return notFound()
      return writeRefusal(path, status, headers, body, WITHDRAW_REFUSAL_CODES)
    },

    /**
     * The leave requests for the parent's children whose last day is `since` or later. Their
     * collection is ordered by creation, which says nothing about the days asked for: every page
     * is read (a family has a few a year). Never kept in the portal's caches.
     */
    async listLeaveRequests(
      token: string,
      options: { since: string },
    ): Promise<ParentLeaveRequest[]> {
      const found: ParentLeaveRequest[] = []
      for (let page = 1; page <= ABSENCE_MAX_PAGES; page++) {
        const path = `${LEAVE_REQUESTS_PATH}?depth=0&limit=${ABSENCE_PAGE_SIZE}&page=${page}`
        const parsed = leaveRequestListPage.safeParse(await getAuthorized(path, token))
        if (!parsed.success) throw invalid(path, 200, 'not a list of leave requests')
        found.push(...parsed.data.docs)
        if (!parsed.data.hasNextPage) break
      }
      return found.filter((doc) => doc.to >= options.since)
    },

    /** POST /api/leave-requests: extraordinary leave, or the CMS's Dutch refusal. */
    async createLeaveRequest(
      token: string,
      request: NewLeaveRequest,
    ): Promise<CreateLeaveRequestResult> {
      const path = `${LEAVE_REQUESTS_PATH}?depth=0`
      const { status, headers, body } = await send('POST', path, { token, json: request })
      if (status === 201 || status === 200) {
        const parsed = leaveRequestSaved.safeParse(body)
        if (!parsed.success) throw invalid(path, status, 'no created leave request')
        return { ok: true, leaveRequest: parsed.data.doc }
      }
      return writeRefusal(path, status, headers, body, LEAVE_REFUSAL_CODES)
    },

    /** PATCH /api/leave-requests/<id> to "ingetrokken", while it is still open. */
    async withdrawLeaveRequest(token: string, id: string): Promise<WithdrawLeaveRequestResult> {
      const path = `${LEAVE_REQUESTS_PATH}/${encodeURIComponent(id)}?depth=0`
      const { status, headers, body } = await send('PATCH', path, {
        token,
        json: { status: 'withdrawn' },
      })
      if (status === 200) {
        const parsed = leaveRequestSaved.safeParse(body)
        if (!parsed.success) throw invalid(path, status, 'no updated leave request')
        return { ok: true, leaveRequest: parsed.data.doc }
      }
      if (status === 404) return notFound()
      return writeRefusal(path, status, headers, body, WITHDRAW_REFUSAL_CODES)
    },

    /**
     * GET /api/parents/export: the parent's own data (AVG) as the CMS streams it — status,
     * headers and the unread body, passed on to the browser as it arrives. The timeout covers
     * only the wait for the headers.
     */
    async openExport(token: string, signal?: AbortSignal): Promise<MediaFileAnswer> {
      return openStream('GET', EXPORT_PATH, new Headers({ Authorization: `JWT ${token}` }), signal)
    },

    /** GET /api/parents/export/media: the zip of photos and videos, streamed like openExport. */
    async openMediaExport(token: string, signal?: AbortSignal): Promise<MediaFileAnswer> {
      const headers = new Headers({ Authorization: `JWT ${token}` })
      return openStream('GET', MEDIA_EXPORT_PATH, headers, signal)
    },

    /** GET /api/parents/export/media/summary: how many files and bytes the zip holds. */
    async mediaExportSummary(token: string): Promise<MediaExportSummary> {
      const parsed = mediaExportSummary.safeParse(
        await getAuthorized(MEDIA_EXPORT_SUMMARY_PATH, token),
      )
      if (!parsed.success) throw invalid(MEDIA_EXPORT_SUMMARY_PATH, 200, 'not a media summary')
      return parsed.data
    },

    /**
     * GET /api/media/file/<filename> for the file route: the answer's status and headers, with
     * the body still unread, so it can be streamed on. The timeout covers only the wait for the
     * headers (a long video may take as long as it takes); `signal` aborts the transfer.
     */
    async openMediaFile(
      token: string,
      filename: string,
      options: OpenMediaFileOptions = {},
    ): Promise<MediaFileAnswer> {
      const path = `/api/media/file/${encodeURIComponent(filename)}`
      const headers = new Headers({ Authorization: `JWT ${token}` })
      if (options.range) headers.set('Range', options.range)
      if (options.range && options.ifRange) headers.set('If-Range', options.ifRange)
      return openStream(options.method ?? 'GET', path, headers, options.signal)
    },

    /**
     * PATCH /api/parents/<id>: the parent's own email preferences (C1). A token that is no longer
     * accepted (or another parent's id) gives CmsUnauthorizedError.
     */
    async updateOwnNotifications(
      token: string,
      parentId: string,
      notifications: OwnNotificationPreferences,
    ): Promise<UpdateOwnNotificationsResult> {
      const path = `/api/parents/${encodeURIComponent(parentId)}?depth=0`
      const { status, body } = await send('PATCH', path, {
        token,
        json: {
          notifications: {
            news: notifications.news,
            group: notifications.group,
            messages: notifications.messages,
          },
        },
      })
      if (status === 401 || status === 403 || status === 404) {
        throw new CmsUnauthorizedError(status, path)
      }
      if (status === 400 && isRecord(body) && Array.isArray(body.errors)) {
        return { ok: false, code: 'invalid-input', ...validationErrors(body.errors) }
      }
      if (status !== 200) {
        if (status >= 300 && status < 400) throw invalid(path, status, 'a redirect')
        throw new CmsRequestError(status, path)
      }
      if (!isRecord(body) || !isRecord(body.doc) || typeof body.doc.id !== 'string') {
        throw invalid(path, status, 'no updated parent')
      }
      const saved = isRecord(body.doc.notifications) ? body.doc.notifications : {}
      return {
        ok: true,
        notifications: {
          news: isNotificationPreference(saved.news) ? saved.news : notifications.news,
          group: isNotificationPreference(saved.group) ? saved.group : notifications.group,
          messages: isNotificationPreference(saved.messages)
            ? saved.messages
            : notifications.messages,
        },
      }
    },

    /**
     * GET /api/parents/unsubscribe: what an unsubscribe link would switch off. Changes nothing.
     * The token never appears in an error message (those are logged).
     */
    async checkUnsubscribe(token: string): Promise<CheckUnsubscribeResult> {
      const label = '/api/parents/unsubscribe?token=…'
      let sent: Sent
      try {
        sent = await send('GET', `/api/parents/unsubscribe?token=${encodeURIComponent(token)}`)
      } catch (error) {
        throw withoutToken(error, token)
      }
      const { status, headers, body } = sent
      if (status === 429) return rateLimited(headers)
      if (!isRecord(body)) throw invalid(label, status, 'not a JSON object')
      if (status === 200 && body.ok === true) {
        if (!isUnsubscribeScope(body.kind) || typeof body.scopeLabel !== 'string') {
          throw invalid(label, status, 'an incomplete unsubscribe answer')
        }
        return { ok: true, kind: body.kind, scopeLabel: body.scopeLabel }
      }
      return refusal(label, status, body, UNSUBSCRIBE_REFUSAL_STATUS)
    },

    /**
     * POST /api/parents/unsubscribe: switches off the one kind of email the link is for (no login:
     * the signed token is the only authority), with the CMS's Dutch confirmation.
     */
    async unsubscribe(token: string): Promise<UnsubscribeResult> {
      const path = '/api/parents/unsubscribe'
      const { status, headers, body } = await send('POST', path, { json: { token } })
      if (status === 429) return rateLimited(headers)
      if (!isRecord(body)) throw invalid(path, status, 'not a JSON object')
      if (status === 200 && body.ok === true) {
        if (!isUnsubscribeScope(body.kind) || typeof body.message !== 'string') {
          throw invalid(path, status, 'an incomplete unsubscribe answer')
        }
        return { ok: true, kind: body.kind, message: body.message }
      }
      return refusal(path, status, body, UNSUBSCRIBE_REFUSAL_STATUS)
    },
  }
}

/** A parent's own choice per kind of post (C1), as the portal saves it. */
export type OwnNotificationPreferences = Record<NotificationKind, NotificationPreference>

export type UpdateOwnNotificationsResult =
  | { ok: true; notifications: OwnNotificationPreferences }
  /** Payload refused the values: its messages per field path, and its first message. */
  | { ok: false; code: 'invalid-input'; message: string; fields: Record<string, string> }

/** What an unsubscribe link is for: one kind of post, or every kind that comes as a digest. */
export type UnsubscribeScope = NotificationKind | 'digest'

/** Why the CMS refused an unsubscribe token (both 400). */
export type UnsubscribeProblem = 'invalid-token' | 'invalid-input'

export type CheckUnsubscribeResult =
  /** `scopeLabel`: "over schoolnieuws", "met het dagelijks overzicht". */
  | { ok: true; kind: UnsubscribeScope; scopeLabel: string }
  | CmsRefusal<UnsubscribeProblem>
  | RateLimited

export type UnsubscribeResult =
  | { ok: true; kind: UnsubscribeScope; message: string }
  | CmsRefusal<UnsubscribeProblem>
  | RateLimited

const UNSUBSCRIBE_REFUSAL_STATUS: Record<UnsubscribeProblem, number> = {
  'invalid-token': 400,
  'invalid-input': 400,
}

function isNotificationPreference(value: unknown): value is NotificationPreference {
  return (
    typeof value === 'string' && (NOTIFICATION_PREFERENCES as readonly string[]).includes(value)
  )
}

function isUnsubscribeScope(value: unknown): value is UnsubscribeScope {
  return value === 'news' || value === 'group' || value === 'digest'
}

/** The same outage, with the token cut out of its message (messages are logged). */
function withoutToken(error: unknown, token: string): unknown {
  if (!(error instanceof CmsUnavailableError) || token.length === 0) return error
  const message = error.message.split(encodeURIComponent(token)).join('…').split(token).join('…')
  return new CmsUnavailableError(error.reason, message, {
    ...(error.status === undefined ? {} : { status: error.status }),
    cause: error.cause,
  })
}
