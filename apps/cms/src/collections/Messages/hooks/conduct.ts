import type { ConductRule, ConductTerm } from '@schoolpost/policies'
import type { PayloadRequest } from 'payload'

// The last list seen, kept as the same array while its content stays the same: `checkConduct`
// compiles a school's list once per array object, so every request reuses the compiled one.
let last: { key: string; terms: readonly ConductTerm[] } | null = null

/**
 * The school's own conduct terms (school settings), read once per request: the built-in list is
 * in `checkConduct` (@schoolpost/policies); this is only what the director added.
 */
export async function conductTermsOf(req: PayloadRequest): Promise<readonly ConductTerm[]> {
  const cached = req.context.conductTerms as readonly ConductTerm[] | undefined
  if (cached) return cached
  const settings = await req.payload.findGlobal({
    slug: 'school-settings',
    depth: 0,
    overrideAccess: true,
    req,
    select: { conductTerms: true },
  })
  const terms = (settings.conductTerms ?? []).flatMap((row) =>
    row.term?.trim() ? [{ term: row.term.trim(), rule: row.rule as ConductRule }] : [],
  )
  const key = JSON.stringify(terms)
  if (last?.key !== key) last = { key, terms }
  req.context.conductTerms = last.terms
  return last.terms
}
