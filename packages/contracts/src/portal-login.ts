import type { Parent } from './payload-types'

/**
 * `POST /api/parents/portal-login` — the portal's one door for parents: a token, or a
 * machine-readable reason why not (the CMS answers it `satisfies` this type).
 */
export type PortalLoginResponse =
  | {
      ok: true
      token: string
      exp: number
      user: Pick<Parent, 'id' | 'name' | 'email'>
      /** The house-rules version the parent last accepted (`null`: never; S18). */
      houseRulesVersion: number | null
    }
  | {
      ok: false
      code: 'invalid-input' | 'invalid-credentials' | 'deactivated'
      message: string
    }
