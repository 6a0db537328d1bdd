// Adds up the JSON reports of every test runner (Vitest per workspace, Playwright for e2e) into
// the one closing line CI reads: "N passed, N failed". Exits 1 when a runner left no report.
import { existsSync, readFileSync } from 'node:fs'

const vitestReports = [
  'packages/policies/test-results/vitest.json',
  'packages/contracts/test-results/vitest.json',
  'packages/http/test-results/vitest.json',
  'packages/ui/test-results/vitest.json',
  'apps/cms/test-results/vitest.json',
  'apps/portal/test-results/vitest.json',
  'bench/test-results/vitest.json',
  // The CMS integration suite again, against FerretDB (.ci/ferretdb-leg.sh).
  'apps/cms/test-results/vitest-ferretdb.json',
  // The media tests again, with files in an S3-compatible bucket (.ci/s3-leg.sh).
  'apps/cms/test-results/vitest-s3.json',
]
const playwrightReport = 'e2e/playwright-report/results.json'

const firstLine = (text) =>
  String(text ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .find((line) => line.trim())
    ?.trim()
    .slice(0, 300) ?? ''

let passed = 0
let failed = 0
let skipped = 0
let missing = 0

for (const file of vitestReports) {
  if (!existsSync(file)) {
    console.log(`summary: missing report ${file}`)
    missing++
    continue
  }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + (report.numTodoTests ?? 0)
  console.log(`summary: ${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`)
  // Which tests failed, with the first line of why: the CI log keeps only the end of the run.
  for (const result of report.testResults ?? [])
    for (const test of result.assertionResults ?? [])
      if (test.status === 'failed')
        console.log(`summary:   failed: ${test.fullName} — ${firstLine(test.failureMessages?.[0])}`)
}

if (existsSync(playwrightReport)) {
  const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'))
  passed += stats.expected
  failed += stats.unexpected + stats.flaky
  skipped += stats.skipped
  console.log(
    `summary: ${playwrightReport}: ${stats.expected} passed, ${stats.unexpected + stats.flaky} failed`,
  )
  const report = JSON.parse(readFileSync(playwrightReport, 'utf8'))
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected' || test.status === 'flaky') {
          const error = test.results?.find((r) => r.error)?.error?.message
          console.log(
            `summary:   failed: ${[...titles, spec.title].join(' › ')} — ${firstLine(error)}`,
          )
        }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title])
  }
  for (const suite of report.suites ?? []) walk(suite, [suite.title])
} else {
  console.log(`summary: missing report ${playwrightReport}`)
  missing++
}

console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''))
process.exit(missing > 0 || failed > 0 ? 1 : 0)
