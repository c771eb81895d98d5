#!/usr/bin/env bash
# Where PostgreSQL's time goes under many workers: W `gyrus worker` processes (random search,
# synthetic Hartmann-6, delay_ms 50) on one study of a throwaway `.ci/postgres` server with
# pg_stat_statements loaded, then the statements by total server time (execution + planning): calls,
# milliseconds, per call, rows. A profile, not a result: it prints, and writes nothing.
# Usage: [W=16] [N=3200] bench/throughput/pg_statements.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
w="${W:-16}" n="${N:-3200}"
eval "$(.ci/postgres)"
trap '.ci/postgres stop "$GYRUS_PG_DIR"' EXIT
psql_bin="$(cat "$GYRUS_PG_DIR/bin")/psql"
printf "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track_planning = on\n" \
  >> "$GYRUS_PG_DIR/data/postgresql.conf"
.ci/postgres restart "$GYRUS_PG_DIR"
url="${GYRUS_PG_URL%/*}/statements"
"$psql_bin" -q -d "$GYRUS_PG_URL" -c "CREATE DATABASE statements"
"$psql_bin" -q -d "$url" -c "CREATE EXTENSION pg_stat_statements"
tmp="$(mktemp -d)"
cat > "$tmp/exp.yaml" <<YAML
_type: experiment
study: statements
algorithm: random
evaluator: {_type: synthetic, function: hartmann6, delay_ms: 50}
trials: $n
YAML
./gyrus search "$tmp/exp.yaml" --storage "$url" --trials 1 > /dev/null 2>&1
"$psql_bin" -q -d "$url" -c "SELECT pg_stat_statements_reset()" > /dev/null
export GYRUS_JAVA_OPTS="-Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
pids=()
for i in $(seq 1 "$w"); do
  ./gyrus worker --storage "$url" --study statements --trials "$n" > "$tmp/w$i.log" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
echo "$w workers, $n trials"
"$psql_bin" -d "$url" -c "SELECT calls, round(total_exec_time::numeric) AS exec_ms,
  round(total_plan_time::numeric) AS plan_ms,
  round(((total_exec_time + total_plan_time) / greatest(calls, 1))::numeric, 3) AS ms_per_call, rows,
  left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS statement
  FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 12"
