#!/usr/bin/env bash
# Issue 21 §3 (N10, JARVIS without a language model): sub-goal agents over a semantic map in a
# household grid world. Seeded tasks of levels 1-5 (HOUSEHOLD_TASKS per level), the sub-goal agent
# (partial view: Datalog commonsense KB -> PDDL planner -> A* navigator, replanning) against the
# full-view oracle (optimal plans) and a PPO baseline trained for HOUSEHOLD_PPO_STEPS environment
# steps on the same semantic-map observations; plus HOUSEHOLD_MOVED tasks where a goal item is moved
# once the agent has seen it. Runs from the built classes (no install into ~/.m2), one engine
# thread, nice 10; writes bench/results/agents_household.{json,md}.
# Knobs (defaults are the reported run): HOUSEHOLD_TASKS (50), HOUSEHOLD_MOVED (50),
# HOUSEHOLD_PPO_STEPS (1000000), HOUSEHOLD_SEED (1), HOUSEHOLD_NICE (10), HOUSEHOLD_PPO_MAX_LEVEL
# (5: PPO trains on levels 1..N), HOUSEHOLD_NAME (agents_household: the results' file name).
set -euo pipefail
cd "$(dirname "$0")/../.."
TASKS=${HOUSEHOLD_TASKS:-50}
MOVED=${HOUSEHOLD_MOVED:-50}
PPO=${HOUSEHOLD_PPO_STEPS:-1000000}
SEED=${HOUSEHOLD_SEED:-1}
MAXLEVEL=${HOUSEHOLD_PPO_MAX_LEVEL:-5}
NAME=${HOUSEHOLD_NAME:-agents_household}
OUT=bench/results
RAW=$OUT/${NAME}_raw
mkdir -p "$RAW"
./mvnw -o -q -B -pl gyrus-agents -am compile -Dspotless.skip=true
./mvnw -o -q -B -pl gyrus-agents dependency:build-classpath \
  -Dmdep.outputFile="$PWD/gyrus-agents/target/bench-cp.txt" -Dmdep.includeScope=runtime >/dev/null
CP=""
# this tree's classes first: the list from ~/.m2 may name older gyrus jars
for m in gyrus-agents gyrus-nesy gyrus-logic gyrus-nn gyrus-core; do CP="$CP$m/target/classes:"; done
CP="$CP$(cat gyrus-agents/target/bench-cp.txt)"
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
CMD="HOUSEHOLD_TASKS=$TASKS HOUSEHOLD_MOVED=$MOVED HOUSEHOLD_PPO_STEPS=$PPO HOUSEHOLD_SEED=$SEED"
if [ "$MAXLEVEL" != 5 ] || [ "$NAME" != agents_household ]; then
  CMD="$CMD HOUSEHOLD_PPO_MAX_LEVEL=$MAXLEVEL HOUSEHOLD_NAME=$NAME"
fi
CMD="$CMD bench/agents/household.sh"
/usr/bin/time -o "$RAW/household.time" -f "wall_s %e user_s %U sys_s %S" \
  nice -n "${HOUSEHOLD_NICE:-10}" java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP" org.gyrus.agents.household.HouseholdBench \
  "$TASKS" "$MOVED" "$PPO" "$SEED" "$OUT/$NAME.json" "$OUT/$NAME.md" "$CMD" "$MAXLEVEL" \
  2> >(grep -v -i -E "warn" | tee "$RAW/household.log" >&2) >/dev/null
/usr/bin/python3 bench/agents/household_rows.py "$OUT/$NAME.json"
{
  echo
  echo "Process times (\`/usr/bin/time\`): $(cat "$RAW/household.time")"
} >>"$OUT/$NAME.md"
cat "$OUT/$NAME.md"
# agents.{json,md} gathers every issue-21 agents figure, this one included
/usr/bin/python3 bench/agents/report.py "$OUT/agents_raw" "$OUT/agents.json" "$OUT/agents.md" >/dev/null
