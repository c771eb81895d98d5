#!/usr/bin/env bash
# Continuous black-box minimisation: Gyrus random / evolution / tpe / gp / cmaes against Optuna
# RandomSampler / TPESampler / TPESampler(multivariate) / CmaEsSampler on the synthetic functions,
# side by side. Each (function, algorithm, seed) is one 200-trial study; the best after 20, 50, 100
# and 200 trials is read off it (no algorithm knows its budget). Also the ask+tell time per trial
# at 200 trials (median of the last 10) and, in one 1,000-trial study on Hartmann-6, at 1,000.
# Writes bench/results/hpo.json and bench/results/hpo.md.
#   bench/hpo_vs_optuna/run.sh [REPEATS=10] [SEED=0] [FUNCTIONS=all] [TRIALS=200]
# TRIALS < 200 reads the budgets up to it (30 seeds at 50 trials: `run.sh 30 0 all 50`).
# Needs Debian's python3-optuna (apt-get install -y python3-optuna). Environment:
#   WORK=DIR          where the JSON lines go (default bench/work/hpo-tTRIALS-rREPEATS)
#   REPORT_DIRS=A,B   work directories folded into the report (default: WORK); a cell takes the
#                     run with the most seeds (e.g. 30 seeds at 20/50 and 10 seeds at 100/200)
#   SKIP_OPTUNA=1     reuse WORK/optuna.jsonl;  ALGOS="gp cmaes" only these Gyrus algorithms
#                     (the other lines of WORK/gyrus.jsonl are kept);  SKIP_OVERHEAD=1 no long
#                     studies (ask+tell at 1,000 trials, TPE at 10,000)
#   OUT=NAME          write bench/results/NAME.{json,md} (default hpo)
#   NOTE=TEXT         how the folded runs were made: printed in the report's header
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeats="${1:-10}"
seed="${2:-0}"
functions="${3:-all}"
[ "$functions" = all ] && functions="branin,hartmann3,hartmann6,rosenbrock,ackley,levy,styblinski_tang,michalewicz,rastrigin,six_hump_camel,griewank"
trials="${4:-200}"
checkpoints="$(for b in 20 50 100 200; do if [ "$b" -lt "$trials" ]; then printf '%s,' "$b"; fi; done)$trials"
algos="${ALGOS:-random evolution tpe gp cmaes}"
/usr/bin/python3 -c "import optuna" 2>/dev/null || { echo "needs Debian's python3-optuna: apt-get install -y python3-optuna"; exit 2; }
work="${WORK:-$root/bench/work/hpo-t$trials-r$repeats}"; mkdir -p "$work" "$root/bench/results"
# GYRUS_CP: run a built app class path directly instead of the ./gyrus launcher (which builds).
if [ -n "${GYRUS_CP:-}" ]; then
  gyrus=(java -cp "$GYRUS_CP" org.gyrus.app.Main)
else
  gyrus=("$root/gyrus")
fi
if [ -z "${SKIP_OPTUNA:-}" ]; then
  nice -n 10 /usr/bin/python3 "$here/optuna_synthetic.py" --functions "$functions" --repeats "$repeats" --seed "$seed" \
    --trials "$trials" --checkpoints "$checkpoints" | sed -u 's/^{/{"system": "optuna", /' > "$work/optuna.jsonl"
fi
touch "$work/gyrus.jsonl"
for f in ${functions//,/ }; do
  for a in $algos; do # a rerun of (f, a) replaces its line
    line="$(nice -n 10 "${gyrus[@]}" bench synthetic --function "$f" --algorithm "$a" --trials "$trials" \
      --checkpoints "$checkpoints" --repeats "$repeats" --seed "$seed" 2>/dev/null | tail -n 1 | sed 's/^{/{"system":"gyrus",/')"
    grep -v "\"function\":\"$f\",.*\"algorithm\":\"$a\"," "$work/gyrus.jsonl" > "$work/gyrus.tmp" || true
    echo "$line" >> "$work/gyrus.tmp" && mv "$work/gyrus.tmp" "$work/gyrus.jsonl"
    echo "$line" | cut -c1-160
  done
done
if [ -z "${SKIP_OVERHEAD:-}" ]; then
  : > "$work/overhead.jsonl"
  for a in random evolution tpe gp cmaes; do # gp fits at most max_points (200) trials
    nice -n 10 "${gyrus[@]}" bench synthetic --function hartmann6 --algorithm "$a" --trials 1000 --repeats 1 --seed "$seed" \
      2>/dev/null | tail -n 1 | sed 's/^{/{"system":"gyrus",/' >> "$work/overhead.jsonl"
  done
  nice -n 10 "${gyrus[@]}" bench synthetic --function hartmann6 --algorithm tpe --trials 10000 --repeats 1 --seed "$seed" \
    2>/dev/null | tail -n 1 | sed 's/^{/{"system":"gyrus",/' >> "$work/overhead.jsonl"
  nice -n 10 /usr/bin/python3 "$here/optuna_synthetic.py" --functions hartmann6 --trials 1000 --checkpoints 1000 --repeats 1 --seed "$seed" \
    | sed -u 's/^{/{"system": "optuna", /' >> "$work/overhead.jsonl"
fi
out="$root/bench/results/${OUT:-hpo}"
/usr/bin/python3 "$here/report.py" "${REPORT_DIRS:-$work}" "$out.json" "$out.md" \
  "$(/usr/bin/python3 -c 'import optuna; print(optuna.__version__)')" "${NOTE:-}"
cat "$out.md"
