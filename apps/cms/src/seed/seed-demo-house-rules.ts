import type { Payload } from 'payload'

import { acceptHouseRulesEndpoint } from '../collections/Parents/endpoints/house-rules'
import { DEFAULT_HOUSE_RULES_BLOCKS } from '../globals/HouseRules/default-text'
import { readHouseRulesVersion } from '../globals/HouseRules/current'
import { lexicalDocument } from '../lib/lexical-text'
import { callEndpoint, type DemoIds } from './seed-demo-content'
import { demoParents } from './demo-school-data'

type Counter = { created: number; existing: number }

/** Never logged in: the house rules wait for the first login. */
export const DEMO_NEVER_ACCEPTED = 'tom.vos@ouders.test'
/** Accepted the school year's first version only: asked again for version 2 at the next login. */
export const DEMO_ACCEPTED_V1_ONLY = 'hans.koster@ouders.test'

/** Version 2: the default text with the agenda added, as the director published it. */
const VERSION_2 = lexicalDocument([
  ...DEFAULT_HOUSE_RULES_BLOCKS.slice(0, -2),
  { h2: 'Agenda in uw telefoon' },
  'Met een persoonlijke agenda-link ziet u de agenda van school in de agenda van uw telefoon. De link is alleen voor u: deel hem met niemand. Gedeeld of kwijt? Maak in Schoolpost een nieuwe link; de oude werkt dan niet meer.',
  ...DEFAULT_HOUSE_RULES_BLOCKS.slice(-2),
])
const VERSION_2_NOTE =
  'Nieuw: afspraken over de agenda-link voor de agenda in uw telefoon (onder "Agenda in uw telefoon").'

async function accept(payload: Payload, email: string, version: number): Promise<void> {
  const found = await payload.find({
    collection: 'parents',
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
  })
  const parent = found.docs[0]
  if (!parent) return
  await callEndpoint(
    payload,
    acceptHouseRulesEndpoint.handler,
    { ...parent, collection: 'parents' },
    {
      version,
    },
  )
}

/**
 * The demo school's house rules (S18): every demo parent accepted the first version through the
 * portal's own endpoint, the director then published version 2 (the agenda link) with a note,
 * and all but Hans Koster accepted that too; Tom Vos never logged in. Found again by the first
 * demo parent's acceptance. Where the rules had already moved on before the demo was seeded,
 * the parents accept the version in force instead.
 */
export async function seedDemoHouseRules(payload: Payload, ids: DemoIds, count: Counter) {
  const first = await payload.find({
    collection: 'parents',
    where: { email: { equals: demoParents[0]!.email } },
    limit: 1,
    depth: 0,
  })
  const seeded = await payload.count({
    collection: 'house-rules-acceptances',
    where: { parent: { equals: first.docs[0]?.id ?? '' } },
  })
  if (seeded.totalDocs) {
    count.existing++
    return
  }
  const parents = demoParents.map((p) => p.email).filter((e) => e !== DEMO_NEVER_ACCEPTED)
  const inForce = await readHouseRulesVersion(payload)
  if (inForce > 1) {
    for (const email of parents) await accept(payload, email, inForce)
    count.created++
    return
  }
  for (const email of parents) await accept(payload, email, 1)

  const director = await payload.findByID({
    collection: 'staff',
    id: ids.staff.director!,
    depth: 0,
  })
  await payload.updateGlobal({
    slug: 'house-rules',
    data: { body: VERSION_2, changeNote: VERSION_2_NOTE },
    user: { ...director, collection: 'staff' },
    overrideAccess: false,
  })
  for (const email of parents) if (email !== DEMO_ACCEPTED_V1_ONLY) await accept(payload, email, 2)
  count.created++
}
