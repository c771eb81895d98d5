#!/usr/bin/env bash
# The store under many workers: W `gyrus worker` processes on one PostgreSQL study, `random` search,
# each trial a 50 ms evaluation (the synthetic Hartmann-6 function with delay_ms 50: a continuous
# space, so no worker count runs out of new designs the way NB201's 15,625 cells would). Measures
# trials committed per second while all W workers run, ask/tell latency and write-lock waits (from
# each worker's `--timings` line), each trial's ask + tell exactly (from each worker's
# `--timings-log`, where the build has it), and checks 0 duplicated, 0 lost, 0 stuck trials.
# With BASELINE=REF (a git commit), that commit is built too (into a temporary copy, no install)
# and each worker count runs with it first and then with this tree, so before/after share one
# run and one machine load. CPU seconds of the workers (this shell's children) and of PostgreSQL
# (the postmaster's reaped backends) are counted per run.
# Writes bench/results/claim_throughput.{json,md}, and its section of bench/results/throughput.{json,md}.
# Usage: [BASELINE=REF] bench/throughput/claims.sh [WORKER_COUNTS] [SECONDS]   (defaults "1 8 32 64" 40)
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
builds=("this:$PWD")
if [ -n "${BASELINE:-}" ]; then
  mkdir "$tmp/base"
  git archive "$BASELINE" | tar -x -C "$tmp/base"
  (cd "$tmp/base" && ./mvnw -o -q -B -pl gyrus-app -am package -DskipTests -Dspotless.skip=true >&2 \
    && touch .gyrus-build.stamp)
  builds=("$(git rev-parse --short "$BASELINE"):$tmp/base" "${builds[@]}")
fi
# builds whose workers can log every ask and tell (for exact percentiles in a window)
declare -A has_oplog
for build in "${builds[@]}"; do
  has_oplog[${build%%:*}]=0
  if "${build#*:}/gyrus" worker --help 2> /dev/null | grep -q -- --timings-log; then
    has_oplog[${build%%:*}]=1
  fi
done
export GYRUS_JAVA_OPTS="-Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
postmaster="$(head -1 "$GYRUS_PG_DIR/data/postmaster.pid")"
pg_cpu() { # seconds of CPU of PostgreSQL's exited backends (the postmaster's reaped children)
  awk -v hz="$(getconf CLK_TCK)" '{ print ($16 + $17) / hz }' "/proc/$postmaster/stat"
}
my_cpu() { # seconds of CPU of this shell's reaped children, as `times` (run in this shell) wrote
  tail -1 "$tmp/times" | awk '{ split($1, u, "m"); split($2, s, "m"); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }'
}
for w in $counts; do
for build in "${builds[@]}"; do
  label="${build%%:*}" dir="${build#*:}"
  db="claims_${w}_$label"
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
  "$dir/gyrus" search "$tmp/exp-$w.yaml" --storage "$url" --trials 1 > /dev/null 2>&1
  run="$w-$label"
  times > "$tmp/times"
  cpu0=$(my_cpu) pg0=$(pg_cpu)
  start=$(date +%s.%N)
  pids=()
  for i in $(seq 1 "$w"); do
    oplog=()
    if [ "${has_oplog[$label]}" = 1 ]; then oplog=(--timings-log "$tmp/ops$run-$i.tsv"); fi
    "$dir/gyrus" worker --storage "$url" --study claims --trials "$trials" --timings "${oplog[@]}" \
      > "$tmp/w$run-$i.log" 2>&1 &
    pids+=($!)
  done
  fails=0
  for p in "${pids[@]}"; do wait "$p" || fails=$((fails + 1)); done
  end=$(date +%s.%N)
  times > "$tmp/times"
  cpu=$(python3 -c "print(round($(my_cpu) - $cpu0, 1))") pgcpu=$(python3 -c "print(round($(pg_cpu) - $pg0, 1))")
  "$psql_bin" -d "$url" -A -t -F $'\t' -c \
    "SELECT number, state, vals, host, start_ms, end_ms, dna_key FROM trials ORDER BY number" \
    > "$tmp/trials-$run.tsv"
  echo "$w workers ($label): $trials trials, $(python3 -c "print(round($end - $start, 1))") s, $fails failed workers, CPU workers ${cpu} s PostgreSQL ${pgcpu} s, load $(cut -d' ' -f1 /proc/loadavg)"
  echo "$run $w $trials $start $end $fails $cpu $pgcpu $(cut -d' ' -f1-3 /proc/loadavg)" >> "$tmp/runs.txt"
done
done
python3 bench/throughput/claims_report.py "$tmp" "$seconds"
python3 bench/throughput/section.py claims "Many workers on one PostgreSQL study" \
  bench/results/claim_throughput.json bench/results/claim_throughput.md
