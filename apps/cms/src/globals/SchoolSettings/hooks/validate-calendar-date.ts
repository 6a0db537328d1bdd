import { parseCalendarDate } from '@schoolpost/policies'

/** Field validator: a strict YYYY-MM-DD that exists (2027-02-30 does not). */
export const validateCalendarDate = (value: unknown): true | string => {
  if (typeof value !== 'string' || !value) return 'Vul een datum in als JJJJ-MM-DD, bv. 2026-12-21.'
  return parseCalendarDate({ value }).ok
    ? true
    : 'Vul een bestaande datum in als JJJJ-MM-DD, bv. 2026-12-21.'
}
