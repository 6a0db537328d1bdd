import { addCalendarDays, getSchoolNow, parseCalendarDate } from '@schoolpost/policies'
import type { ServerProps } from 'payload'
import React from 'react'

import { ABSENCE_REASONS } from '../../collections/Absences/reasons'
import { dutchDay } from '../../collections/Absences/hooks/absence-facts'
import { now } from '../../lib/clock'
import type { Absence, Group, LeaveRequest, Pupil } from '../../payload-types'
import { TodayAcknowledge } from './TodayAcknowledge'

const reasonLabel = (value: string | null | undefined) =>
  ABSENCE_REASONS.find((r) => r.value === value)?.nl ?? ''
const STATUS = { reported: 'Nieuw', acknowledged: 'Gezien', cancelled: 'Ingetrokken' } as const

type Row = Absence & { pupil: Pupil | string; group?: Group | string | null }

const nameOf = (pupil: Pupil | string) =>
  typeof pupil === 'string' ? 'Leerling' : `${pupil.firstName} ${pupil.lastName}`
const groupOf = (group: Group | string | null | undefined) =>
  group && typeof group === 'object'
    ? { id: group.id, name: group.name }
    : { id: '-', name: 'Zonder groep' }

/**
 * "Vandaag" on the dashboard (S9, S10): a teacher sees today's absences of their own groups with
 * reasons, and acknowledges them one by one or per group at once; office and directors see every
 * group, and any other day through ?dag=YYYY-MM-DD. Read with the user's own access, so a teacher
 * never sees another group's children. Approved leave of the day is listed too.
 */
export async function TodayAbsences({ payload, user, searchParams }: ServerProps) {
  if (!user || (user as { collection?: string }).collection !== 'staff') return null
  const settings = await payload.findGlobal({ slug: 'school-settings', depth: 0 })
  const today = getSchoolNow({ now: now(), timeZone: settings.timeZone }).date
  const asked = typeof searchParams?.dag === 'string' ? searchParams.dag : null
  const day = asked && parseCalendarDate({ value: asked }).ok ? asked : today
  const access = { user, overrideAccess: false, depth: 1 } as const
  const [absences, leave] = await Promise.all([
    payload.find({
      collection: 'absences',
      where: { and: [{ date: { equals: day } }, { status: { not_equals: 'cancelled' } }] },
      limit: 1000,
      sort: 'createdAt',
      ...access,
    }),
    payload.find({
      collection: 'leave-requests',
      where: {
        and: [
          { status: { equals: 'approved' } },
          { from: { less_than_equal: day } },
          { to: { greater_than_equal: day } },
        ],
      },
      limit: 1000,
      ...access,
    }),
  ])
  const groups = new Map<string, { name: string; rows: Row[] }>()
  for (const row of absences.docs as Row[]) {
    const group = groupOf(row.group)
    const entry = groups.get(group.id) ?? { name: group.name, rows: [] }
    entry.rows.push(row)
    groups.set(group.id, entry)
  }
  const sorted = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'))
  const open = (absences.docs as Row[]).filter((r) => r.status === 'reported').map((r) => r.id)
  const cell = { padding: '6px 8px', borderBottom: '1px solid var(--theme-elevation-100)' }

  return (
    <section aria-labelledby="today-heading" style={{ marginBottom: 32 }}>
      <div style={{ display: 'flex', gap: 16, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <h2 id="today-heading" style={{ margin: 0 }}>
          {day === today ? 'Vandaag' : 'Afwezig'}: {dutchDay(day)}
        </h2>
        <nav aria-label="Andere dag" style={{ display: 'flex', gap: 12 }}>
          <a href={`/admin?dag=${addCalendarDays(day, -1)}`}>Vorige dag</a>
          {day !== today && <a href="/admin">Vandaag</a>}
          <a href={`/admin?dag=${addCalendarDays(day, 1)}`}>Volgende dag</a>
        </nav>
        <TodayAcknowledge ids={open} label={`Alles gezien (${open.length})`} />
      </div>
      {sorted.length === 0 && <p>Geen afwezigheid gemeld.</p>}
      {sorted.map((group) => {
        const groupOpen = group.rows.filter((r) => r.status === 'reported').map((r) => r.id)
        return (
          <div key={group.name} style={{ marginTop: 16 }}>
            <h3 style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
              {group.name} ({group.rows.length})
              {sorted.length > 1 && (
                <TodayAcknowledge ids={groupOpen} label={`${group.name}: alles gezien`} />
              )}
            </h3>
            <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
              <thead>
                <tr style={{ textAlign: 'left' }}>
                  <th style={cell}>Leerling</th>
                  <th style={cell}>Soort en reden</th>
                  <th style={cell}>Tijd</th>
                  <th style={cell}>Toelichting</th>
                  <th style={cell}>Gemeld door</th>
                  <th style={cell}>Status</th>
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.id}>
                    <td style={cell}>{nameOf(row.pupil)}</td>
                    <td style={cell}>
                      {row.kind === 'sick' ? 'Ziek' : `Afspraak: ${reasonLabel(row.reason)}`}
                    </td>
                    <td style={cell}>
                      {row.fromTime && row.toTime ? `${row.fromTime}–${row.toTime}` : 'Hele dag'}
                    </td>
                    <td style={cell}>{row.note ?? ''}</td>
                    <td style={cell}>
                      {row.reporterName ?? ''}
                      {row.channel === 'phone' ? ' (telefonisch)' : ''}
                    </td>
                    <td style={cell}>
                      {row.status === 'reported' ? (
                        <TodayAcknowledge ids={[row.id]} label="Gezien" />
                      ) : (
                        STATUS[row.status]
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
      {leave.docs.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <h3>Verlof</h3>
          <ul>
            {(leave.docs as (LeaveRequest & { pupil: Pupil | string })[]).map((l) => (
              <li key={l.id}>
                {nameOf(l.pupil)} ({groupOf(l.group as Group | string | null).name}): verlof van{' '}
                {dutchDay(l.from)} tot en met {dutchDay(l.to)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
