import type { LoginErrorCode, LoginFormResult } from './login'
import { LOGIN_ERROR_STATUS, LOGIN_ERROR_TITLES, loginErrorMessage } from './login'
import { safeRedirectPath } from './safe-redirect'

export type NoticeView = {
  kind: 'info' | 'success' | 'warning' | 'error'
  title?: string
  message: string
}

export type LoginPageView = {
  status: number
  /** Extra response headers (Retry-After). */
  headers: Record<string, string>
  email: string
  /** The safe path to return to after logging in ('' when the start page). */
  terug: string
  notice: NoticeView | undefined
  fieldErrors: { email?: string; password?: string }
}

/** What the login page got back from the login action, reduced to what it needs. */
export type LoginActionOutcome =
  | { kind: 'none' }
  | { kind: 'result'; result: Exclude<LoginFormResult, { ok: true }> }
  | { kind: 'input-error'; fields: Record<string, string[] | undefined> }
  /** Any other action failure (wrong content type, body too large…). */
  | { kind: 'action-error' }

export type LoginPageInput = {
  url: URL
  outcome: LoginActionOutcome
  /** The posted form, when there was one (to keep the typed email and return path). */
  form: { email?: unknown; terug?: unknown } | undefined
}

const asText = (value: unknown, max: number) =>
  typeof value === 'string' ? value.trim().slice(0, max) : ''

function errorView(code: LoginErrorCode, message = loginErrorMessage(code)): NoticeView {
  return { kind: 'error', title: LOGIN_ERROR_TITLES[code], message }
}

/** The login page's state for one request: status, notice, field errors and refilled values. */
export function loginPageView({ url, outcome, form }: LoginPageInput): LoginPageView {
  const terugSource = form ? form.terug : url.searchParams.get('terug')
  const terugPath = safeRedirectPath(terugSource)
  const view: LoginPageView = {
    status: 200,
    headers: {},
    email: asText(form?.email, 254),
    terug: terugPath === '/' ? '' : terugPath,
    notice: undefined,
    fieldErrors: {},
  }
  switch (outcome.kind) {
    case 'none':
      if (url.searchParams.get('uitgelogd') === '1') {
        view.notice = { kind: 'success', message: 'Je bent uitgelogd.' }
      }
      return view
    case 'result': {
      const { result } = outcome
      view.status = LOGIN_ERROR_STATUS[result.code]
      view.email = asText(result.email, 254) || view.email
      view.notice = errorView(result.code, result.message)
      if (result.code === 'rate-limited' && result.retryAfterSeconds) {
        view.headers['Retry-After'] = String(result.retryAfterSeconds)
      }
      return view
    }
    case 'input-error': {
      const email = outcome.fields.email?.[0]
      const password = outcome.fields.password?.[0]
      view.status = LOGIN_ERROR_STATUS['invalid-input']
      view.fieldErrors = {
        ...(email ? { email } : {}),
        ...(password ? { password } : {}),
      }
      view.notice = errorView('invalid-input')
      return view
    }
    case 'action-error':
      view.status = LOGIN_ERROR_STATUS['invalid-input']
      view.notice = errorView('invalid-input')
      return view
  }
}
