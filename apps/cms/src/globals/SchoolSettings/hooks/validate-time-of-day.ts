import { parseTimeOfDay } from '@schoolpost/policies'

/** Field validator: empty is allowed (no school that day), otherwise a strict HH:mm. */
export const validateTimeOfDay = (value: string | null | undefined): true | string => {
  if (!value) return true
  const parsed = parseTimeOfDay({ value })
  return parsed.ok ? true : 'Gebruik de vorm UU:MM, bv. 08:30.'
}
