#!/usr/bin/env bash
# Issue 21 §4–5: emergent symbols in a referential game (N13) and a test-gated module library
# (N11). Runs the gyrus-agents mains from the built classes (no install into ~/.m2), one engine
# thread, nice 10, and writes bench/results/agents.{json,md}. Usage: bench/agents/run.sh [PARTS]
# PARTS from "game_mnist game_fashion library" (default all); raw rows of other parts are kept.
# Scale knobs (defaults are the reported run): GAME_STEPS, GAME_TRAIN, GAME_TEST, GAME_SEEDS.
set -euo pipefail
cd "$(dirname "$0")/../.."
PARTS=${1:-game_mnist game_fashion library}
DATA=${GYRUS_DATA:-$(cd .. && pwd)/shared/data}
OUT=bench/results
RAW=$OUT/agents_raw
mkdir -p "$RAW"
./mvnw -o -q -B -pl gyrus-agents -am compile -Dspotless.skip=true
./mvnw -o -q -B -pl gyrus-agents dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
  -Dmdep.includeScope=runtime >/dev/null
CP=""
# this tree's classes first: the list from ~/.m2 may name older gyrus jars
for m in gyrus-agents gyrus-nesy gyrus-logic gyrus-nn gyrus-core; do CP="$CP$m/target/classes:"; done
CP="$CP$(cat gyrus-agents/target/bench-cp.txt)"
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE GYRUS_DATA="$DATA"
run_main() {
  nice -n 10 java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP" "$@"
}
STEPS=${GAME_STEPS:-1500}
TRAIN=${GAME_TRAIN:-10000}
TEST=${GAME_TEST:-1000}
SEEDS=${GAME_SEEDS:-1 2}
for p in $PARTS; do
  case $p in
    game_mnist) mains=(); for s in $SEEDS; do mains+=("org.gyrus.agents.game.GameGrid mnist 1,2,4 4,16,64 $STEPS $TRAIN $TEST 3 $s"); done ;;
    game_fashion) mains=("org.gyrus.agents.game.GameGrid fashion-mnist 2,4 16,64 $STEPS $TRAIN $TEST 3 1") ;;
    library) mains=("org.gyrus.agents.library.CurriculumBench 1") ;;
    *) echo "unknown part $p" >&2; exit 2 ;;
  esac
  rm -f "$RAW/$p.jsonl" "$RAW/$p.cmd" "$RAW/$p.log"
  for args in "${mains[@]}"; do
    echo "java -cp CP $args $RAW/$p.jsonl" >> "$RAW/$p.cmd"
    # shellcheck disable=SC2086
    run_main $args "$RAW/$p.jsonl.part" 2> >(grep -v -i -E "warn" >&2) | tee -a "$RAW/$p.log"
    cat "$RAW/$p.jsonl.part" >> "$RAW/$p.jsonl"
    rm -f "$RAW/$p.jsonl.part"
  done
done
/usr/bin/python3 bench/agents/report.py "$RAW" "$OUT/agents.json" "$OUT/agents.md"
