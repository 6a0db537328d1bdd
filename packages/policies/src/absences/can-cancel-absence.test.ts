import { describe, expect, it } from 'vitest'

import { DEFAULT_SCHOOL_TIME_SETTINGS } from '../school-time/types'
import { canCancelAbsence } from './can-cancel-absence'

const settings = DEFAULT_SCHOOL_TIME_SETTINGS

describe('canCancelAbsence', () => {
  it('a sick report until its cutoff, to the second', () => {
    const at = (iso: string) =>
      canCancelAbsence({ kind: 'sick', date: '2026-12-07', now: new Date(iso), settings })
    expect(at('2026-12-07T07:14:59Z')).toMatchObject({ ok: true })
    expect(at('2026-12-07T07:14:59Z').ok && at('2026-12-07T07:14:59Z')).toMatchObject({
      until: new Date('2026-12-07T07:15:00Z'),
    })
    expect(at('2026-12-07T07:15:00Z')).toMatchObject({ ok: false, reason: 'too-late' })
  })

  it('a planned absence until its day starts (local midnight, summer time)', () => {
    const at = (iso: string) =>
      canCancelAbsence({ kind: 'planned', date: '2026-06-10', now: new Date(iso), settings })
    expect(at('2026-06-09T21:59:59Z').ok).toBe(true)
    expect(at('2026-06-09T22:00:00Z')).toMatchObject({ ok: false, reason: 'too-late' })
  })
})
