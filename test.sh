#!/usr/bin/env bash
# The one test command (README "Test"): installs what the tests need from Debian's packages when missing,
# restores, builds and runs every test project of CxMaturity.sln (the browser tests last, on their own), then
# prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian's packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" < /dev/null
fi

dotnet restore CxMaturity.sln
dotnet build CxMaturity.sln --no-restore -c Release

results="$PWD/TestResults"
rm -rf "$results"
status=0
# The browser tests run on their own after the rest: with the in-process tests beside them, Chromium and the
# test servers fight for the same two cores and page loads stretch towards the browser timeouts.
dotnet test CxMaturity.sln --no-build -c Release --filter "FullyQualifiedName!~CxMaturity.EndToEnd.Tests" \
  --logger "trx" --results-directory "$results" < /dev/null || status=$?
dotnet test tests/CxMaturity.EndToEnd.Tests --no-build -c Release \
  --logger "trx" --results-directory "$results" < /dev/null || status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "${passed} passed, ${failed} failed"
[ "$passed" -gt 0 ] || status=1
exit $status
