#!/usr/bin/env bash
# The store under many workers: W `gyrus worker` processes on one PostgreSQL study, `random` search,
# each trial a 50 ms evaluation (the synthetic Hartmann-6 function with delay_ms 50: a continuous
# space, so no worker count runs out of new designs the way NB201's 15,625 cells would). Measures
# trials committed per second while all W workers run, ask/tell latency and write-lock waits (from
# each worker's `--timings` line), and checks 0 duplicated, 0 lost, 0 stuck trials.
# Writes bench/results/claim_throughput.{json,md}.
# Usage: bench/throughput/claims.sh [WORKER_COUNTS] [SECONDS]   (defaults "1 8 32 64" 40)
set -euo pipefail
cd "$(dirname "$0")/../.."
counts="${1:-1 8 32 64}" seconds="${2:-40}"
tmp="$(mktemp -d)"
if [ -z "${GYRUS_PG_URL:-}" ]; then
  eval "$(.ci/postgres)"
  trap '.ci/postgres stop "$GYRUS_PG_DIR"' EXIT
fi
psql_bin="$(cat "$GYRUS_PG_DIR/bin")/psql"
base="${GYRUS_PG_URL%/*}"
./gyrus types > /dev/null # build first, outside the timing
export GYRUS_JAVA_OPTS="-Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
for w in $counts; do
  db="claims_$w"
  "$psql_bin" -q -d "$GYRUS_PG_URL" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  url="$base/$db"
  # the run lasts about SECONDS once every worker is up: at most 20 trials/s per worker
  trials=$(( w * 20 * seconds ))
  cat > "$tmp/exp-$w.yaml" <<YAML
_type: experiment
study: claims
algorithm: random
evaluator: {_type: synthetic, function: hartmann6, delay_ms: 50}
trials: $trials
YAML
  ./gyrus search "$tmp/exp-$w.yaml" --storage "$url" --trials 1 > /dev/null 2>&1
  start=$(date +%s.%N)
  pids=()
  for i in $(seq 1 "$w"); do
    ./gyrus worker --storage "$url" --study claims --trials "$trials" --timings > "$tmp/w$w-$i.log" 2>&1 &
    pids+=($!)
  done
  fails=0
  for p in "${pids[@]}"; do wait "$p" || fails=$((fails + 1)); done
  end=$(date +%s.%N)
  "$psql_bin" -d "$url" -A -t -F $'\t' -c \
    "SELECT number, state, vals, host, start_ms, end_ms, dna_key FROM trials ORDER BY number" \
    > "$tmp/trials-$w.tsv"
  echo "$w workers: $trials trials, $(python3 -c "print(round($end - $start, 1))") s, $fails failed workers, load $(cut -d' ' -f1 /proc/loadavg)"
  echo "$w $trials $start $end $fails $(cut -d' ' -f1-3 /proc/loadavg)" >> "$tmp/runs.txt"
done
python3 bench/throughput/claims_report.py "$tmp"
