#!/usr/bin/env bash
# Runs every test in the solution against the private PostgreSQL and a real Chromium, then prints
#   tests: N passed, N failed, N skipped
# Exits non-zero when anything fails.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

ensure_tools
ensure_dotnet
ensure_chromium
start_db

if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  docker compose -f docker-compose.yml config -q || { echo "docker-compose.yml is not valid" >&2; exit 1; }
  echo "docker-compose.yml: valid"
fi

RESULTS="$ROOT/artifacts/test-results"
# Tests leave the OpenAPI document (artifacts/openapi) and the fuzzer's counts (artifacts/fuzz) for the steps below.
rm -rf "$RESULTS" "$ROOT/artifacts/openapi" "$ROOT/artifacts/fuzz"; mkdir -p "$RESULTS"

dotnet build Marketplace.sln -c Release -nologo -v q -clp:ErrorsOnly
build_rc=$?
if [ $build_rc -ne 0 ]; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

# One test project at a time keeps two cores from thrashing; each project runs its classes in parallel.
test_rc=0
for proj in $(find tests -name '*.Tests.csproj' -o -name '*Tests.csproj' | sort -u); do
  name="$(basename "$proj" .csproj)"
  dotnet test "$proj" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" -- RunConfiguration.TreatNoTestsAsError=false \
    || test_rc=1
done

summary="$(python3 - "$RESULTS" <<'PY' 2>/dev/null || true
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0))
print(f"{p} {f} {s}")
PY
)"
read -r passed failed skipped <<<"${summary:-0 0 0}"
if [ "$test_rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi

[ -f artifacts/fuzz/summary.txt ] && cat artifacts/fuzz/summary.txt

# The OpenAPI document a test wrote (no server needed), linted with Redocly's recommended rules: an error fails the run.
DOC=artifacts/openapi/v1.json
if [ ! -f "$DOC" ]; then
  echo "openapi lint: $DOC is missing (Marketplace.Web.Tests' ApiDocumentTests write it)"
  failed=$((failed + 1))
elif ensure_redocly; then
  REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1 \
    "$REDOCLY" lint "$DOC" --config redocly.yaml --format=stylish >artifacts/openapi/lint.txt 2>&1
  lint_rc=$?
  errors="$(grep -cE '^ +[0-9]+:[0-9]+ +error ' artifacts/openapi/lint.txt)"
  warnings="$(grep -cE '^ +[0-9]+:[0-9]+ +warning ' artifacts/openapi/lint.txt)"
  echo "openapi lint (@redocly/cli $REDOCLY_VERSION, recommended rules): $errors errors, $warnings warnings (artifacts/openapi/lint.txt)"
  if [ "$lint_rc" -ne 0 ] || [ "$errors" -ne 0 ]; then
    grep -E '^ +[0-9]+:[0-9]+ +error ' artifacts/openapi/lint.txt || tail -n 20 artifacts/openapi/lint.txt
    failed=$((failed + 1))
  fi
else
  failed=$((failed + 1))
fi

echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
[ "$test_rc" -eq 0 ] && [ "${failed:-0}" -eq 0 ]
