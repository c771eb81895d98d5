#!/usr/bin/env bash
# Issue 21 §2 (N9, SGL without language): a CNN reads the desired blocks-world scene, predicts the
# goal atoms, the PDDL planner solves them and the validator checks the plan against the true goal.
# Trained on scenes of GOALS_TRAIN_BLOCKS blocks, scored on held-out scenes of the same sizes and of
# GOALS_TEST_BLOCKS blocks (more than in training), against the prior (training-goal frequencies),
# the initial state taken as goal, and (GOALS_CONTROL=1) the same network fed the initial image.
# Runs from the built classes (no install into ~/.m2), one engine thread, nice 10; writes
# bench/results/agents_goals.{json,md}. Knobs (defaults are the reported run): GOALS_TRAIN (4000),
# GOALS_TEST (300), GOALS_EPOCHS (15), GOALS_SEEDS ("1 2 3"), GOALS_TRAIN_BLOCKS ("3 5"),
# GOALS_TEST_BLOCKS ("6 7"), GOALS_CONTROL (1), GOALS_NICE (10).
set -euo pipefail
cd "$(dirname "$0")/../.."
TRAIN=${GOALS_TRAIN:-4000}
TEST=${GOALS_TEST:-300}
EPOCHS=${GOALS_EPOCHS:-15}
SEEDS=${GOALS_SEEDS:-1 2 3}
read -r TRMIN TRMAX <<<"${GOALS_TRAIN_BLOCKS:-3 5}"
read -r TEMIN TEMAX <<<"${GOALS_TEST_BLOCKS:-6 7}"
CONTROL=${GOALS_CONTROL:-1}
OUT=bench/results
RAW=$OUT/agents_goals_raw
mkdir -p "$RAW"
./mvnw -o -q -B -pl gyrus-agents -am compile -Dspotless.skip=true
./mvnw -o -q -B -pl gyrus-agents dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
  -Dmdep.includeScope=runtime >/dev/null
CP=""
# this tree's classes first: the list from ~/.m2 may name older gyrus jars
for m in gyrus-agents gyrus-nesy gyrus-logic gyrus-nn gyrus-core; do CP="$CP$m/target/classes:"; done
CP="$CP$(cat gyrus-agents/target/bench-cp.txt)"
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
rm -f "$RAW/goals.jsonl" "$RAW/goals.cmd" "$RAW/goals.log" "$RAW/goals.time"
echo "GOALS_TRAIN=$TRAIN GOALS_TEST=$TEST GOALS_EPOCHS=$EPOCHS GOALS_SEEDS=\"$SEEDS\"" \
  "GOALS_TRAIN_BLOCKS=\"$TRMIN $TRMAX\" GOALS_TEST_BLOCKS=\"$TEMIN $TEMAX\" GOALS_CONTROL=$CONTROL" \
  "bench/agents/goals.sh" >"$RAW/goals.cmd"
for s in $SEEDS; do
  args="org.gyrus.agents.goals.GoalExperiment $TRAIN $TEST $TRMIN $TRMAX $TEMIN $TEMAX $EPOCHS $s $CONTROL"
  echo "java -cp CP $args $RAW/goals.jsonl" >>"$RAW/goals.cmd"
  # shellcheck disable=SC2086
  /usr/bin/time -a -o "$RAW/goals.time" -f "seed $s wall_s %e user_s %U sys_s %S" \
    nice -n "${GOALS_NICE:-10}" java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP" $args "$RAW/goals.jsonl" \
    2> >(grep -v -i -E "warn" >&2) | tee -a "$RAW/goals.log"
done
/usr/bin/python3 bench/agents/goals_report.py "$RAW" "$OUT/agents_goals.json" "$OUT/agents_goals.md"
# agents.{json,md} gathers every issue-21 agents figure, this one included
/usr/bin/python3 bench/agents/report.py "$OUT/agents_raw" "$OUT/agents.json" "$OUT/agents.md" >/dev/null
