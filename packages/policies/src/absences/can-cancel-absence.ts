import { getInstantAt } from '../school-time/get-instant-at'
import type { AbsenceKind, AbsenceSettings } from './check-absence-report'

export type CanCancelAbsenceResult =
  { ok: true; until: Date } | { ok: false; reason: 'too-late'; message: string }

/**
 * Until when a parent may withdraw a report: a sick report until the cutoff of its day (after it
 * the teacher relies on it), a planned one until its day starts (midnight, school time).
 */
export function canCancelAbsence({
  kind,
  date,
  now,
  settings,
}: {
  kind: AbsenceKind
  date: string
  now: Date
  settings: Pick<AbsenceSettings, 'timeZone' | 'absenceCutoff'>
}): CanCancelAbsenceResult {
  const time = kind === 'sick' ? settings.absenceCutoff : '00:00'
  const until = getInstantAt({ date, time, timeZone: settings.timeZone })
  if (now.getTime() < until.getTime()) return { ok: true, until }
  return {
    ok: false,
    reason: 'too-late',
    message:
      kind === 'sick'
        ? 'Intrekken kan tot de ochtendgrens van die dag. Bel de school als er iets verandert.'
        : 'Intrekken kan tot de dag zelf begint. Bel de school als er iets verandert.',
  }
}
