import type { AstroCookies } from 'astro'
import { z } from 'zod'

import type { NoticeView } from '../auth/login-page'
import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { PortalSession, SessionConfig } from '../auth/session'
import { writeSessionCookie } from '../auth/session'
import type { CmsClient, OwnAccountUpdate } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'

/** A parent's own details, as /account shows and changes them. */
export type AccountDetails = OwnAccountUpdate & { email: string }

export const LANGUAGE_OPTIONS = [
  { value: 'nl', label: 'Nederlands' },
  { value: 'en', label: 'English' },
] as const satisfies { value: OwnAccountUpdate['preferredLanguage']; label: string }[]

export const SAVED_PATH = '/account?opgeslagen=1'

/** The account form (the email address is not changed here: the school manages it). */
export const accountInput = z.object({
  name: z
    .string({ error: 'Vul je naam in.' })
    .trim()
    .min(1, { error: 'Vul je naam in.' })
    .max(120, { error: 'Je naam mag hoogstens 120 tekens lang zijn.' }),
  phone: z
    .string()
    .trim()
    .max(30, { error: 'Dit telefoonnummer is te lang.' })
    .regex(/^[0-9+()\-\s]*$/, {
      error: 'Gebruik alleen cijfers, spaties, + en -, bv. 06 12345678.',
    })
    .default(''),
  preferredLanguage: z.enum(['nl', 'en'], { error: 'Kies Nederlands of English.' }),
})

export type AccountInput = z.infer<typeof accountInput>

export type AccountLoad =
  { kind: 'ok'; account: AccountDetails } | { kind: 'signed-out' } | { kind: 'unavailable' }

/** The parent's own details from the CMS. Never throws. */
export async function loadAccount(
  session: PortalSession,
  cms: Pick<CmsClient, 'me'>,
): Promise<AccountLoad> {
  try {
    const { user } = await cms.me(session.token)
    if (!user || user.id !== session.parentId) return { kind: 'signed-out' }
    return {
      kind: 'ok',
      account: {
        name: user.name,
        email: user.email,
        phone: user.phone ?? '',
        preferredLanguage: user.preferredLanguage ?? 'nl',
      },
    }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    reportCmsFailure('Loading the account', error)
    return { kind: 'unavailable' }
  }
}

/** What the account action hands back to its page. */
export type AccountFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: 'invalid-input' | 'unavailable'
      message: string
      fields: Partial<Record<keyof AccountInput, string>>
    }

/**
 * Saves the parent's own details at the CMS (with their token, for their own id only) and keeps
 * the name in the portal session up to date. Never throws.
 */
export async function submitAccountForm(
  input: AccountInput,
  deps: {
    cms: Pick<CmsClient, 'updateOwnAccount'>
    cookies: AstroCookies
    /** The parent of this request (the action checked the session). */
    parent: PortalSession
    session: SessionConfig
  },
): Promise<AccountFormResult> {
  try {
    const result = await deps.cms.updateOwnAccount(deps.parent.token, deps.parent.parentId, {
      name: input.name,
      phone: input.phone,
      preferredLanguage: input.preferredLanguage,
    })
    if (!result.ok) {
      const fields: Partial<Record<keyof AccountInput, string>> = {}
      for (const key of ['name', 'phone', 'preferredLanguage'] as const) {
        const message = result.fields[key]
        if (message) fields[key] = message
      }
      return {
        ok: false,
        code: 'invalid-input',
        message: result.message || 'Controleer wat je hebt ingevuld.',
        fields,
      }
    }
    const name = typeof result.parent.name === 'string' ? result.parent.name : input.name
    if (name !== deps.parent.parentName) {
      try {
        await writeSessionCookie(deps.cookies, { ...deps.parent, parentName: name }, deps.session)
      } catch (error) {
        // The details are saved; only the name in the header stays old until the next login.
        console.error('[portal] Could not update the name in the portal session:', error)
      }
    }
    return { ok: true, redirectTo: SAVED_PATH }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Saving the account', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }
  }
}

export type AccountFailure = Exclude<AccountFormResult, { ok: true } | { code: 'signed-out' }>

export type AccountPageView = {
  status: number
  headers: Record<string, string>
  notice: NoticeView | undefined
  values: AccountDetails
  fieldErrors: Partial<Record<keyof AccountInput, string>>
}

const asText = (value: unknown, max: number) =>
  typeof value === 'string' ? value.trim().slice(0, max) : undefined

/** The account page for one request: the saved details, or what was typed with its errors. */
export function accountPageView(input: {
  url: URL
  account: AccountDetails
  outcome: ActionOutcome<AccountFailure>
  form: { name?: unknown; phone?: unknown; preferredLanguage?: unknown } | undefined
}): AccountPageView {
  const { account, outcome, form } = input
  const language = form?.preferredLanguage
  const values: AccountDetails = {
    email: account.email,
    name: asText(form?.name, 200) ?? account.name,
    phone: asText(form?.phone, 60) ?? account.phone,
    preferredLanguage:
      language === 'nl' || language === 'en' ? language : account.preferredLanguage,
  }
  const check: NoticeView = {
    kind: 'error',
    title: 'Controleer wat je hebt ingevuld',
    message: 'Je gegevens zijn nog niet opgeslagen.',
  }
  switch (outcome.kind) {
    case 'none':
      return {
        status: 200,
        headers: {},
        notice:
          input.url.searchParams.get('opgeslagen') === '1'
            ? { kind: 'success', message: 'Je gegevens zijn opgeslagen.' }
            : undefined,
        values: account,
        fieldErrors: {},
      }
    case 'input-error': {
      const fieldErrors: AccountPageView['fieldErrors'] = {}
      for (const key of ['name', 'phone', 'preferredLanguage'] as const) {
        const message = outcome.fields[key]?.[0]
        if (message) fieldErrors[key] = message
      }
      return { status: 400, headers: {}, notice: check, values, fieldErrors }
    }
    case 'action-error':
      return { status: 400, headers: {}, notice: check, values, fieldErrors: {} }
    case 'result': {
      const { result } = outcome
      if (result.code === 'unavailable') {
        return {
          status: 503,
          headers: { 'Retry-After': '30' },
          notice: {
            kind: 'error',
            title: 'Schoolpost is niet bereikbaar',
            message: result.message,
          },
          values,
          fieldErrors: {},
        }
      }
      return {
        status: 400,
        headers: {},
        notice: { ...check, message: result.message },
        values,
        fieldErrors: result.fields,
      }
    }
  }
}
