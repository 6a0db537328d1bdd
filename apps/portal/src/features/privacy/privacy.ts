import { z } from 'zod'

import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { NoticeView } from '../auth/login-page'
import type { PortalSession } from '../auth/session'
import type { CmsClient, ConsentStatus, ImageConsentChoice } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { idField, isValidId } from '../../lib/cms/ids'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import type { ChildSummary, SchoolContact } from '../home/load-home'
import { childSummary, schoolContact } from '../home/load-home'

/**
 * Privacy preferences (S16): per child, whether images showing that child may be shared in the
 * closed platform. Each guardian chooses for themselves; if any guardian refuses, the child counts
 * as refused, at once and also for images already placed. The CMS records and enforces it.
 */

export const PRIVACY_PATH = '/account/privacy'

export const CONSENT_OPTIONS = [
  { value: 'ja', label: "Mijn kind mag op foto's en video's in Schoolpost" },
  { value: 'nee', label: "Mijn kind mag níet op foto's en video's" },
] as const

export const OTHER_GUARDIAN_REFUSED =
  'Let op: een andere ouder heeft bezwaar gemaakt, dus uw kind staat op geen enkele foto of video.'

export const consentInput = z.object({
  pupil: idField,
  allowed: z.enum(['ja', 'nee'], { error: "Kies of je kind op foto's en video's mag." }),
})

export type ConsentInput = z.infer<typeof consentInput>

export type PrivacyData = {
  children: ChildSummary[]
  choices: ImageConsentChoice[]
  /** The school's rule when no guardian has chosen. */
  schoolDefault: ConsentStatus
  school: SchoolContact
}

export type PrivacyLoad =
  { kind: 'ok'; data: PrivacyData } | { kind: 'signed-out' } | { kind: 'unavailable' }

/** The school default from the settings; the objection model ("allowed") when not set. */
export function schoolDefaultConsent(settings: object): ConsentStatus {
  const value = (settings as { defaultImageConsent?: unknown }).defaultImageConsent
  return value === 'refused' ? 'refused' : 'allowed'
}

/** The children, the parent's own choices and the school default, asked at once. Never throws. */
export async function loadPrivacy(
  session: PortalSession,
  cms: Pick<CmsClient, 'listPupils' | 'listImageConsents' | 'getSchoolSettings'>,
): Promise<PrivacyLoad> {
  const results = await Promise.allSettled([
    cms.listPupils(session.token),
    cms.listImageConsents(session.token),
    cms.getSchoolSettings(session.token),
  ] as const)
  const [pupils, choices, settings] = results
  if (results.some((r) => r.status === 'rejected' && r.reason instanceof CmsUnauthorizedError)) {
    return { kind: 'signed-out' }
  }
  if (
    pupils.status === 'rejected' ||
    choices.status === 'rejected' ||
    settings.status === 'rejected'
  ) {
    for (const r of results) {
      if (r.status === 'rejected') reportCmsFailure('Loading the privacy preferences', r.reason)
    }
    return { kind: 'unavailable' }
  }
  return {
    kind: 'ok',
    data: {
      children: pupils.value.map(childSummary),
      choices: choices.value,
      schoolDefault: schoolDefaultConsent(settings.value),
      school: schoolContact(settings.value),
    },
  }
}

export type PrivacyFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: 'forbidden' | 'invalid-input' | 'unavailable'
      message: string
      pupil: string
      allowed: boolean
    }

export type PrivacyFailure = Exclude<PrivacyFormResult, { ok: true } | { code: 'signed-out' }>

const anchor = (pupilId: string) => `kind-${pupilId}`

/** Where the page goes after saving: the child's card, with the child's resulting status. */
export function savedPath(pupilId: string, effective: ConsentStatus): string {
  const params = new URLSearchParams({
    opgeslagen: pupilId,
    effectief: effective === 'refused' ? 'bezwaar' : 'toegestaan',
  })
  return `${PRIVACY_PATH}?${params.toString()}#${anchor(pupilId)}`
}

const NOT_YOUR_CHILD = 'Je kunt deze keuze alleen maken voor je eigen kinderen.'

/**
 * Saves the parent's choice for one child. The child must be one of the parent's own (checked
 * here for a clear message; the CMS enforces it). Never throws.
 */
export async function submitConsentForm(
  input: ConsentInput,
  deps: { cms: Pick<CmsClient, 'listPupils' | 'setImageConsent'>; parent: PortalSession },
): Promise<PrivacyFormResult> {
  const allowed = input.allowed === 'ja'
  const failure = (code: PrivacyFailure['code'], message: string): PrivacyFormResult => ({
    ok: false,
    code,
    message,
    pupil: input.pupil,
    allowed,
  })
  try {
    const pupils = await deps.cms.listPupils(deps.parent.token)
    if (!pupils.some((pupil) => pupil.id === input.pupil))
      return failure('forbidden', NOT_YOUR_CHILD)
    const result = await deps.cms.setImageConsent(deps.parent.token, {
      pupil: input.pupil,
      allowed,
    })
    if (result.ok) return { ok: true, redirectTo: savedPath(input.pupil, result.effective) }
    if (result.code === 'forbidden') return failure('forbidden', NOT_YOUR_CHILD)
    return failure('invalid-input', result.message || "Kies of je kind op foto's en video's mag.")
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Saving an image consent', error)
    return failure('unavailable', UNAVAILABLE_MESSAGE)
  }
}

export type ChildConsentView = {
  id: string
  anchor: string
  /** "Noor Yilmaz — Groep 3". */
  title: string
  /** The radio that is checked: the parent's own choice, or the school default. */
  choice: 'ja' | 'nee'
  /** Shown when the parent has not chosen yet. */
  defaultNote: string | null
  /** The child's resulting status, when the portal knows it. */
  status: NoticeView | null
  /** Just saved (the success message of this card). */
  saved: boolean
  error: string | null
}

export type PrivacyPageView = {
  status: number
  headers: Record<string, string>
  notice: NoticeView | undefined
  children: ChildConsentView[]
}

/** The parent's own latest choice for each child. */
function ownChoices(choices: ImageConsentChoice[], parentId: string): Map<string, boolean> {
  const latest = new Map<string, ImageConsentChoice>()
  for (const choice of choices) {
    if (choice.guardian !== parentId) continue
    const seen = latest.get(choice.pupil)
    if (!seen || (choice.updatedAt ?? '') >= (seen.updatedAt ?? ''))
      latest.set(choice.pupil, choice)
  }
  return new Map([...latest].map(([pupil, choice]) => [pupil, choice.allowed]))
}

/**
 * What the portal knows of a child's resulting status: what the CMS answered on saving, or a
 * refusal among the choices it can read (its own; another guardian's when the CMS shares them).
 * `null` when it cannot tell (e.g. the parent allowed and sees no other guardian's choice).
 */
export function knownEffective(input: {
  pupilId: string
  parentId: string
  choices: ImageConsentChoice[]
  justSaved: ConsentStatus | null
}): ConsentStatus | null {
  if (input.justSaved) return input.justSaved
  const forChild = input.choices.filter((choice) => choice.pupil === input.pupilId)
  if (forChild.some((choice) => !choice.allowed)) return 'refused'
  const own = forChild.some((choice) => choice.guardian === input.parentId)
  const others = forChild.some((choice) => choice.guardian !== input.parentId)
  return own && others ? 'allowed' : null
}

function statusNotice(effective: ConsentStatus | null, parentAllows: boolean): NoticeView | null {
  if (effective === 'allowed') {
    return {
      kind: 'info',
      message: "Je kind kan op groepsfoto's en video's in Schoolpost staan.",
    }
  }
  if (effective === 'refused') {
    return parentAllows
      ? { kind: 'warning', message: OTHER_GUARDIAN_REFUSED }
      : { kind: 'info', message: 'Je kind staat op geen enkele foto of video in Schoolpost.' }
  }
  return null
}

/** The privacy page for one request: per child the choice, its status and any message. */
export function privacyPageView(input: {
  url: URL
  parentId: string
  data: PrivacyData
  outcome: ActionOutcome<PrivacyFailure>
  /** The posted form, when there was one (to keep the choice of a failed save). */
  form: { pupil?: unknown; allowed?: unknown } | undefined
}): PrivacyPageView {
  const { url, parentId, data, outcome, form } = input
  const own = ownChoices(data.choices, parentId)
  const savedPupil = outcome.kind === 'none' ? url.searchParams.get('opgeslagen') : null
  const savedEffective = url.searchParams.get('effectief')
  const justSaved: ConsentStatus | null =
    savedEffective === 'bezwaar' ? 'refused' : savedEffective === 'toegestaan' ? 'allowed' : null

  // The child a failed save was for, and what was chosen.
  let failedPupil: string | null = null
  let failedChoice: 'ja' | 'nee' | null = null
  let error: string | null = null
  let status = 200
  let headers: Record<string, string> = {}
  let notice: NoticeView | undefined
  if (outcome.kind === 'result') {
    failedPupil = outcome.result.pupil
    failedChoice = outcome.result.allowed ? 'ja' : 'nee'
    error = outcome.result.message
    status = { forbidden: 403, 'invalid-input': 400, unavailable: 503 }[outcome.result.code]
    if (outcome.result.code === 'unavailable') headers = { 'Retry-After': '30' }
  } else if (outcome.kind === 'input-error' || outcome.kind === 'action-error') {
    failedPupil = isValidId(form?.pupil) ? form.pupil : null
    error =
      (outcome.kind === 'input-error' ? outcome.fields.allowed?.[0] : undefined) ??
      'Je keuze is nog niet opgeslagen. Probeer het opnieuw.'
    status = 400
  }
  if (error && !data.children.some((child) => child.id === failedPupil)) {
    notice = { kind: 'error', title: 'Niet opgeslagen', message: error }
  }

  const children = data.children.map((child): ChildConsentView => {
    const ownAllowed = own.get(child.id)
    const parentAllows = ownAllowed ?? data.schoolDefault === 'allowed'
    const saved = savedPupil === child.id
    const failed = failedPupil === child.id
    const effective = knownEffective({
      pupilId: child.id,
      parentId,
      choices: data.choices,
      justSaved: saved ? justSaved : null,
    })
    return {
      id: child.id,
      anchor: anchor(child.id),
      title: child.groupName ? `${child.name} — ${child.groupName}` : child.name,
      choice: failed && failedChoice ? failedChoice : parentAllows ? 'ja' : 'nee',
      defaultNote:
        ownAllowed === undefined
          ? `Je hebt nog geen keuze gemaakt. De school gaat dan uit van: ${
              data.schoolDefault === 'allowed'
                ? 'je kind mag op foto’s en video’s'
                : 'je kind mag níet op foto’s en video’s'
            }.`
          : null,
      status: statusNotice(effective, parentAllows),
      saved,
      error: failed ? error : null,
    }
  })
  return { status, headers, notice, children }
}
