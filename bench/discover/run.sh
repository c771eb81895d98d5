#!/usr/bin/env bash
# The unattended discovery loop (issue 20 §3, S12): `gyrus discover` proposes token-mixing blocks,
# repairs, trains (MQAR) and analyses them for HOURS; then the top CONFIRM (default 3) discovered
# blocks and the seeds are retrained from scratch with CONFIRM_SEEDS (default 3) fresh seeds each
# (`gyrus discover --confirm`); report.py reads the study and the retrainings and writes
# bench/results/discover.json and bench/results/discover.md (seeds vs the best discovered blocks,
# the winner's lineage, motif memory, failures and repairs).
#   bench/discover/run.sh HOURS [CONFIG=bench/discover/mqar-smoke.yaml]
# The study lives in bench/work/discover/discover.db: running again resumes it (HOURS more).
# SKIP_SEARCH=1: confirm + report only; REPORT_ONLY=1: report only; CONFIRM=0: no retraining.
# CONFIRM_STEPS=N: also retrain the same candidates with N training steps (confirm-steps.jsonl).
# bench/work/discover/commands-notes.txt, when present (e.g. a note that a run was killed with
# SIGKILL), is quoted beside the commands in the report.
# One engine thread, nice 10.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
hours="${1:?usage: bench/discover/run.sh HOURS [CONFIG]}"
config="${2:-$here/mqar-smoke.yaml}"
confirm="${CONFIRM:-3}"; confirm_seeds="${CONFIRM_SEEDS:-3}"
work="$root/bench/work/discover"; mkdir -p "$work" "$root/bench/results"
db="$work/discover.db"
cmd="bench/discover/run.sh $hours${2:+ $2}"
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
export OMP_NUM_THREADS=1 TORCH_CPP_LOG_LEVEL=ERROR
gyrus() {
  nice -n 10 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$work/jars/*:$work/jars/lib/*" org.gyrus.app.Main "$@"
}
if [ -z "${REPORT_ONLY:-}" ]; then
  if [ -z "${NO_BUILD:-}" ]; then
    (cd "$root" && ./mvnw -o -q -B -pl gyrus-app -am package -DskipTests -Dspotless.skip=true) >&2
  fi
  # a private copy of the jars: rebuilding the tree during a long run cannot break it
  rm -rf "$work/jars"; mkdir -p "$work/jars"
  cp "$root"/gyrus-app/target/gyrus-app-*.jar "$work/jars/"; cp -r "$root/gyrus-app/target/lib" "$work/jars/lib"
  if [ -z "${SKIP_SEARCH:-}" ]; then
    echo "$cmd" >> "$work/commands.txt"
    gyrus discover "$config" --storage "sqlite:$db" --hours "$hours" --heartbeat 30 2>&1 | tee -a "$work/discover.log"
  fi
  if [ "$confirm" -gt 0 ]; then
    gyrus discover "$config" --storage "sqlite:$db" --confirm "$confirm" --confirm-seeds "$confirm_seeds" \
      > "$work/confirm.jsonl" 2> >(tee -a "$work/discover.log" >&2)
    if [ -n "${CONFIRM_STEPS:-}" ]; then
      gyrus discover "$config" --storage "sqlite:$db" --confirm "$confirm" --confirm-seeds "$confirm_seeds" \
        --confirm-steps "$CONFIRM_STEPS" > "$work/confirm-steps.jsonl" 2> >(tee -a "$work/discover.log" >&2)
    fi
  fi
fi
/usr/bin/python3 "$here/report.py" "$db" "$config" "$work/confirm.jsonl" \
  "$(awk '!seen[$0]++' "$work/commands.txt" 2>/dev/null | paste -sd ';' || echo "$cmd")$(
    [ -s "$work/commands-notes.txt" ] && echo " ($(paste -sd ';' "$work/commands-notes.txt"))")" \
  "$root/bench/results/discover.json" "$root/bench/results/discover.md" \
  ${CONFIRM_STEPS:+"$work/confirm-steps.jsonl" "$CONFIRM_STEPS"}
