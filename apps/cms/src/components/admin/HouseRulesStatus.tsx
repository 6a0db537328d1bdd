import type { ServerProps } from 'payload'
import React from 'react'

import { houseRulesStatus, readHouseRulesVersion } from '../../globals/HouseRules/current'

/** Names listed on the dashboard; the rest is behind the link to the filtered parents list. */
const SHOWN = 10

/**
 * "Huisregels" on the directors' dashboard (S18): how many active parents accepted the version in
 * force, and who has not yet (they are asked at their next login). Two counts and one short page
 * of names, whatever the school's size; the full list is the parents list, filtered.
 */
export async function HouseRulesStatus({ payload, user }: ServerProps) {
  if ((user as { collection?: string; role?: string } | null)?.role !== 'director') return null
  const version = await readHouseRulesVersion(payload)
  const { total, accepted, pending } = await houseRulesStatus(payload, version, SHOWN)
  const query = new URLSearchParams({
    'where[and][0][status][equals]': 'active',
    'where[and][1][or][0][houseRules.version][less_than]': String(version),
    'where[and][1][or][1][houseRules.version][exists]': 'false',
  })
  return (
    <section aria-labelledby="house-rules-status" style={{ marginBottom: 24 }}>
      <h2 id="house-rules-status" style={{ fontSize: 18, marginBottom: 4 }}>
        Huisregels versie {version}
      </h2>
      <p style={{ margin: 0 }}>
        {accepted} van {total} actieve ouders zijn akkoord.
        {pending.count > 0 && (
          <>
            {' '}
            Nog niet: {pending.names.join(', ')}
            {pending.count > SHOWN && ` en ${pending.count - SHOWN} anderen`}.{' '}
            <a href={`/admin/collections/parents?${query.toString()}`}>Bekijk de lijst</a>
          </>
        )}
      </p>
      <p style={{ margin: 0, fontSize: 13, opacity: 0.8 }}>
        Wie nog niet akkoord is, krijgt de huisregels bij de volgende keer inloggen.
      </p>
    </section>
  )
}
