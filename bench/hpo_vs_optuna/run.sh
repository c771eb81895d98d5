#!/usr/bin/env bash
# Continuous black-box minimisation: Gyrus random / evolution / tpe / gp / cmaes against Optuna
# RandomSampler / TPESampler / TPESampler(multivariate) / CmaEsSampler on the synthetic functions,
# side by side. Each (function, algorithm, seed) is one 200-trial study; the best after 20, 50, 100
# and 200 trials is read off it (no algorithm knows its budget). Also the ask+tell time per trial
# at 200 trials (median of the last 10) and, in one 1,000-trial study on Hartmann-6, at 1,000.
# Writes bench/results/hpo.json and bench/results/hpo.md.
#   bench/hpo_vs_optuna/run.sh [REPEATS=10] [SEED=0] [FUNCTIONS=all]
# Needs Debian's python3-optuna (apt-get install -y python3-optuna). SKIP_OPTUNA=1 reuses the
# Optuna lines of an earlier run (bench/work/hpo/optuna.jsonl).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeats="${1:-10}"
seed="${2:-0}"
functions="${3:-branin,hartmann3,hartmann6,rosenbrock,ackley,levy,styblinski_tang,michalewicz,rastrigin,six_hump_camel,griewank}"
/usr/bin/python3 -c "import optuna" 2>/dev/null || { echo "needs Debian's python3-optuna: apt-get install -y python3-optuna"; exit 2; }
work="$root/bench/work/hpo"; mkdir -p "$work" "$root/bench/results"
# GYRUS_CP: run a built app class path directly instead of the ./gyrus launcher (which builds).
if [ -n "${GYRUS_CP:-}" ]; then
  gyrus=(java -cp "$GYRUS_CP" org.gyrus.app.Main)
else
  gyrus=("$root/gyrus")
fi
if [ -z "${SKIP_OPTUNA:-}" ]; then
  /usr/bin/python3 "$here/optuna_synthetic.py" --functions "$functions" --repeats "$repeats" --seed "$seed" \
    | sed -u 's/^{/{"system": "optuna", /' > "$work/optuna.jsonl"
fi
: > "$work/gyrus.jsonl"
for f in ${functions//,/ }; do
  for a in random evolution tpe gp cmaes; do
    "${gyrus[@]}" bench synthetic --function "$f" --algorithm "$a" --trials 200 --checkpoints 20,50,100,200 \
      --repeats "$repeats" --seed "$seed" 2>/dev/null | tail -n 1 | sed 's/^{/{"system":"gyrus",/' >> "$work/gyrus.jsonl"
    tail -n 1 "$work/gyrus.jsonl" | cut -c1-160
  done
done
: > "$work/overhead.jsonl"
for a in random evolution tpe cmaes; do # gp's fit is cubic in the trials: measured at 200 above
  "${gyrus[@]}" bench synthetic --function hartmann6 --algorithm "$a" --trials 1000 --repeats 1 --seed "$seed" \
    2>/dev/null | tail -n 1 | sed 's/^{/{"system":"gyrus",/' >> "$work/overhead.jsonl"
done
/usr/bin/python3 "$here/optuna_synthetic.py" --functions hartmann6 --trials 1000 --checkpoints 1000 --repeats 1 --seed "$seed" \
  | sed -u 's/^{/{"system": "optuna", /' >> "$work/overhead.jsonl"
/usr/bin/python3 "$here/report.py" "$work" "$root/bench/results/hpo.json" "$root/bench/results/hpo.md" \
  "$(/usr/bin/python3 -c 'import optuna; print(optuna.__version__)')"
cat "$root/bench/results/hpo.md"
