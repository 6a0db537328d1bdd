import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'

import type { Parent } from '../../../src/payload-types'
import { asUser } from './school-fixture'

export type EndpointAnswer = {
  status: number
  body: { ok?: boolean; status?: string; code?: string; message?: string; promoted?: boolean }
}

/**
 * A custom endpoint called in-process as `parent`, with `routeParams.id` and a JSON body: many
 * calls at the same instant (no HTTP in between), and parents of fixtures without a password.
 */
export async function callEndpointAs(
  payload: Payload,
  handler: (req: PayloadRequest) => Promise<Response> | Response,
  parent: Parent,
  body: unknown,
  id: string,
): Promise<EndpointAnswer> {
  const req = await createLocalReq(
    {
      user: asUser('parents', parent),
      req: { routeParams: { id }, json: async () => body } as Partial<PayloadRequest>,
    },
    payload,
  )
  const res = await handler(req)
  return { status: res.status, body: (await res.json()) as EndpointAnswer['body'] }
}
