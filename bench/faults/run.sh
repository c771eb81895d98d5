#!/usr/bin/env bash
# Fault injection at scale: RUNS runs per store of WORKERS `gyrus search` processes on one study of
# TRIALS trials, KILLS random SIGKILLs each (every killed worker restarted, as a job array would),
# and RESTARTS PostgreSQL restarts spread over each PostgreSQL run. Writes bench/results/faults.{json,md}.
# Usage: bench/faults/run.sh [RUNS] [WORKERS] [TRIALS] [KILLS] [RESTARTS]   (defaults 10 4 200 20 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}" workers="${2:-4}" trials="${3:-200}" kills="${4:-20}" restarts="${5:-2}"
out="$(mktemp -d)"
if [ -z "${GYRUS_PG_URL:-}" ] && pg="$(.ci/postgres)"; then
  eval "$pg"
  trap '.ci/postgres stop "$GYRUS_PG_DIR"' EXIT
fi
start=$(date +%s)
echo "rows go to $out/faults-STORE.jsonl, one per finished run" >&2
status=0
./mvnw -q -B -ntp verify -Dspotless.skip=true -pl gyrus-app -am -Dtest=FaultInjectionTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfaults.runs="$runs" -Dfaults.workers="$workers" \
  -Dfaults.trials="$trials" -Dfaults.kills="$kills" -Dfaults.restarts="$restarts" \
  -Dfaults.out="$out/faults" || status=$?
secs=$(( $(date +%s) - start ))
/usr/bin/python3 bench/faults/report.py "$out" "$runs" "$workers" "$trials" "$kills" "$secs" "$restarts" "$status"
exit "$status"
