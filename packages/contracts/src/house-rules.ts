import { z } from 'zod'

/**
 * The house rules (S18). `GET /api/parents/house-rules`: the version in force and what the
 * parent accepted; `POST /api/parents/house-rules/accept` with the version the parent read. Both
 * answer a parent who has not accepted yet; every other parent endpoint answers such a parent
 * 403 with code `house-rules`.
 */
export const HOUSE_RULES_PATH = '/api/parents/house-rules'
export const ACCEPT_HOUSE_RULES_PATH = '/api/parents/house-rules/accept'
/** The `code` of the 403 every other endpoint gives a parent who has not accepted. */
export const HOUSE_RULES_REFUSAL_CODE = 'house-rules'

export const houseRulesAnswer = z.object({
  version: z.number().int().min(1),
  /** Sanitized HTML (the CMS renders and sanitizes it like a post body). */
  html: z.string(),
  /** When this version took effect; `null` for the school's default text. */
  publishedAt: z.string().nullable(),
  changeNote: z.string().nullable(),
  accepted: z.object({ version: z.number().int(), acceptedAt: z.string() }).nullable(),
  status: z.enum(['accepted', 'never-accepted', 'new-version']),
})
export type HouseRulesAnswer = z.infer<typeof houseRulesAnswer>

export const acceptHouseRulesInput = z.object({ version: z.number().int().min(1).max(1_000_000) })
export type AcceptHouseRulesInput = z.infer<typeof acceptHouseRulesInput>

export const acceptHouseRulesAnswer = z.object({
  ok: z.literal(true),
  version: z.number().int(),
  acceptedAt: z.string(),
})
export type AcceptHouseRulesAnswer = z.infer<typeof acceptHouseRulesAnswer>
