#!/usr/bin/env bash
# Symbolic regression (issue 16 §2, N7): neural-guided GP (controller trained with the risk-seeking
# policy gradient, seeding GP), plus the controller alone (dsr) and plain GP (gp), on Nguyen-1..12
# and Constant-1..8 from $GYRUS_DATA/symbolic-regression (DSO benchmark specs). Seed 0 uses the
# pre-sampled dso-data/ train/test files; other seeds resample train and test from the spec.
# A run is a recovery when the found formula is symbolically equivalent to the ground truth
# (org.gyrus.nesy.symreg.Canon; fitted constants compared to 4 significant digits).
# Mode nggp-res: nggp plus additive decomposition with residual sub-searches (AdditiveResidual:
# when the search stalls short of an exact fit, additive parts of its best programs, and once the
# parts a polynomial surrogate shows separable (SurrogateSplit), are kept and the rest is searched
# on the residual over the other inputs; its sub-searches count in RUN_SECONDS).
# Usage: bench/program_learning/symreg.sh
#   SEEDS (default 0-9: "FROM-TO" or "a,b,c"), RUN_SECONDS (per run, default 120), MODES (default nggp;
#   "nggp,gp,dsr,nggp-res"), PROBLEMS (default Nguyen-1..12,Constant-1..8; DSO's csv also has Nguyen-12a, the
#   same formula and Koza set on U[0,10,20]), MAX_PROGRAMS (distinct programs per run, default
#   2000000 = the neural-guided GP paper's budget; 0 = none, only RUN_SECONDS; runs under another
#   limit are kept apart: id MODE@LIMIT/PROBLEM/SEED, their own rows in the report).
# Resumable: every problem x seed is appended to bench/results/program_learning_symreg.jsonl as it
# finishes and skipped when run again (FRESH=1 starts over). Writes program_learning_symreg.{json,md}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${GYRUS_DATA:-$root/../shared/data}/symbolic-regression"
seeds="${SEEDS:-0-9}"
secs="${RUN_SECONDS:-120}"
modes="${MODES:-nggp}"
nguyen="Nguyen-1,Nguyen-2,Nguyen-3,Nguyen-4,Nguyen-5,Nguyen-6,Nguyen-7,Nguyen-8,Nguyen-9,Nguyen-10,Nguyen-11,Nguyen-12"
constant="Constant-1,Constant-2,Constant-3,Constant-4,Constant-5,Constant-6,Constant-7,Constant-8"
problems="${PROBLEMS:-$nguyen,$constant}"
out="$root/bench/results"
raw="$out/program_learning_symreg.jsonl"
mkdir -p "$out"
[ "${FRESH:-0}" = 1 ] && : > "$raw"
[ -d "$data" ] || { echo "error: no benchmark data at $data (set GYRUS_DATA)" >&2; exit 2; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && nice -n 10 ./mvnw -o -q -B -pl gyrus-nesy -am compile)
fi
# Run from a snapshot of the classes so a rebuild meanwhile cannot disturb the runs.
snap="$(mktemp -d)"
trap 'rm -rf "$snap"' EXIT
cp -r "$root/gyrus-core/target/classes" "$snap/core"
cp -r "$root/gyrus-nesy/target/classes" "$snap/nesy"
for mode in ${modes//,/ }; do
  # one core: the machine is shared
  nice -n 10 java -XX:ActiveProcessorCount=1 -Xmx1g -cp "$snap/nesy:$snap/core" \
    org.gyrus.nesy.symreg.SymRegBench "$data" "$raw" "$mode" "$secs" "$problems" "$seeds" \
    ${MAX_PROGRAMS:+"$MAX_PROGRAMS"}
done
cmd="SEEDS=$seeds RUN_SECONDS=$secs MODES=$modes${PROBLEMS:+ PROBLEMS=$problems}"
cmd="$cmd${MAX_PROGRAMS:+ MAX_PROGRAMS=$MAX_PROGRAMS} bench/program_learning/symreg.sh"
# REPORT_COMMAND names the whole sweep when it was run in parts (resumed).
cmd="${REPORT_COMMAND:-$cmd}"
python3 "$root/bench/program_learning/symreg_report.py" "$raw" "$out/program_learning_symreg" "$cmd" "$secs"
# the combined issue-16 file follows every part
python3 "$root/bench/program_learning/report.py" "$out"
