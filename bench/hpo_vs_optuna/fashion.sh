#!/usr/bin/env bash
# The real task of issue 25: the training recipe of a fixed Fashion-MNIST CNN (optimiser with its
# conditional arguments, log learning rate, log weight decay, batch size, schedule, dropout; see
# fashion.yaml), each trial EPOCHS epoch(s) over EXAMPLES training images, TRIALS trials per study.
# Gyrus random / evolution / tpe / gp / cmaes run as `gyrus search` studies; Optuna's samplers
# (OPTUNA_SAMPLERS, default tpe tpe_mv random cmaes) drive the same evaluator through
# `gyrus trial serve` (fashion_optuna.py), so both score the identical objective
# (validation accuracy, maximised). JOBS studies run at once (default 2). DATA=fashion-mnist (the
# full set from $GYRUS_DATA: 55,000/5,000/10,000) or DATA=embedded-fashion-mnist (the 10,000 images
# of Fashion-MNIST's test set shipped in gyrus-nn, split 8,000/1,000/1,000: no data directory, and a
# trial costs a fifth). Writes bench/results/hpo_fashion.{json,md}.
#   [GYRUS_DATA=DIR] GYRUS_CP=CLASSPATH bench/hpo_vs_optuna/fashion.sh [TRIALS=20] [SEEDS=3] [EXAMPLES=5000] [EPOCHS=1]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
trials="${1:-20}"; seeds="${2:-3}"; examples="${3:-5000}"; epochs="${4:-1}"; jobs="${JOBS:-2}"
algos="${ALGOS:-random evolution tpe gp cmaes}"
samplers="${OPTUNA_SAMPLERS:-tpe tpe_mv random cmaes}"
data="${DATA:-fashion-mnist}"
[ "$data" = embedded-fashion-mnist ] || : "${GYRUS_DATA:?set GYRUS_DATA to the data directory}"
/usr/bin/python3 -c "import optuna" 2>/dev/null || { echo "needs Debian's python3-optuna"; exit 2; }
if [ -n "${GYRUS_CP:-}" ]; then gyrus=(java -cp "$GYRUS_CP" org.gyrus.app.Main); else gyrus=("$root/gyrus"); fi
work="$root/bench/work/hpo_fashion"; mkdir -p "$work" "$root/bench/results"
work="$work/$data-n$examples-e$epochs"; mkdir -p "$work"
sed -e "s/DATA/$data/; s/EXAMPLES/$examples/; s/EPOCHS/$epochs/; s/^trials: .*/trials: $trials/" "$here/fashion.yaml" > "$work/fashion.yaml"
db="sqlite:$work/studies.db"
gyrus_study() { # algo seed: a stored study (a killed run resumes), exported as JSON
  local study="fashion-$1-s$2-t$trials"
  sed -e "s/^algorithm: .*/algorithm: $1/" "$work/fashion.yaml" > "$work/fashion-$1.yaml"
  nice -n 10 "${gyrus[@]}" search "$work/fashion-$1.yaml" --storage "$db" --study "$study" \
    --seed "$2" --trials "$trials" > "$work/$study.log" 2>&1 < /dev/null || { tail -3 "$work/$study.log"; return 1; }
  "${gyrus[@]}" study export --storage "$db" --study "$study" --format json > "$work/$study.json"
}
for seed in $(seq 0 $((seeds - 1))); do
  for sm in $samplers; do
    out="$work/optuna-$sm-s$seed-t$trials.jsonl"
    [ -s "$out" ] || {
      nice -n 10 /usr/bin/python3 "$here/fashion_optuna.py" --experiment "$work/fashion.yaml" --trials "$trials" \
        --seeds "$seed" --sampler "$sm" -- "${gyrus[@]}" > "$out.tmp" 2> "$work/optuna-$sm-s$seed.log" \
        && mv "$out.tmp" "$out" &
    }
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 2; done
  done
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 2; done
  for a in $algos; do
    gyrus_study "$a" "$seed" &
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 2; done
  done
done
wait
/usr/bin/python3 "$here/fashion_report.py" "$work" "$trials" "$seeds" "$examples" "$epochs" "$algos" "$data" \
  "$(/usr/bin/python3 -c 'import optuna; print(optuna.__version__)')" "$(cut -d' ' -f1-3 /proc/loadavg)" "$samplers"
cat "$root/bench/results/hpo_fashion.md"
