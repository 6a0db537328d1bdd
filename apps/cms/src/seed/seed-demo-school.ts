import type { Payload } from 'payload'

import {
  DEMO_PASSWORD,
  DEMO_SCHOOL_YEAR,
  demoGroups,
  demoParents,
  demoPupils,
  demoStaff,
} from './demo-school-data'
import { seedDemoAbsences } from './seed-demo-absences'
import { seedDemoConversations } from './seed-demo-conversations'
import { seedDemoFeedback } from './seed-demo-feedback'
import { seedDemoHouseRules } from './seed-demo-house-rules'
import { seedDemoPrivacy } from './seed-demo-privacy'
import { seedDemoEvents, seedDemoVolunteering } from './seed-demo-volunteering'
import { seedDemoContent } from './seed-demo-content'

export type SeedResult = { created: number; existing: number; durationMs: number }

/**
 * Creates the demo school once: its people, then what happened there lately (seed-demo-content).
 * Every record is found by its natural key first, so running the seed again (every `pnpm start`)
 * changes nothing and never duplicates anyone.
 */
export async function seedDemoSchool(payload: Payload): Promise<SeedResult> {
  const started = performance.now()
  const result: SeedResult = { created: 0, existing: 0, durationMs: 0 }

  async function findOrCreate<T extends { id: string }>(
    find: () => Promise<{ docs: T[] }>,
    create: () => Promise<T>,
  ): Promise<T> {
    const found = await find()
    if (found.docs[0]) {
      result.existing++
      return found.docs[0]
    }
    result.created++
    return create()
  }

  const staffIds: Record<string, string> = {}
  for (const member of demoStaff) {
    const doc = await findOrCreate(
      () =>
        payload.find({
          collection: 'staff',
          where: { email: { equals: member.email } },
          limit: 1,
          depth: 0,
        }),
      () =>
        payload.create({
          collection: 'staff',
          data: {
            name: member.name,
            email: member.email,
            role: member.role,
            password: DEMO_PASSWORD,
          },
        }),
    )
    staffIds[member.key] = doc.id
  }

  const groupIds: Record<string, string> = {}
  for (const group of demoGroups) {
    const doc = await findOrCreate(
      () =>
        payload.find({
          collection: 'groups',
          where: { name: { equals: group.name } },
          limit: 1,
          depth: 0,
        }),
      () =>
        payload.create({
          collection: 'groups',
          data: {
            name: group.name,
            schoolYear: DEMO_SCHOOL_YEAR,
            sortOrder: group.sortOrder,
            teachers: group.teachers.map((key) => staffIds[key]!),
          },
        }),
    )
    groupIds[group.name] = doc.id
  }

  const pupilIds: Record<string, string> = {}
  for (const pupil of demoPupils) {
    const doc = await findOrCreate(
      () =>
        payload.find({
          collection: 'pupils',
          where: {
            and: [
              { firstName: { equals: pupil.firstName } },
              { lastName: { equals: pupil.lastName } },
            ],
          },
          limit: 1,
          depth: 0,
        }),
      () =>
        payload.create({
          collection: 'pupils',
          data: {
            firstName: pupil.firstName,
            lastName: pupil.lastName,
            group: groupIds[pupil.group]!,
          },
        }),
    )
    pupilIds[`${pupil.firstName} ${pupil.lastName}`] = doc.id
  }

  for (const parent of demoParents) {
    await findOrCreate(
      () =>
        payload.find({
          collection: 'parents',
          where: { email: { equals: parent.email } },
          limit: 1,
          depth: 0,
        }),
      () =>
        payload.create({
          collection: 'parents',
          data: {
            name: parent.name,
            email: parent.email,
            phone: parent.phone,
            password: DEMO_PASSWORD,
            status: 'active',
            children: parent.children.map((child) => pupilIds[child]!),
            ...(parent.notifications ? { notifications: parent.notifications } : {}),
          },
        }),
    )
  }

  // First: the demo parents have accepted the house rules before they wrote anything.
  await seedDemoHouseRules(payload, { staff: staffIds, groups: groupIds, pupils: pupilIds }, result)
  await seedDemoContent(payload, { staff: staffIds, groups: groupIds, pupils: pupilIds }, result)
  await seedDemoAbsences(payload, { staff: staffIds, groups: groupIds, pupils: pupilIds }, result)
  await seedDemoConversations(
    payload,
    { staff: staffIds, groups: groupIds, pupils: pupilIds },
    result,
  )

  await seedDemoVolunteering(
    payload,
    { staff: staffIds, groups: groupIds, pupils: pupilIds },
    result,
  )
  await seedDemoEvents(payload, { staff: staffIds, groups: groupIds, pupils: pupilIds }, result)
  await seedDemoFeedback(payload, { staff: staffIds, groups: groupIds, pupils: pupilIds }, result)
  await seedDemoPrivacy(payload, { staff: staffIds, groups: groupIds, pupils: pupilIds }, result)

  result.durationMs = Math.round(performance.now() - started)
  return result
}

export function demoLoginsText(cmsUrl: string, portalUrl: string): string {
  const lines = [
    'Demo-school "Basisschool De Regenboog" — alle demo-accounts gebruiken het wachtwoord: ' +
      DEMO_PASSWORD,
    `  Beheer (${cmsUrl}/admin):`,
    ...demoStaff.map((s) => `    ${s.role.padEnd(8)} ${s.email}  (${s.name})`),
    `  Ouderportaal (${portalUrl}):`,
    ...demoParents
      .slice(0, 5)
      .map((p) => `    parent   ${p.email}  (${p.name}: ${p.children.join(', ')})`),
    `    … en ${demoParents.length - 5} andere ouders (zie README).`,
  ]
  return lines.join('\n')
}
