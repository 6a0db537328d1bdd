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

import { env } from '../../../../lib/env'
import { apiSecurityHeaders, sendsHsts } from '../../../../lib/security-headers'
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

const hsts = sendsHsts({ isProduction: env.isProduction, publicUrl: env.cmsUrl })

/** Every answer (files of every size and status included) leaves with the API's security headers. */
const secured =
  (handler: RouteHandler): RouteHandler =>
  async (request, args) =>
    apiSecurityHeaders(await handler(request, args), { hsts })

export const GET = secured(REST_GET(config))
export const POST = secured(guarded(REST_POST(config)))
export const DELETE = secured(guarded(REST_DELETE(config)))
export const PATCH = secured(guarded(REST_PATCH(config)))
export const PUT = secured(guarded(REST_PUT(config)))
export const OPTIONS = secured(REST_OPTIONS(config))
