#!/usr/bin/env bash
# SCAN with the neural-symbolic recursive machine (issue 15 section 1), beside an LSTM
# encoder-decoder baseline, on the splits simple, length, add-prim jump, add-prim turn-left and
# template around-right, plus a generated arithmetic-to-postfix set (aligned files) that shows the
# same learner running unchanged. Writes bench/results/systematic_scan.{json,md}.
# Usage: GYRUS_DATA=/work/shared/data bench/systematic/scan.sh
# Knobs: NSR_SEEDS (0,1,2), S2S_SEEDS (0), S2S_STEPS (2000), S2S_HIDDEN (64), NICE (10).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="${GYRUS_DATA:?set GYRUS_DATA to the shared data directory}/scan"
nsr_seeds="${NSR_SEEDS:-0,1,2}"
s2s_seeds="${S2S_SEEDS:-0}"
s2s_steps="${S2S_STEPS:-2000}"
s2s_hidden="${S2S_HIDDEN:-64}"
nice_level="${NICE:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
nice -n 10 ./mvnw -o -q -B -pl gyrus-app -am compile -Dspotless.skip=true
nice -n 10 ./mvnw -o -q -B -pl gyrus-app dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$(tr ':' '\n' < "$work/cp.txt" | grep -v '/gyrus-' | tr '\n' ':')"
for m in gyrus-app gyrus-nesy gyrus-logic gyrus-core gyrus-nn gyrus-search gyrus-nas gyrus-agents; do
  cp="$cp$root/$m/target/classes:"
done
gyrus() {
  nice -n "$nice_level" java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" org.gyrus.app.Main "$@"
}
# one row per run: set, model, the command (with $GYRUS_DATA), output line
run() {
  local set="$1" model="$2" shown="$3"
  shift 3
  gyrus nsr --model "$model" "$@" > "$work/out.txt"
  grep -E "^(nsr|seq2seq) seed" "$work/out.txt" | while read -r line; do
    printf '%s\t%s\t%s\t%s\n' "$set" "$model" "$shown" "$line" >> "$work/rows.tsv"
  done
  grep -E "^  [^ ]+: " "$work/out.txt" > "$work/programs_$set.txt" || true
  cat "$work/out.txt"
}
: > "$work/rows.tsv"
splits="simple:simple_split/tasks_train_simple.txt:simple_split/tasks_test_simple.txt
length:length_split/tasks_train_length.txt:length_split/tasks_test_length.txt
addprim_jump:add_prim_split/tasks_train_addprim_jump.txt:add_prim_split/tasks_test_addprim_jump.txt
addprim_turn_left:add_prim_split/tasks_train_addprim_turn_left.txt:add_prim_split/tasks_test_addprim_turn_left.txt
template_around_right:template_split/tasks_train_template_around_right.txt:template_split/tasks_test_template_around_right.txt"
for s in $splits; do
  IFS=: read -r name tr te <<< "$s"
  args=(--train "$data/$tr" --test "$data/$te")
  shown="gyrus nsr --train \$GYRUS_DATA/scan/$tr --test \$GYRUS_DATA/scan/$te"
  run "$name" nsr "$shown --seeds $nsr_seeds --programs" "${args[@]}" --seeds "$nsr_seeds" --programs
done
gyrus nsr --make-arith "$work/arith" --arith-seed 0
arith=(--train-src "$work/arith/train.src" --train-tgt "$work/arith/train.tgt"
  --test-src "$work/arith/test.src" --test-tgt "$work/arith/test.tgt")
ashown="gyrus nsr --make-arith A && gyrus nsr --train-src A/train.src --train-tgt A/train.tgt --test-src A/test.src --test-tgt A/test.tgt"
run arith_postfix nsr "$ashown --seeds $nsr_seeds --programs" "${arith[@]}" --seeds "$nsr_seeds" --programs
mkdir -p bench/results/systematic_scan_programs
cp "$work"/programs_*.txt bench/results/systematic_scan_programs/
s2s=(--model seq2seq --seeds "$s2s_seeds" --steps "$s2s_steps" --hidden "$s2s_hidden")
for s in $splits; do
  IFS=: read -r name tr te <<< "$s"
  shown="gyrus nsr --train \$GYRUS_DATA/scan/$tr --test \$GYRUS_DATA/scan/$te --model seq2seq --seeds $s2s_seeds --steps $s2s_steps --hidden $s2s_hidden"
  run "$name" seq2seq "$shown" --train "$data/$tr" --test "$data/$te" --seeds "$s2s_seeds" \
    --steps "$s2s_steps" --hidden "$s2s_hidden"
done
run arith_postfix seq2seq "$ashown --model seq2seq --seeds $s2s_seeds --steps $s2s_steps --hidden $s2s_hidden" \
  "${arith[@]}" --seeds "$s2s_seeds" --steps "$s2s_steps" --hidden "$s2s_hidden"
cp "$work/rows.tsv" bench/results/systematic_scan_raw.tsv
python3 bench/systematic/scan_report.py bench/results/systematic_scan_raw.tsv bench/results "$(uptime)"
