#!/usr/bin/env bash
# Runs every NewsPortal test: unit, integration (on SQLite, then again on PostgreSQL), browser (Chromium).
# On a fresh Debian machine with the .NET SDK it installs what the tests need (as root, via apt),
# starts throwaway PostgreSQL and Redis servers on 127.0.0.1, runs the suite, and stops them again.
# Prints "N passed, N failed" and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# shellcheck source=scripts/services.sh
source "$ROOT/scripts/services.sh"

install_test_dependencies
start_test_services
trap stop_test_services EXIT

# Every test host would watch its configuration files for changes: hundreds of hosts in one run exceed the
# kernel's default limit of inotify instances. Nothing here edits configuration while it runs.
export DOTNET_hostBuilder__reloadConfigOnChange=false
if [ "$(id -u)" -eq 0 ]; then sysctl -qw fs.inotify.max_user_instances=8192 >/dev/null 2>&1 || true; fi

RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
status=0
dotnet test "$ROOT/NewsPortal.sln" -c Release \
  --logger "trx;LogFilePrefix=results" --results-directory "$RESULTS" \
  --logger "console;verbosity=minimal" || status=$?

# The integration suite again, on PostgreSQL: every test class gets a fresh database on the throwaway server.
# Left out: tests marked SqliteOnly (they need the SQLite file itself) and ProviderIndependent (they set up
# their own PostgreSQL and Redis, or need no database, so the first run already ran them exactly so).
echo "Integration tests on PostgreSQL"
NEWSPORTAL_TEST_PROVIDER=Postgres dotnet test "$ROOT/tests/NewsPortal.IntegrationTests/NewsPortal.IntegrationTests.csproj" -c Release --no-build \
  --filter "Provider!=SqliteOnly&Provider!=ProviderIndependent" \
  --logger "trx;LogFilePrefix=postgres" --results-directory "$RESULTS" \
  --logger "console;verbosity=minimal" || status=$?

passed=0; failed=0; total=0
shopt -s nullglob
trx_files=("$RESULTS"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done

if [ "${#trx_files[@]}" -eq 0 ]; then
  echo "No test results were written." >&2
  status=1
fi
if [ "$passed" -eq 0 ]; then
  echo "No test passed." >&2
  status=1
fi
not_run=$((total - passed - failed))
if [ "$not_run" -gt 0 ]; then
  echo "$not_run tests were skipped or not run; every test must run." >&2
  status=1
fi

echo "$passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then status=1; fi
exit "$status"
