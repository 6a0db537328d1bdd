import { parseTimeOfDay } from '@schoolpost/policies'

/**
 * Field validator: a strict HH:mm. Empty is allowed only where the field is optional (no school
 * that day); a custom validator replaces Payload's own required check, so it is repeated here.
 */
export const validateTimeOfDay = (
  value: unknown,
  { required }: { required?: boolean } = {},
): true | string => {
  if (value === null || value === undefined || value === '')
    return required ? 'Vul een tijd in, bv. 08:15.' : true
  if (typeof value !== 'string') return 'Gebruik de vorm UU:MM, bv. 08:30.'
  const parsed = parseTimeOfDay({ value })
  return parsed.ok ? true : 'Gebruik de vorm UU:MM, bv. 08:30.'
}
