/**
 * One measured row: autocannon against one URL for a bounded time. The latency of every single
 * answer is kept (also of error pages: a fast error must not look like a fast page), so p50, p95
 * and p99 come from the same samples (stats.ts).
 */
import autocannon from 'autocannon'

import type { DatasetName } from './options'
import type { RowKind, RowResult } from './report'
import { summarizeLatencies } from '../lib/stats'

export type LoadRun = {
  set: DatasetName
  kind: RowKind
  url: string
  connections: number
  durationS: number
  headers?: Record<string, string>
  /** For 2xx answers: whether the body is the real page (counted as "wrong page" otherwise). */
  verifyBody?: (body: string) => boolean
  /** For 2xx answers: the least number of bytes (headers + body) a correct answer has. */
  minBytes?: number
}

export async function measure(run: LoadRun): Promise<RowResult> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let wrong = 0
  const url = new URL(run.url)
  const verify = run.verifyBody
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: url.origin,
        connections: run.connections,
        duration: run.durationS,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            path: url.pathname + url.search,
            headers: run.headers,
            // autocannon's own verifyBody would also count every non-2xx answer a second time.
            ...(verify
              ? {
                  onResponse: (status: number, body: string) => {
                    if (status >= 200 && status < 300 && !verify(body)) wrong++
                  },
                }
              : {}),
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    )
    instance.on('response', (_client, status: number, bytes: number, ms: number) => {
      latencies.push(ms)
      statuses[status] = (statuses[status] ?? 0) + 1
      if (run.minBytes && status >= 200 && status < 300 && bytes < run.minBytes) wrong++
    })
  })
  const responses = latencies.length
  return {
    set: run.set,
    kind: run.kind,
    connections: run.connections,
    durationS: run.durationS,
    responses,
    reqPerSec: responses / result.duration,
    latency: summarizeLatencies(latencies),
    non2xx: result.non2xx,
    mismatches: wrong,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  }
}
