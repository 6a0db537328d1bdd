/** Why a child is away: a sick report is always "ziek"; a planned absence names its kind. */
export const ABSENCE_REASONS = [
  { value: 'ziek', nl: 'Ziek', kinds: ['sick'] },
  { value: 'tandarts', nl: 'Tandarts of orthodontist', kinds: ['planned'] },
  { value: 'huisarts', nl: 'Huisarts', kinds: ['planned'] },
  { value: 'ziekenhuis', nl: 'Ziekenhuis of specialist', kinds: ['planned'] },
  { value: 'therapie', nl: 'Therapie (logopedie, fysio …)', kinds: ['planned'] },
  { value: 'overig', nl: 'Anders', kinds: ['planned'] },
] as const

export type AbsenceReason = (typeof ABSENCE_REASONS)[number]['value']

export const ABSENCE_STATUSES = [
  { value: 'reported', nl: 'Gemeld' },
  { value: 'acknowledged', nl: 'Gezien door de leerkracht' },
  { value: 'cancelled', nl: 'Ingetrokken' },
] as const

export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number]['value']
