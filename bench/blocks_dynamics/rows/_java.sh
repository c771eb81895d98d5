# Sourced by the row scripts of issue 19 (mqar, ctm, synthetic_gradients, ncap): builds gyrus-nn
# once (offline, no tests, nothing installed) and defines JAVA: one engine thread, nice 10.
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
OUT_DIR=bench/results/blocks_dynamics
mkdir -p "$OUT_DIR"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -o -q -B -pl gyrus-nn -am package -DskipTests -Dspotless.skip=true
  ./mvnw -o -q -B -pl gyrus-nn dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
    -Dmdep.includeScope=runtime
fi
# Run from a snapshot of the classes, so a rebuild during a long row cannot pull them away.
SNAP=$(mktemp -d /tmp/gyrus-rows.XXXXXX)
trap 'rm -rf "$SNAP"' EXIT
cp -r gyrus-core/target/classes "$SNAP/core"
cp -r gyrus-nn/target/classes "$SNAP/nn"
CP="$SNAP/core:$SNAP/nn:$(cat gyrus-nn/target/bench-cp.txt)"
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
JAVA=(nice -n ${NICE:-10} java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP")
