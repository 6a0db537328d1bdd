#!/usr/bin/env bash
# The S3 leg (issue #12): the CMS integration tests that store or serve media files once more, with
# S3_BUCKET set, against the Versity S3 Gateway (POSIX backend) on loopback — `go install`ed from the
# Go module proxy, started and stopped here. Every test file gets a key prefix of its own in one
# bucket (tests/int/setup-database.ts). Prints "s3: N passed, N failed"; the report is counted by
# .ci/summarize.mjs.
set -uo pipefail
cd "$(dirname "$0")/.."
source .ci/lib/go-tool.sh

VERSITYGW=github.com/versity/versitygw/cmd/versitygw@v1.8.0
report=apps/cms/test-results/vitest-s3.json
rm -f "$report"
fail() { echo "ci: $1"; echo "s3: 0 passed, 1 failed"; exit 1; }
ensure_go || fail "no Go toolchain for the Versity S3 Gateway"
bin=$(install_go_binary "$VERSITYGW" versitygw) || fail "could not build $VERSITYGW"

data=$(mktemp -d)
mkdir -p "$data/root"
port=$(free_port)
# Throwaway credentials of a throwaway server: random per run, never written anywhere.
access_key="ci$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
secret_key="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
ROOT_ACCESS_KEY="$access_key" ROOT_SECRET_KEY="$secret_key" \
  "$bin" --port "127.0.0.1:$port" posix "$data/root" >"$data/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
  rm -rf "$data"
}
trap cleanup EXIT
if ! wait_for_port "$port" 30; then
  cat "$data/server.log"
  fail "the Versity S3 Gateway did not start"
fi
echo "ci: Versity S3 Gateway on 127.0.0.1:$port"

# Only the files that carry the tag are handed to Vitest (it imports every file it is given, to
# read its tags); the filter then keeps exactly their tagged tests.
mapfile -t tagged < <(cd apps/cms && grep -l "tags: \['media-files'\]" tests/int/*.int.spec.ts)
(( ${#tagged[@]} > 0 )) || fail "no test file carries the tag media-files"
echo "ci: S3 leg runs ${#tagged[@]} files: ${tagged[*]##*/}"

started=$(date +%s)
(cd apps/cms && TEST_S3_ENDPOINT="http://127.0.0.1:$port" TEST_S3_ACCESS_KEY_ID="$access_key" \
  TEST_S3_SECRET_ACCESS_KEY="$secret_key" \
  pnpm exec vitest run "${tagged[@]}" --tags-filter='media-files' \
  --reporter=dot --reporter=json --outputFile.json=test-results/vitest-s3.json)
status=$?

if [[ -f "$report" ]]; then
  node -e 'const r=require(process.argv[1]);console.log(`s3: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$(pwd)/$report"
else
  echo "s3: 0 passed, 1 failed"
  status=1
fi
echo "ci: S3 leg took $(( $(date +%s) - started ))s"
exit $status
