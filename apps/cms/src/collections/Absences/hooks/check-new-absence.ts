import { checkAbsenceReport } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'

import { idOf, parentUser, staffUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { Refusal } from '../../../lib/refusal'
import { ABSENCE_REASONS } from '../reasons'
import { activeKeyOf, checkParentFor, dutchDay, schoolCalendar } from './absence-facts'

/**
 * A new report, on every channel: a parent only for their own child and within the school's rules
 * (`checkAbsenceReport`, checked against the CMS's own clock — the portal's check is only UX);
 * the office records a phone call (the cutoff does not apply, the calendar does). Refusals are
 * Dutch 4xx with a reason code; after the cutoff the message gives the school's phone number.
 * One active report per child and day: an existing one is pointed to (409), and the unique
 * `activeKey` settles two guardians reporting in the same instant.
 */
export const checkNewAbsence: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const parent = parentUser(req)
  const staff = staffUser(req)
  const pupilId = idOf(data.pupil as string | { id: string } | null)
  if (!pupilId) throw new Refusal('Kies voor welk kind u de melding doet.', 400)

  if (parent)
    await checkParentFor(req, parent, pupilId, 'U kunt alleen uw eigen kinderen afmelden.')
  const pupil = await req.payload
    .findByID({ collection: 'pupils', id: pupilId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!pupil) throw new Refusal('Deze leerling bestaat niet (meer).', 400, { code: 'no-pupil' })
  if (!pupil.group) {
    throw new Refusal('Deze leerling zit in geen groep; neem contact op met de school.', 409, {
      code: 'no-group',
    })
  }

  const kind = data.kind === 'planned' ? 'planned' : data.kind === 'sick' ? 'sick' : null
  if (!kind) throw new Refusal('Kies ziek of een afspraak.', 400, { code: 'invalid-kind' })
  const date = typeof data.date === 'string' ? data.date : ''
  const fromTime = (data.fromTime as string | null | undefined) || null
  const toTime = (data.toTime as string | null | undefined) || null
  const reason = kind === 'sick' ? 'ziek' : ((data.reason as string | null | undefined) ?? null)
  if (
    !ABSENCE_REASONS.some(
      (r) => r.value === reason && (r.kinds as readonly string[]).includes(kind),
    )
  ) {
    throw new Refusal('Kies een reden voor de afspraak.', 400, { code: 'invalid-reason' })
  }

  const { settings, phone } = await schoolCalendar(req)
  // Staff record what a parent phoned in; a trusted Local API call (the seed) is taken as given.
  const trusted = !parent && !staff
  const channel = parent
    ? 'portal'
    : staff
      ? 'phone'
      : data.channel === 'portal'
        ? 'portal'
        : 'phone'
  if (!trusted) {
    const check = checkAbsenceReport({
      kind,
      date,
      now: now(),
      settings,
      from: fromTime,
      to: toTime,
      channel,
    })
    if (!check.ok) {
      const urgent = check.reason === 'after-cutoff' || check.reason === 'planned-too-late'
      throw new Refusal(urgent ? `${check.message} Telefoon: ${phone}.` : check.message, 422, {
        code: check.reason,
        ...(urgent ? { phone } : {}),
      })
    }
  }

  const existing = await req.payload.find({
    collection: 'absences',
    where: { activeKey: { equals: activeKeyOf(pupilId, date) } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    select: { kind: true },
  })
  const found = existing.docs[0]
  if (found) {
    throw new Refusal(
      `Voor ${pupil.firstName} is ${dutchDay(date)} al ${found.kind === 'sick' ? 'een ziekmelding' : 'een afwezigheid'} gemeld. U ziet die in het overzicht.`,
      409,
      { code: 'duplicate', existing: found.id },
    )
  }

  return {
    ...data,
    pupil: pupilId,
    kind,
    date,
    fromTime: kind === 'planned' ? fromTime : null,
    toTime: kind === 'planned' ? toTime : null,
    reason,
    title: `${kind === 'sick' ? 'Ziek' : 'Afspraak'} · ${pupil.firstName} · ${date}`,
    status: 'reported',
    channel,
    group: idOf(pupil.group),
    reportedBy: parent ? parent.id : trusted ? (data.reportedBy ?? null) : null,
    reporterName: parent
      ? parent.name
      : staff
        ? `${staff.name} (school)`
        : ((data.reporterName as string | undefined) ?? null),
    recordedBy: staff ? staff.id : trusted ? (data.recordedBy ?? null) : null,
    acknowledgedBy: null,
    acknowledgedAt: null,
    cancelledAt: null,
    activeKey: activeKeyOf(pupilId, date),
  }
}
