import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { guardRequestBody } from './body-guard'

type RouteArgs = { params: Promise<{ slug: string[] }> }
type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>

/** Every body is checked (who may upload, how large) before Payload reads any of it. */
const guarded =
  (handler: RouteHandler): RouteHandler =>
  async (request, args) => {
    const { slug } = await args.params
    const checked = await guardRequestBody({
      request,
      slug: slug ?? [],
      payload: await getPayload({ config }),
    })
    return checked instanceof Response ? checked : handler(checked, args)
  }

export const GET = REST_GET(config)
export const POST = guarded(REST_POST(config))
export const DELETE = guarded(REST_DELETE(config))
export const PATCH = guarded(REST_PATCH(config))
export const PUT = guarded(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
