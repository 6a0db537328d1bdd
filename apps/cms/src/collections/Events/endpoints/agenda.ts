import { AGENDA_MAX_DAYS, agendaQuery } from '@schoolpost/contracts'
import { getAgendaRange } from '@schoolpost/policies'
import type { Endpoint } from 'payload'

import { parentUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { jsonError } from '../../../lib/json-body'
import { queryOf } from '../../Parents/endpoints/portal-parent'
import { schoolCalendar } from '../../Absences/hooks/absence-facts'
import { loadAgenda } from '../agenda-data'

const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d) / 86_400_000
}

/**
 * `GET /api/events/agenda?van=YYYY-MM-DD&tot=YYYY-MM-DD` (without them: this month and the next):
 * the signed-in parent's calendar for the portal's `/agenda` — items, closed periods and their own
 * volunteer slots. At most `AGENDA_MAX_DAYS` days per answer.
 */
export const agendaEndpoint: Endpoint = {
  path: '/agenda',
  method: 'get',
  handler: async (req) => {
    if (!parentUser(req)) {
      return req.user
        ? jsonError(403, 'parents-only', 'De agenda in dit overzicht is voor ouders.')
        : jsonError(401, 'unauthorized', 'Log eerst in.')
    }
    const params = new URL(req.url ?? 'http://localhost/').searchParams
    const asked = params.has('van') || params.has('tot')
    let range: { from: string; to: string }
    if (asked) {
      const query = queryOf(req, agendaQuery)
      if (!query)
        return jsonError(400, 'invalid-input', 'Vraag de agenda op met twee datums als 2027-03-09.')
      const days = dayNumber(query.tot) - dayNumber(query.van)
      if (days < 0 || days >= AGENDA_MAX_DAYS) {
        return jsonError(
          400,
          'invalid-input',
          `Vraag de agenda op voor 1 tot ${AGENDA_MAX_DAYS} dagen.`,
        )
      }
      range = { from: query.van, to: query.tot }
    } else {
      const { timeZone } = (await schoolCalendar(req)).settings
      range = getAgendaRange({ now: now(), timeZone })
    }
    return Response.json(await loadAgenda(req, { ...range, absences: false }))
  },
}
