import { defineAction } from 'astro:actions'
import { z } from 'zod'

import type { LoginFormResult } from '../features/auth/login'
import { submitLoginForm, UNAVAILABLE_MESSAGE } from '../features/auth/login'
import { getPortalContext } from '../features/portal-context'

const loginInput = z.object({
  email: z
    .string({ error: 'Vul je e-mailadres in.' })
    .trim()
    .min(1, { error: 'Vul je e-mailadres in.' })
    .max(254, { error: 'Dit e-mailadres is te lang.' })
    .pipe(z.email({ error: 'Vul een geldig e-mailadres in, bv. naam@voorbeeld.nl.' })),
  password: z
    .string({ error: 'Vul je wachtwoord in.' })
    .min(1, { error: 'Vul je wachtwoord in.' })
    .max(1024, { error: 'Dit wachtwoord is te lang.' }),
  /** Where to go after logging in; checked again by safeRedirectPath. */
  terug: z.string().max(2000).optional().catch(undefined),
})

export const server = {
  /**
   * The login form. Logging in is the one action that needs no parent; it never throws, so the
   * login page always shows a clear message instead of an error page.
   */
  login: defineAction({
    accept: 'form',
    input: loginInput,
    handler: async (input, context): Promise<LoginFormResult> => {
      try {
        const portal = getPortalContext()
        return await submitLoginForm(input, {
          cms: portal.cms,
          cookies: context.cookies,
          session: portal.session,
        })
      } catch (error) {
        console.error('[portal] Login action failed:', error)
        return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, email: input.email }
      }
    },
  }),
}
