#!/usr/bin/env bash
# Issue 23 §1–2: the claims of B20 (annealed gradient noise) and B21 (cyclical curriculum), one
# command per row:
#   bench/claims/run.sh noise                [key=value ...]
#   bench/claims/run.sh curriculum-fashion   [key=value ...]
#   bench/claims/run.sh curriculum-cifar     [key=value ...]   (tag=NAME: a variant kept beside it)
# key=value pairs override the row's defaults (see gyrus-nn org.gyrus.nn.bench.NoiseClaim and
# CurriculumClaim: seeds, epochs, train (training subset), lr, ...). Each row writes
# bench/results/claims/ROW.json and its PNG curves; then every row file present is merged into
# bench/results/claims.{json,md}. One engine thread, nice 10; data from $GYRUS_DATA.
set -euo pipefail
if [ $# -lt 1 ]; then
  sed -n 2,10p "$0" >&2
  exit 2
fi
ROW=$1
shift
cd "$(dirname "$0")/../.."
DATA=${GYRUS_DATA:-$(cd .. && pwd)/shared/data}
OUT=${CLAIMS_OUT:-bench/results/claims}  # another folder for trial runs
RESULTS=${CLAIMS_OUT:-bench/results}
mkdir -p "$OUT"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -o -q -B -pl gyrus-nn -am package -DskipTests -Dspotless.skip=true >&2
  ./mvnw -o -q -B -pl gyrus-nn dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
    -Dmdep.includeScope=runtime >&2
fi
# run from a snapshot of the classes, so a rebuild during a long row cannot pull them away
SNAP=$(mktemp -d /tmp/gyrus-claims.XXXXXX)
trap 'rm -rf "$SNAP"' EXIT
cp -r gyrus-core/target/classes "$SNAP/core"
cp -r gyrus-nn/target/classes "$SNAP/nn"
CP="$SNAP/core:$SNAP/nn:$(cat gyrus-nn/target/bench-cp.txt)"
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
export ROW_COMMAND="bench/claims/run.sh $ROW${*:+ $*}"
start=$(date +%s)
nice -n 10 java -Xmx4g -Djava.awt.headless=true -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP" \
  org.gyrus.nn.bench.ClaimsBench "$ROW" "$DATA" "$OUT" "$@"
echo "== $ROW done in $(($(date +%s) - start)) s" >&2
/usr/bin/python3 bench/claims/combine.py "$OUT" "$RESULTS/claims.json" "$RESULTS/claims.md"
