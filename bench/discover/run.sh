#!/usr/bin/env bash
# The unattended discovery loop (issue 20 §3, S12): `gyrus discover` proposes token-mixing blocks,
# repairs, trains (MQAR) and analyses them for HOURS, then report.py reads the study and writes
# bench/results/discover.json and bench/results/discover.md (seeds vs the best discovered block,
# the winner's lineage, motif memory, failures and repairs).
#   bench/discover/run.sh HOURS [CONFIG=bench/discover/mqar-smoke.yaml]
# The study lives in bench/work/discover/discover.db: running again resumes it (HOURS more).
# REPORT_ONLY=1 writes the report from the stored study without running. One engine thread, nice 10.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
hours="${1:?usage: bench/discover/run.sh HOURS [CONFIG]}"
config="${2:-$here/mqar-smoke.yaml}"
work="$root/bench/work/discover"; mkdir -p "$work" "$root/bench/results"
db="$work/discover.db"
cmd="bench/discover/run.sh $hours${2:+ $2}"
if [ -z "${REPORT_ONLY:-}" ]; then
  if [ -z "${NO_BUILD:-}" ]; then
    (cd "$root" && ./mvnw -o -q -B -pl gyrus-app -am package -DskipTests -Dspotless.skip=true) >&2
  fi
  # a private copy of the jars: rebuilding the tree during a long run cannot break it
  rm -rf "$work/jars"; mkdir -p "$work/jars"
  cp "$root"/gyrus-app/target/gyrus-app-*.jar "$work/jars/"; cp -r "$root/gyrus-app/target/lib" "$work/jars/lib"
  export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
  export OMP_NUM_THREADS=1 TORCH_CPP_LOG_LEVEL=ERROR
  echo "$cmd" >> "$work/commands.txt"
  nice -n 10 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$work/jars/*:$work/jars/lib/*" org.gyrus.app.Main \
    discover "$config" --storage "sqlite:$db" --hours "$hours" --heartbeat 30 2>&1 | tee -a "$work/discover.log"
fi
/usr/bin/python3 "$here/report.py" "$db" "$config" "$(sort -u "$work/commands.txt" 2>/dev/null | paste -sd ';' || echo "$cmd")" \
  "$root/bench/results/discover.json" "$root/bench/results/discover.md"
