#!/usr/bin/env bash
# Classical planning bench: every IPC 1998-2002 instance in $GYRUS_DATA/pddl-ipc, solved by
# `gyrus plan`'s planner (lazy greedy best-first search, FF + preferred operators) in ONE JVM,
# every plan re-checked by the independent validator. Writes bench/results/planning.{json,md}.
#
# Usage: bench/planning/run.sh [TIMEOUT_S=60] [FILTER=regex on "ipc/domain/N"] [MODE=sat|optimal]
# The limit is CPU seconds of search per instance (the IPC convention; wall time is reported
# too); the heap is capped at 4 GB (-Xmx4g) as in the issue's "4 GB per instance".
# SHARDS=N (default 1) splits the list round-robin over N JVMs run side by side.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
timeout_s="${1:-60}"
filter="${2:-.}"
mode="${3:-sat}"
data="${GYRUS_DATA:-$root/../shared/data}"
ipc="$data/pddl-ipc"
[ -d "$ipc" ] || { echo "no $ipc (set GYRUS_DATA)" >&2; exit 2; }
cd "$root"
./mvnw -o -q -B -pl gyrus-logic -am test-compile -Dspotless.skip=true >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
list="$work/list.txt"
for dom in "$ipc"/*/*/; do
  name="$(basename "$(dirname "$dom")")/$(basename "$dom")"
  for f in $(ls "$dom/instances" | sort -V); do
    n="${f#instance-}"; n="${n%.pddl}"
    id="$name/$n"
    if [[ "$id" =~ $filter ]]; then
      echo "$dom/domain.pddl $dom/instances/$f $id" >> "$list"
    fi
  done
done
echo "$(wc -l < "$list") instances, ${timeout_s} s each ($mode)" >&2
raw="bench/results/planning_raw.jsonl"
[ "$mode" = optimal ] && raw="bench/results/planning_optimal_raw.jsonl"
mkdir -p bench/results
cp_="gyrus-logic/target/classes:gyrus-logic/target/test-classes:gyrus-core/target/classes"
shards="${SHARDS:-1}"
start=$(date +%s)
pids=()
for ((k = 0; k < shards; k++)); do
  awk -v k="$k" -v n="$shards" '(NR - 1) % n == k' "$list" > "$work/list.$k"
  : > "$work/out.$k"
  nice -n 10 java -Xmx4g -XX:+UseSerialGC -cp "$cp_" org.gyrus.logic.plan.PlanningBench \
    "$work/list.$k" "$timeout_s" "$mode" > "$work/out.$k" &
  pids+=($!)
done
tail -q -n +1 -f "$work"/out.* | cut -c1-110 >&2 &
tailer=$!
for p in "${pids[@]}"; do wait "$p"; done
kill "$tailer" 2>/dev/null || true
cat "$work"/out.* > "$raw"
end=$(date +%s)
python3 bench/planning/report.py "$raw" "$timeout_s" "$mode" "$((end - start))" \
  "bench/planning/run.sh $timeout_s '$filter' $mode"
