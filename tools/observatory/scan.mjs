/**
 * One Mozilla HTTP Observatory scan of a host behind the loopback Caddy, printed as JSON on
 * stdout. Started by score.mjs as its own process, because Node reads NODE_EXTRA_CA_CERTS (Caddy's
 * local root certificate, so the scan verifies TLS as a browser would) only at start-up.
 *
 *   node scan.mjs <scanner-dir> <host> <http-port> <https-port>
 *
 * Why not the package's `scan(host)`: it always scans ports 80 and 443 (it drops the port options
 * its own `retrieve` takes). This file does what `scan` does (src/scanner/index.js of
 * @mdn/mdn-http-observatory 1.4.8: the same tests, scores and grade) on the loopback ports.
 */
import dns from 'node:dns'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [scannerDir, host, httpPort, httpsPort] = process.argv.slice(2)
if (!scannerDir || !host || !httpPort || !httpsPort) {
  console.error('usage: node scan.mjs <scanner-dir> <host> <http-port> <https-port>')
  process.exit(2)
}

// `*.localhost` is loopback (RFC 6761) and browsers resolve it so themselves, but glibc does not
// without systemd-resolved: answer those names here, in this process only.
const systemLookup = dns.lookup
dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === 'function') [callback, options] = [options, {}]
  if (typeof options === 'number') options = { family: options }
  if (typeof hostname === 'string' && /(^|\.)localhost\.?$/i.test(hostname)) {
    const answer = { address: '127.0.0.1', family: 4 }
    process.nextTick(() =>
      options?.all ? callback(null, [answer]) : callback(null, answer.address, answer.family),
    )
    return {}
  }
  return systemLookup.call(this, hostname, options, callback)
}

const packageDir = path.join(scannerDir, 'node_modules', '@mdn', 'mdn-http-observatory')
const load = (file) => import(pathToFileURL(path.join(packageDir, file)).href)
const { retrieve } = await load('src/retriever/retriever.js')
const { ALL_TESTS, ALGORITHM_VERSION, NUM_TESTS } = await load('src/constants.js')
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load('src/grader/charts.js')
const { getGradeForScore, getScoreDescription, getScoreModifier, getRecommendation } =
  await load('src/grader/grader.js')

const requests = await retrieve(host, { httpPort: Number(httpPort), httpsPort: Number(httpsPort) })
const response = requests.responses.auto
if (!response) {
  console.log(JSON.stringify({ error: `${host}: the site seems to be down (no answer at all).` }))
  process.exit(1)
}
// The scanner quietly retries without certificate checks when TLS does not verify; then the
// grade would be about an untrusted certificate, not about the headers.
if (!requests.responses.https?.verified) {
  console.log(
    JSON.stringify({
      error: `${host}: the certificate was not trusted (NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS}).`,
    }),
  )
  process.exit(1)
}
const { status } = response
if (status < 200 || (status >= 400 && ![401, 403].includes(status))) {
  console.log(JSON.stringify({ error: `${host}: unexpected HTTP status ${status}.` }))
  process.exit(1)
}

let passed = 0
let withExtraCredit = 100
let uncurved = 100
const tests = ALL_TESTS.map((test) => {
  const output = test(requests)
  const modifier = output.result ? getScoreModifier(output.result) : 0
  if (output.result) {
    passed += output.pass ? 1 : 0
    withExtraCredit += modifier
    if (modifier < 0) uncurved += modifier
  }
  return {
    name: output.constructor.name,
    pass: output.pass,
    result: output.result,
    scoreModifier: modifier,
    description: text(getScoreDescription(output.result)),
    recommendation: text(getRecommendation(output.result)),
  }
})
// Extra credit counts only when the score without it is an A already (as in the scanner).
const final = getGradeForScore(
  uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved,
)
const redirects = requests.responses.httpRedirects.map((r) => `${r.status} ${r.url.href}`)

console.log(
  JSON.stringify({
    host,
    algorithmVersion: ALGORITHM_VERSION,
    grade: final.grade,
    score: final.score,
    statusCode: status,
    finalUrl: requests.session?.redirectHistory.at(-1)?.url.href ?? null,
    httpRedirects: redirects,
    testsPassed: passed,
    testsQuantity: NUM_TESTS,
    tests,
    responseHeaders: Object.fromEntries(Object.entries(response.headers)),
  }),
)

/** The scanner's descriptions are HTML: plain text for a terminal. */
function text(html) {
  return String(html ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}
