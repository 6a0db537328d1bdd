#!/usr/bin/env bash
# The MongoDB leg (issue #12): the CMS integration suite once more, against FerretDB v1.24.2 (a
# MongoDB-wire server, SQLite backend) on loopback — built from tools/ferretdb, started and stopped
# here. Every test file gets a database and media folder of its own (tests/int/setup-database.ts),
# so files run two at a time. Tests that only make sense on the embedded SQLite default carry the tag `sqlite-only`
# (listed with their reasons in apps/cms/vitest.config.ts) and are left out. Prints
# "ferretdb: N passed, N failed"; the report is counted by .ci/summarize.mjs.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib/go-tool.sh

report=apps/cms/test-results/vitest-ferretdb.json
rm -f "$report"
ensure_go || { echo "ci: no Go toolchain for FerretDB"; echo "ferretdb: 0 passed, 1 failed"; exit 1; }
bin=$(build_go_tool tools/ferretdb ferretdb) || { echo "ferretdb: 0 passed, 1 failed"; exit 1; }

data=$(mktemp -d)
port=$(free_port)
"$bin" -listen "127.0.0.1:$port" -dir "$data" >"$data.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
  rm -rf "$data" "$data.log"
}
trap cleanup EXIT
if ! wait_for_port "$port" 30; then
  cat "$data.log"
  echo "ferretdb: 0 passed, 1 failed"
  exit 1
fi
echo "ci: FerretDB on 127.0.0.1:$port"

started=$(date +%s)
(cd apps/cms && TEST_MONGODB_URL="mongodb://127.0.0.1:$port" TEST_MONGODB_DATA_DIR="$data" \
  pnpm exec vitest run tests/int \
  --tags-filter='!sqlite-only' --fileParallelism --maxWorkers=2 \
  --reporter=dot --reporter=json --outputFile.json=test-results/vitest-ferretdb.json)
status=$?

if [[ -f "$report" ]]; then
  node -e 'const r=require(process.argv[1]);console.log(`ferretdb: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$(pwd)/$report"
else
  echo "ferretdb: 0 passed, 1 failed"
fi
echo "ci: FerretDB leg took $(( $(date +%s) - started ))s"
exit $status
