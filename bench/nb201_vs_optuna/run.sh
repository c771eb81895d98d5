#!/usr/bin/env bash
# NAS-Bench-201: Gyrus random / evolution / tpe / mcts against Optuna RandomSampler / TPESampler,
# same table, same budgets of distinct queries, same repeats, run side by side.
# Writes bench/results/nb201.json and bench/results/nb201.md.
#   bench/nb201_vs_optuna/run.sh [REPEATS] [SEED] [OVERHEAD_TRIALS] [OPTUNA_TPE_OVERHEAD_TRIALS]
# Needs: apt-get install python3-optuna (Optuna 3.1 from Debian).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeats="${1:-50}"
seed="${2:-1000}"
overhead="${3:-10000}"
optuna_tpe_overhead="${4:-2000}"
budgets="50,100,300"
table="${GYRUS_DATA:-$root/../shared/data}/nas-bench-201/nb201-cifar10.csv"
[ -f "$table" ] || { echo "no table at $table (set GYRUS_DATA)"; exit 2; }
/usr/bin/python3 -c "import optuna" 2>/dev/null || { echo "needs Debian's python3-optuna: apt-get install -y python3-optuna"; exit 2; }
work="$root/bench/work/nb201"; mkdir -p "$work" "$root/bench/results"
: > "$work/lines.jsonl"
"$root/gyrus" --version >/dev/null # build once
for algo in random evolution tpe mcts; do
  for q in ${budgets//,/ }; do
    extra=()
    [ "$q" = 50 ] && extra=(--overhead "$overhead")
    "$root/gyrus" bench nb201 --algorithm "$algo" --queries "$q" --repeats "$repeats" --seed "$seed" --data "${GYRUS_DATA:-$root/../shared/data}" "${extra[@]}" 2>/dev/null | tail -n 1 | sed 's/^{/{"system":"gyrus",/' >> "$work/lines.jsonl"
    tail -n 1 "$work/lines.jsonl"
  done
done
for s in random tpe; do
  oh=$([ "$s" = tpe ] && echo "$optuna_tpe_overhead" || echo "$overhead")
  /usr/bin/python3 "$here/optuna_nb201.py" --table "$table" --sampler "$s" --queries "$budgets" --repeats "$repeats" --seed "$seed" --overhead "$oh" \
    | sed -u 's/^{/{"system":"optuna",/' | tee -a "$work/lines.jsonl"
done
/usr/bin/python3 "$here/report.py" "$work/lines.jsonl" "$root/bench/results/nb201.json" "$root/bench/results/nb201.md" "$(/usr/bin/python3 -c 'import optuna; print(optuna.__version__)')"
cat "$root/bench/results/nb201.md"
