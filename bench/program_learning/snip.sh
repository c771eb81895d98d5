#!/usr/bin/env bash
# SNIP (issue 16 §3, N8): formula and data encoders trained contrastively on generated formulas of
# the Koza library (one variable); (1) formula <-> data retrieval among HELD held-out formulas,
# (2) the data encoder as a prior for symbolic regression: the K training formulas nearest to a
# problem's data seed the search's first batch, against the same search without them, on the
# one-variable Nguyen problems ($GYRUS_DATA/symbolic-regression, DSO specs).
# Usage: bench/program_learning/snip.sh
#   SNIP_SEED (0), CORPUS (50000 formulas), HELD (1000), STEPS (3000), K (200), RUN_SECONDS (10 of
#   the search thread's CPU), MODES (gp,nggp), PROBLEMS (Nguyen-1..8), SEEDS (0-4)
# Resumable: every search run is appended to bench/results/program_learning_snip.jsonl as it
# finishes and skipped when run again (FRESH=1 starts over; the encoders are retrained, seeded, on
# every start). Writes bench/results/program_learning_snip.{json,md}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${GYRUS_DATA:-$root/../shared/data}/symbolic-regression"
seed="${SNIP_SEED:-0}"; corpus="${CORPUS:-50000}"; held="${HELD:-1000}"; steps="${STEPS:-3000}"
k="${K:-200}"; secs="${RUN_SECONDS:-10}"; modes="${MODES:-gp,nggp}"; seeds="${SEEDS:-0-4}"
problems="${PROBLEMS:-Nguyen-1,Nguyen-2,Nguyen-3,Nguyen-4,Nguyen-5,Nguyen-6,Nguyen-7,Nguyen-8}"
out="$root/bench/results"; raw="$out/program_learning_snip.jsonl"
mkdir -p "$out"
[ "${FRESH:-0}" = 1 ] && : > "$raw"
[ -d "$data" ] || { echo "error: no benchmark data at $data (set GYRUS_DATA)" >&2; exit 2; }
cd "$root"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  nice -n 10 ./mvnw -o -q -B -pl gyrus-nesy -am compile -Dspotless.skip=true
fi
./mvnw -o -q -B -pl gyrus-nesy dependency:build-classpath -Dmdep.outputFile="$root/target/snip-cp.txt" >&2
# Run from a snapshot of the classes so a rebuild meanwhile cannot disturb the runs.
snap="$(mktemp -d)"; trap 'rm -rf "$snap"' EXIT
# the Gyrus modules on the class path are read from their target/classes, snapshotted
mods="nesy $(grep -o 'org/gyrus/gyrus-[a-z]*' "$root/target/snip-cp.txt" | sed 's#org/gyrus/gyrus-##' | sort -u | tr '\n' ' ')"
for m in $mods; do cp -r "$root/gyrus-$m/target/classes" "$snap/$m"; done
cp="$(for m in $mods; do printf '%s:' "$snap/$m"; done)$(sed -E 's#[^:]*/org/gyrus/[^:]*\.jar:?##g' "$root/target/snip-cp.txt")"
nice -n 10 java -XX:ActiveProcessorCount=1 -Xmx3g -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" \
  org.gyrus.nesy.symreg.SnipBench "$data" "$raw" "$seed" "$corpus" "$held" "$steps" "$k" "$secs" \
  "$modes" "$problems" "$seeds"
cmd="SNIP_SEED=$seed CORPUS=$corpus HELD=$held STEPS=$steps K=$k RUN_SECONDS=$secs MODES=$modes SEEDS=$seeds${PROBLEMS:+ PROBLEMS=$problems} bench/program_learning/snip.sh"
python3 "$root/bench/program_learning/snip_report.py" "$raw" "$out/program_learning_snip" "${REPORT_COMMAND:-$cmd}"
# the combined issue-16 file follows every part
python3 "$root/bench/program_learning/report.py" "$out"
