import config from '@payload-config'
import { handleEndpoints } from 'payload'

import { testPayload } from './payload'

/**
 * The in-process REST channel with the body sent exactly as given (`rest()` always sends valid
 * JSON): for invalid JSON, an empty body or a multipart `_payload` that is not an object.
 */
export async function rawRest(
  method: 'POST' | 'PATCH',
  apiPath: string,
  {
    token,
    body,
    contentType = 'application/json',
  }: { token?: string; body?: string | FormData; contentType?: string | null },
): Promise<Response> {
  await testPayload()
  const headers = new Headers()
  if (token) headers.set('Authorization', `JWT ${token}`)
  if (contentType && !(body instanceof FormData)) headers.set('Content-Type', contentType)
  const request = new Request(`http://localhost:3000/api${apiPath}`, { method, headers, body })
  return handleEndpoints({ config, request })
}
