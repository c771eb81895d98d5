# Sourced by run.sh and by every rows/*.sh: builds gyrus-nn once (skipped when run.sh already did,
# BLOCKS_DYNAMICS_BUILT=1) and defines JAVA (nice 10, one engine thread), DATA and OUT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
DATA=${GYRUS_DATA:-$(cd .. && pwd)/shared/data}
OUT=bench/results/blocks_dynamics
mkdir -p "$OUT"
if [ "${BLOCKS_DYNAMICS_BUILT:-0}" != 1 ]; then
  ./mvnw -o -q -B -pl gyrus-nn -am package -DskipTests -Dspotless.skip=true >&2
  ./mvnw -o -q -B -pl gyrus-nn dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
    -Dmdep.includeScope=runtime >&2
  # a snapshot of the classes, so a later compile in this tree cannot pull them from under a run
  rm -rf gyrus-nn/target/bench-classes
  mkdir -p gyrus-nn/target/bench-classes
  cp -r gyrus-core/target/classes gyrus-nn/target/bench-classes/core
  cp -r gyrus-nn/target/classes gyrus-nn/target/bench-classes/nn
  export BLOCKS_DYNAMICS_BUILT=1
fi
CP="gyrus-nn/target/bench-classes/core:gyrus-nn/target/bench-classes/nn:$(cat gyrus-nn/target/bench-cp.txt)"
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
JAVA=(nice -n 10 java -Xmx3g -Djava.awt.headless=true -Dai.djl.offline=true
  -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP")
